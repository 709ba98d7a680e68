"""A published guide can be renamed: one `moved:` entry moves the page and every one of its
steps, and a renamed step moves with its own entry. Clinicians' old links, step included, still
land on the step, in a real browser; readers without script still reach the page."""

import re
from pathlib import Path

import pytest

from conftest import build_site, fixture_site, read_html, serving

MOVES = """moved:
  - from: guides/steps/
    target: guides/two-steps.md
  - from: guides/steps/#step-2-be-kind
    target: guides/two-steps.md#step-2-be-gentle
"""


def _rename_guide(site: Path):
    (site / "docs/guides/steps.md").rename(site / "docs/guides/two-steps.md")
    for path in [site / "mkdocs.yml", *(site / "docs").rglob("*.md"),
                 *(site / "docs/_data").glob("short-links.yml")]:
        text = path.read_text(encoding="utf-8")
        text = text.replace("guides/steps.md", "guides/two-steps.md")
        text = text.replace("step-2-be-kind", "step-2-be-gentle")
        path.write_text(text, encoding="utf-8")
    links = site / "docs/_data/short-links.yml"
    links.write_text(links.read_text(encoding="utf-8").replace("moved: []\n", MOVES),
                     encoding="utf-8")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    root = tmp_path_factory.mktemp("moved")
    site = fixture_site(root / "project")
    _rename_guide(site)
    result = build_site(site, root / "site")
    # The published-address check passes: every old address and step is still served.
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_the_old_address_lists_every_step_as_a_plain_link(renamed):
    page = read_html(renamed, "/guides/steps/")
    steps = {link["id"]: link["href"] for link in page.select("a[data-step]")}
    assert steps == {"step-1-notice": "../two-steps/#step-1-notice",
                     "step-2-be-kind": "../two-steps/#step-2-be-gentle"}
    assert page.select_one("a[data-redirect]")["href"] == "../two-steps/"
    refresh = page.select_one("noscript meta[http-equiv=refresh]")
    assert refresh and refresh["content"].endswith("url=../two-steps/")


def test_the_redirect_script_is_approved_by_its_hash_and_nothing_else_is(renamed):
    page = read_html(renamed, "/guides/steps/")
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    scripts = [s for s in page.select("script:not([src])") if s.get("type") is None]
    assert len(re.findall(r"'sha256-", policy)) == len({s.string for s in scripts})
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("old, new", [
    ("/guides/steps/", "/guides/two-steps/"),
    ("/guides/steps/#step-1-notice", "/guides/two-steps/#step-1-notice"),
    ("/guides/steps/#step-2-be-kind", "/guides/two-steps/#step-2-be-gentle"),
])
def test_an_old_link_lands_on_the_same_step_in_a_browser(renamed, browser, old, new):
    with serving(renamed) as base:
        context = browser.new_context()
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(base + old)
        page.wait_for_url(base + new, timeout=10_000)
        assert page.url == base + new
        assert not [line for line in console if "Content Security Policy" in line], console
        context.close()


def test_without_script_an_old_link_still_reaches_the_page(renamed, browser):
    with serving(renamed) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "/guides/steps/#step-2-be-kind")
        page.wait_for_url(re.compile(re.escape(base) + r"/guides/two-steps/"), timeout=10_000)
        assert page.locator("h1").inner_text() == "Two small steps"
        context.close()
