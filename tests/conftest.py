"""Shared fixtures: the site under test built once with `mkdocs build --strict`, served on
localhost, and a real headless Chromium to read it as a person would.

The site under test is the one whose mkdocs.yml is in the project folder, or, when SITE_PROJECT
names another folder, that site: the engine's gate runs on any practice's site. Tests that need
known content use the fixture practice in tests/fixtures/site instead."""

from __future__ import annotations

import contextlib
import io
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

PROJECT = Path(__file__).resolve().parent.parent
SITE_PROJECT = Path(os.environ.get("SITE_PROJECT") or PROJECT).resolve()
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"
# Tests fix "today" so that review-age verdicts never change with the calendar.
FIXED_TODAY = "2026-11-26"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# axe judges colours at rest: Material eases colours in over a fraction of a second, and a
# scheme switched during a visit would otherwise be read half-way.
AT_REST = "*, *::before, *::after { transition: none !important; animation: none !important; }"


# The first round trip of a new connection: TCP's initial window, 10 segments of 1,460 bytes.
FIRST_ROUND_TRIP = 14_600

# A redirect page (a short link, a moved page) moves on by this meta refresh.
REDIRECT = 'meta[http-equiv="refresh"]'
# Material's search files: its index and its worker.
SEARCH_FILES = ("search_index.json", "/workers/search.")


# The screens every page is judged at, and the full set for one page of each kind.
EVERY_PAGE_SCREENS = [(320, 640), (1280, 720)]
ALL_SCREENS = [(320, 640), (375, 667), (768, 1024), (1280, 720), (1920, 1080)]


def axe_audit(page, path: str, states) -> list[str]:
    """axe-core's violations on an open page, in each (scheme, (width, height)) of `states`,
    and any screen the page is wider than. axe and the at-rest style are put in by the test
    runner (page.evaluate), which the page's own Content-Security-Policy does not govern, so
    the page is audited as a reader gets it."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css); "
                  "document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
                  AT_REST)
    failures = []
    for scheme, (width, height) in states:
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": width, "height": height})
        # Violations only: axe then keeps one example of each passing rule instead of every
        # element, which makes a run two to three times faster and changes no verdict.
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                               "resultTypes: ['violations']})", AXE_TAGS)
        where = f"{path} ({scheme}, {width}x{height})"
        failures += [f"{where}: {v['id']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
                     for v in result["violations"]]
        scrolled = page.evaluate("document.documentElement.scrollWidth")
        if scrolled > width:
            failures.append(f"{where}: the page is {scrolled} px wide and scrolls sideways")
    page.emulate_media(color_scheme="light")
    return failures


# What only one kind of page the engine lays out has (the first match wins); the home page,
# "page not found" and plain information pages are known otherwise.
PAGE_KINDS = [
    ("short link", REDIRECT),
    ("exercise", "form.exercise"),
    ("feelings guide", ".feelings__choices"),
    ("feeling", ".feelings__signs"),
    ("clinicians", ".clinician-links"),
    ("editors' report", ".editors-report"),
    ("topics", ".topics"),
    ("references", ".bibliography"),
    ("author", ".page-list"),
    ("help", ".help-lines"),
    ("guide", ".handout-link"),
    ("article", ".byline"),
]


def one_page_of_each_kind(site_dir: Path) -> dict[str, str]:
    """{kind: the first page of that kind}, for the checks too costly to run on every page."""
    kinds = {"home": "/", "not found": "/404.html"}
    language = read_html(site_dir, "/").html.get("lang")
    # Pages in the site's first language first: a translation stands for its kind only when
    # no page in that language has the kind.
    paths = sorted(all_page_paths(site_dir),
                   key=lambda path: read_html(site_dir, path).html.get("lang") != language)
    for path in paths:
        if path in kinds.values():
            continue
        soup = read_html(site_dir, path)
        kind = next((name for name, marker in PAGE_KINDS if soup.select_one(marker)),
                    "information")
        kinds.setdefault(kind, path)
    return kinds


def build_site(project_dir: Path, site_dir: Path, *options: str,
               **env_overrides) -> subprocess.CompletedProcess:
    """Run the real strict build, as the README and the deploy do. Never with -v: it silently
    skips MkDocs' anchor check. The PDF handouts are left out (SITE_HANDOUTS=skip) unless a
    test asks for them with SITE_HANDOUTS="": the site under test and the tests about the
    handouts do; the many builds that check an author's mistake need not spend time on PDFs."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_TODAY": FIXED_TODAY,
           "SITE_HANDOUTS": "skip", **env_overrides}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *options,
         "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project_dir, timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """A private copy of the project's site sources, for tests that change a file."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(PROJECT / name, destination / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def fixture_site(destination: Path) -> Path:
    """A copy of the fixture practice's site, with the engine's hooks and overrides."""
    shutil.copytree(FIXTURE, destination)
    for shared in ("hooks", "overrides"):
        shutil.copytree(PROJECT / shared, destination / shared,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return destination


@functools.cache
def engine_words(language: str) -> dict:
    """The engine's words for readers in `language` (hooks/labels/<language>.yml), for tests
    that read what a page in that language says."""
    import yaml

    return yaml.safe_load((PROJECT / "hooks" / "labels" / f"{language}.yml")
                          .read_text(encoding="utf-8"))


def read_html(site_dir: Path, url_path: str) -> BeautifulSoup:
    path = site_dir / url_path.strip("/") / "index.html" if not url_path.endswith(".html") \
        else site_dir / url_path.lstrip("/")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages_with(site_dir: Path, selector: str) -> list[str]:
    """Every page of the built site that has an element matching `selector`."""
    return [path for path in all_page_paths(site_dir)
            if read_html(site_dir, path).select_one(selector)]


def handout_pdf(site_dir: Path, path: str) -> Path:
    """The ready-made PDF a page links to."""
    link = read_html(site_dir, path).select_one(".handout-link a")
    assert link is not None and link["type"] == "application/pdf", path
    return site_dir / path.strip("/") / link["href"]


def all_page_paths(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths ("/", "/help/", "/404.html")."""
    paths = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.endswith("index.html"):
            paths.append("/" + relative[: -len("index.html")])
        else:
            paths.append("/" + relative)
    return paths


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(SITE_PROJECT, site_dir, SITE_HANDOUTS="")
    return site_dir, result


@pytest.fixture(scope="session")
def site(built_site) -> Path:
    site_dir, result = built_site
    assert result.returncode == 0, f"The site did not build:\n{result.stderr}"
    return site_dir


def press_tab_until(page, condition: str, limit: int) -> bool:
    """Press Tab, as a keyboard user does, until the JavaScript `condition` about
    document.activeElement holds; False if it never does within `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {condition}; }})()"):
            return True
    return False


def open_menu_by_keyboard(page):
    """Tab to the header's Menu control and press Enter; works with JavaScript off."""
    assert press_tab_until(page, "e.getAttribute('aria-label') === 'Menu'", 8), \
        "the Menu control cannot be reached by Tab"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # the drawer slides in


def open_without_javascript(browser, server, path, **options):
    context = browser.new_context(java_script_enabled=False, **options)
    page = context.new_page()
    log = {"requests": [], "console": []}
    icon = []  # the page's own icon: the browser may fetch it at any time, and it sends nothing
    page.on("request", lambda request: None if request.url in icon
            else log["requests"].append(request.url))
    page.on("console", lambda message: log["console"].append(f"{message.type}: {message.text}"))
    page.goto(server + path, wait_until="networkidle")
    icon += page.eval_on_selector_all('link[rel="icon"]', "els => els.map(e => e.href)")
    log["requests"].clear()  # only what happens after the page loaded counts
    return context, page, log


def printed(page, paper: str = "A4") -> PdfReader:
    """The page as a reader prints it on `paper`, read back from the PDF."""
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))


def pdf_text(page) -> str:
    reader = printed(page)
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def parse_request(self):
        # Every request that arrives, whatever its method, even one the server cannot answer.
        self.server.requests.append(self.raw_requestline.decode("latin-1").strip())
        return super().parse_request()

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page that moves on at once (a short link) drops its own requests mid-answer.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(directory: Path, requests: list | None = None):
    """A built site served on a free localhost port; yields its base URL. The request line of
    every request it receives is added to `requests`, when given."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    httpd.requests = requests if requests is not None else []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site) -> str:
    with serving(site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def qr_codes_on_paper(pdf: Path, folder: Path) -> list[str]:
    """What a phone's camera reads from the QR codes of each page of a PDF, as printed."""
    import pypdfium2

    read = []
    for number, printed in enumerate(pypdfium2.PdfDocument(str(pdf))):
        image = folder / f"page-{number}.png"
        printed.render(scale=4).to_pil().save(image)
        read += subprocess.run(["zbarimg", "--raw", "--quiet", str(image)],
                               capture_output=True, text=True, timeout=60).stdout.split()
    return read


def assert_wrong_switch_stops_the_build(tmp_path: Path, name: str, value: str):
    """A build with `name`=`value`, which is not a choice, stops and names the choices."""
    wrong = build_site(fixture_site(tmp_path / "project"), tmp_path / "site", **{name: value})
    assert wrong.returncode != 0
    assert f"{name}={value!r} is not a choice" in wrong.stderr
    assert f"{name}=off" in wrong.stderr and "Traceback" not in wrong.stderr
