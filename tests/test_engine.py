"""The engine's own parts, tried in-process where they are plain functions and through a real
build of the fixture practice where they shape pages: words from labels, colours from
configuration, optional parts that stay out of the way, and `mkdocs serve` reloading a page."""

from __future__ import annotations

import datetime
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from markupsafe import Markup
import yaml
from mkdocs.exceptions import PluginError

from conftest import PROJECT, build_site, fixture_site, read_html

sys.path.insert(0, str(PROJECT / "hooks"))
import labels  # noqa: E402  an engine hook, imported as MkDocs imports it
import look  # noqa: E402
from starter import make_site  # noqa: E402  what `bootstrap.sh new` runs

ENGLISH = yaml.safe_load((PROJECT / "hooks/labels/en.yml").read_text(encoding="utf-8"))
# label("key", …), or label_in(language, "key", …) for a label in another page's language.
LABEL_CALL = re.compile(r"""label(?:\(|_in\(\s*[\w.]+\s*,)\s*["']([a-z_]+)["']""")


# --- A new site ------------------------------------------------------------------------------

@pytest.mark.parametrize("country, paper", [("us", "letter"), ("ca", "letter"), ("gb", "A4"),
                                            ("ie", "A4")])
def test_a_new_site_prints_its_handouts_on_the_paper_of_its_country(country, paper):
    config = yaml.safe_load(make_site.practice_config({"practice_name": "A practice",
                                                       "country": country}))
    assert config["extra"]["handout_paper"] == paper


# --- Words as data ----------------------------------------------------------------------------

def test_every_label_the_engine_asks_for_is_in_the_labels_file_and_every_label_is_used():
    used = set()
    for path in [*(PROJECT / "overrides").rglob("*.html"), *(PROJECT / "hooks").rglob("*.py")]:
        used |= set(LABEL_CALL.findall(path.read_text(encoding="utf-8")))
    used |= {key for key in ENGLISH if key.startswith("clinicians_")}  # named in a table
    assert used - set(ENGLISH) == set(), "asked for but not in hooks/labels/en.yml"
    assert set(ENGLISH) - used == set(), "in hooks/labels/en.yml but never used"


def test_a_practice_overrides_a_label_and_keeps_the_rest():
    words = labels.load_labels("en", {"help_link": "Need help?"})
    assert words["help_link"] == "Need help?"
    assert words["review_pending"] == ENGLISH["review_pending"]


@pytest.mark.parametrize("overrides, message", [
    ({"help_lnk": "Help"}, "Did you mean 'help_link'?"),
    ({"byline_by": "Written by {name}"}, "{author}"),
    ({"help_link": ["Help"]}, "give the text to show"),
    ({"help_link": "Help {"}, "exactly these parts in braces"),
    ("help_link: Help", "indented under 'labels:'"),
])
def test_a_mistake_in_the_practice_labels_names_the_key_and_the_fix(overrides, message):
    with pytest.raises(PluginError, match=re.escape(message)):
        labels.load_labels("en", overrides)


def test_a_language_without_labels_is_refused_with_the_languages_there_are():
    with pytest.raises(PluginError, match=r"no words for 'xx'.*\(it has: en, es\)"):
        labels.load_labels("xx", None)


def test_labels_are_made_safe_for_html_and_filled_in():
    labels.build.labels = {"en": {"x": "Fish & <chips> by {author}"}}
    # A value is escaped too, unless it is markup the engine made itself.
    assert labels.label("x", author="<a>A</a>") == "Fish &amp; &lt;chips&gt; by &lt;a&gt;A&lt;/a&gt;"
    assert labels.label("x", author=Markup("<a>A</a>")) == "Fish &amp; &lt;chips&gt; by <a>A</a>"


@pytest.mark.parametrize("language, expected", [("en", "November 5, 2026"),
                                                ("es", "5 de noviembre de 2026")])
def test_dates_are_written_by_the_rules_of_the_language(language, expected):
    labels.build.language = language
    assert labels.format_date(datetime.date(2026, 11, 5)) == expected
    labels.build.language = "en"


# --- Look as configuration --------------------------------------------------------------------

def test_colours_become_css_for_each_scheme():
    css = look.look_css({"light": {"accent": "#123456"}, "dark": {"link": "#abcdef"}})
    assert "@media not all and (prefers-color-scheme: dark) {\n:root {\n  --site-accent: #123456;" \
        in css
    assert "@media (prefers-color-scheme: dark) {\n:root {\n  --site-link: #abcdef;" in css
    assert look.look_css(None) == ""


@pytest.mark.parametrize("setting, message", [
    ({"light": {"accent": "teal; } body { display: none"}}, "is not a colour"),
    ({"light": {"acent": "#123456"}}, "'acent' is not a colour the engine uses"),
    ({"sepia": {"accent": "#123456"}}, "under 'light:' and 'dark:'"),
    ({"light": "#123456"}, "list colours under it"),
])
def test_a_colour_mistake_is_named_and_nothing_else_reaches_the_style_sheet(setting, message):
    with pytest.raises(PluginError, match=re.escape(message)):
        look.look_css(setting)


def test_the_practice_colours_reach_the_page(tmp_path, browser):
    site = fixture_site(tmp_path / "project")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "extra:\n", 'extra:\n  look:\n    light:\n      background: "#fdf6e3"\n'
                    '    dark:\n      background: "#002b36"\n', 1))
    result = build_site(site, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page_html = (tmp_path / "site" / "index.html").as_uri()
    for scheme, colour in (("light", "rgb(253, 246, 227)"), ("dark", "rgb(0, 43, 54)")):
        context = browser.new_context(color_scheme=scheme, java_script_enabled=False)
        page = context.new_page()
        page.goto(page_html)
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == colour
        context.close()


# --- Optional means optional ------------------------------------------------------------------

def test_a_site_without_the_optional_parts_builds_strictly_with_at_most_a_note_each(tmp_path):
    site = fixture_site(tmp_path / "project")
    for name in ("feelings", "short-links", "published-addresses", "flagged-phrases",
                 "http-allowlist"):
        (site / "docs" / "_data" / f"{name}.yml").unlink()
    (site / "docs" / "exercises" / "feelings" / "index.md").unlink()
    config = site / "mkdocs.yml"
    config.write_text(config.read_text()
                      .replace("      - exercises/feelings/index.md\n", "")
                      .replace("extra:\n", "extra:\n  features:\n    share_panel: false\n", 1))
    result = build_site(site, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    notes = [line for line in result.stderr.splitlines() if "hooks/" in line]
    assert len(notes) <= 1 and all("is off" in note for note in notes), notes
    guide = read_html(tmp_path / "site", "/guides/steps/")
    assert guide.select_one(".share-panel") is None
    assert not (tmp_path / "site" / "go").exists()


def test_qr_codes_can_be_left_out_of_the_share_panel(tmp_path):
    site = fixture_site(tmp_path / "project")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "extra:\n", "extra:\n  features:\n    qr_codes: false\n", 1))
    result = build_site(site, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    panel = read_html(tmp_path / "site", "/guides/steps/").select_one(".share-panel")
    assert panel is not None and panel.select_one("img, svg") is None
    assert "/guides/steps/" in panel.get_text()
    assert list((tmp_path / "site").rglob("*.qr.svg")) == []


def test_a_file_of_the_site_where_a_qr_code_goes_stops_the_build_and_is_kept(tmp_path):
    site = fixture_site(tmp_path / "project")
    own = site / "docs" / "guides" / "steps" / "index.qr.svg"
    own.parent.mkdir(parents=True)
    own.write_text("<svg>the author's own</svg>")
    result = build_site(site, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/guides/steps/index.qr.svg: the engine writes the QR code of docs/guides/steps.md" \
        in result.stderr and "qr_codes: false" in result.stderr
    assert "Traceback" not in result.stderr
    assert own.read_text() == "<svg>the author's own</svg>"


def test_a_running_total_shows_only_where_the_exercise_asks_for_it(tmp_path):
    site = fixture_site(tmp_path / "project")
    exercise = site / "docs" / "exercises" / "try.md"
    scale = ("        - name: how-often\n          type: scale\n          label: How often?\n"
             "          scale:\n            - {value: 0, label: Never}\n"
             "            - {value: 1, label: Sometimes}\n"
             "          items:\n            - {id: rest, statement: I rested.}\n")
    text = exercise.read_text().replace("        - name: words\n", scale + "        - name: words\n")
    exercise.write_text(text)
    without = build_site(site, tmp_path / "without")
    assert without.returncode == 0, without.stderr
    assert read_html(tmp_path / "without", "/exercises/try/").select_one(".scale-total") is None
    exercise.write_text(text.replace("          label: How often?\n",
                                     "          label: How often?\n          running_total: true\n"))
    with_total = build_site(site, tmp_path / "with")
    assert with_total.returncode == 0, with_total.stderr
    assert read_html(tmp_path / "with", "/exercises/try/").select_one(".scale-total")


# --- mkdocs serve -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("path, source", [("/articles/first/", "articles/first.md"),
                                          ("/exercises/try/", "exercises/try.md")])
def test_serve_reloads_the_open_page_on_save_without_a_policy_error(tmp_path, browser, path,
                                                                    source):
    site = fixture_site(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
         "-f", str(site / "mkdocs.yml")], cwd=site, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, env={**__import__("os").environ,
                                                  "NO_MKDOCS_2_WARNING": "1"})
    context = browser.new_context()
    try:
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        for _ in range(120):  # the first build takes a moment
            try:
                page.goto(f"http://127.0.0.1:{port}{path}")
                break
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.5)
        page.wait_for_timeout(1000)  # the live-reload script starts polling
        markdown = site / "docs" / source
        markdown.write_text(markdown.read_text() + "\nA sentence saved while serving.\n")
        # Read the page from outside it: the page's own policy forbids evaluated script.
        for _ in range(60):
            try:
                if "A sentence saved while serving." in page.inner_text("body"):
                    break
            except Exception:  # noqa: BLE001 - the page is reloading at this moment
                pass
            page.wait_for_timeout(500)
        else:
            pytest.fail(f"{path} was not reloaded after the save: {console}")
        assert [line for line in console if "Content Security Policy" in line
                or "Content-Security-Policy" in line] == []
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=30)


# --- The wiring is explicit -------------------------------------------------------------------

def test_the_order_of_the_hook_list_changes_nothing_in_the_built_site(tmp_path):
    """Hooks share data through one state object and say by event priority where order
    matters, so the list in hooks/engine.yml can be in any order."""
    sites = {}
    for order in ("as-shipped", "reversed"):
        project = fixture_site(tmp_path / order)
        if order == "reversed":
            engine = project / "hooks" / "engine.yml"
            lines = engine.read_text().splitlines(keepends=True)
            places = [number for number, line in enumerate(lines) if line.startswith("  - hooks/")]
            for number, line in zip(places, reversed([lines[n] for n in places])):
                lines[number] = line
            engine.write_text("".join(lines))
        result = build_site(project, tmp_path / f"{order}-site", SITE_HANDOUTS="")
        assert result.returncode == 0, result.stderr
        sites[order] = {path.relative_to(tmp_path / f"{order}-site").as_posix(): content(path)
                        for path in (tmp_path / f"{order}-site").rglob("*") if path.is_file()}
    assert sites["as-shipped"].keys() == sites["reversed"].keys()
    differing = [name for name, content in sites["as-shipped"].items()
                 if sites["reversed"][name] != content]
    assert differing == []


def content(path):
    """A file's bytes; a PDF's text and page count, since WeasyPrint's compressed streams
    differ from run to run even for the same page."""
    if path.suffix != ".pdf":
        return path.read_bytes()
    reader = PdfReader(path)
    return len(reader.pages), [page.extract_text() for page in reader.pages]


def hook_events(path: Path) -> str:
    """"on_config (90), on_env": the MkDocs events a hook handles, with any priority."""
    import ast

    events = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_"):
            priority = [ast.unparse(d.args[0]) for d in node.decorator_list
                        if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "event_priority"]
            events.append(node.name + (f" ({priority[0]})" if priority else ""))
    return ", ".join(events)


def test_the_architecture_page_lists_every_hook_with_the_events_it_handles():
    engine = yaml.safe_load((PROJECT / "hooks/engine.yml").read_text().replace("!ENV", ""))
    listed = [Path(hook).stem for hook in engine["hooks"]]
    on_disk = sorted(path.stem for path in (PROJECT / "hooks").glob("*.py"))
    assert sorted(listed) == on_disk, "every hook file is in hooks/engine.yml, and only those"
    table = {}
    for line in (PROJECT / "hooks/README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0] in listed:
            table[cells[0]] = cells[1]
    assert table == {name: hook_events(PROJECT / "hooks" / f"{name}.py") for name in listed}
