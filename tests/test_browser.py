"""Every page in real headless Chromium: nothing loads from another origin, nothing fails, the
console stays clean, and the help link is in the same place on every page."""

import pytest

from conftest import (EVERY_PAGE_SCREENS, REDIRECT, SEARCH_FILES, all_page_paths, axe_audit,
                      pages_with, qr_codes_on_paper, read_html)


class Reader:
    """One browser tab, as a reader has it, that visits page after page and records what went
    wrong on each. One tab serves a whole round of the site: opening a new one costs more than
    loading a page."""

    def __init__(self, browser, base_url, *, viewport=(1280, 720), color_scheme="light",
                 javascript=True):
        self.base_url = base_url
        self.context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            color_scheme=color_scheme, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.problems = {}
        self.requests_of_this_page = set()
        self.page.route("**/*", self._only_this_site)
        self.page.on("request", lambda request: self.requests_of_this_page.add(request))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", lambda response: response.status >= 400
                     and not response.url.endswith("/404.html")
                     and self._note("failed", f"{response.status} {response.url}"))
        self.page.on("console", lambda message: message.type in ("error", "warning")
                     and self._note("console", f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self._note("console", f"page error: {error}"))

    def visit(self, path, *, wait_until="load", redirect=False) -> dict:
        """Open the page; a redirect page (a short link) is followed to where it leads."""
        # Leave the last page first: leaving cuts off its late requests (such as its icon),
        # which are no fault of the page that comes next.
        self.page.goto("about:blank")
        self.problems = {"other_origin": [], "failed": [], "console": []}
        self.requests_of_this_page.clear()
        address = self.base_url + path
        self.page.goto(address, wait_until=wait_until)
        if redirect:
            self.page.wait_for_url(lambda url: url != address, wait_until="load")
        if self.page.url != address:
            # Moving on at once may cut off the redirect page's own icon request.
            self.problems["failed"] = [f for f in self.problems["failed"]
                                       if not f.endswith("net::ERR_ABORTED")]
        return {kind: list(found) for kind, found in self.problems.items()}

    def close(self):
        self.context.close()

    def _failed(self, request):
        # Chromium may report the last page's cut-off icon request only once the next page is
        # loading; a request this page never made is not this page's failure.
        if request in self.requests_of_this_page:
            self._note("failed", f"{request.url} {request.failure}")

    def _note(self, kind, text):
        self.problems.setdefault(kind, []).append(text)

    def _only_this_site(self, route_request):
        url = route_request.request.url
        if url.startswith(self.base_url) or url.startswith("data:"):
            route_request.continue_()
        else:
            self._note("other_origin", url)
            route_request.abort()


def visit(browser, base_url, path, *, wait_until="networkidle", **window):
    """One page, in a tab of its own: (its window, the tab, what went wrong)."""
    reader = Reader(browser, base_url, **window)
    problems = reader.visit(path, wait_until=wait_until)
    return reader.context, reader.page, problems


@pytest.fixture(scope="module")
def page_paths(site):
    return all_page_paths(site)


@pytest.fixture(scope="module")
def redirects(site):
    """Short link pages, which move on at once: wait for the page they lead to."""
    return set(pages_with(site, REDIRECT))


def help_link_box(page, path, width):
    link = page.locator("header .site-help-link")
    assert link.is_visible(), path
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, (path, box)
    # Where it ends (it sits at the right-hand end of the header), its top, its width (which
    # its words in the page's language set) and that language.
    return (round(box["x"] + box["width"]), round(box["y"]), round(box["width"]),
            page.locator("html").get_attribute("lang"))


# The every-page visit is shared out in halves, one for each test process; the home page is in
# both, as the place every other page's help link is compared with.
HALVES = 2


@pytest.mark.parametrize("half", range(HALVES))
def test_every_page_loads_cleanly_with_javascript_passes_axe_and_keeps_the_help_link_in_place(
        browser, server, page_paths, redirects, half):
    """Nothing from another origin, no failed request, no console message; axe finds nothing
    and nothing scrolls sideways, on a small phone (320 by 640) and a laptop (1280 by 720); and
    the help link is visible in the same place on every page at both sizes."""
    report, positions, failures = {}, {screen: {} for screen in EVERY_PAGE_SCREENS}, []
    paths = ["/"] + [path for path in page_paths[half::HALVES] if path != "/"]
    tab = Reader(browser, server)
    for path in paths:
        tab.page.set_viewport_size({"width": 1280, "height": 720})
        # The home page waits until the network is quiet, so that Material's search files
        # have loaded (they are the same files on every page); other pages until they load.
        problems = tab.visit(path, wait_until="networkidle" if path == "/" else "load",
                             redirect=path in redirects)
        for width, height in EVERY_PAGE_SCREENS:
            tab.page.set_viewport_size({"width": width, "height": height})
            positions[(width, height)][path] = help_link_box(tab.page, path, width)
        if path not in redirects:  # a redirect page shows its target, audited on its own
            failures += axe_audit(tab.page, path,
                                  [("light", screen) for screen in EVERY_PAGE_SCREENS])
        if any(problems.values()):
            report[path] = problems
    tab.close()
    assert report == {} and failures == []
    for screen, boxes in positions.items():
        # The same place on every page; the same size too on pages in the home page's language.
        home = boxes["/"]
        moved = {path: box for path, box in boxes.items()
                 if box[:2] != home[:2] or (box[3] == home[3] and box != home)}
        assert moved == {}, f"at {screen} the help link (right end, top, width, language) is " \
                            f"{home} on the home page"


def test_every_page_loads_cleanly_without_javascript_and_fits_a_small_phone(
        browser, server, page_paths, redirects):
    report, too_wide = {}, {}
    tab = Reader(browser, server, viewport=(320, 640), javascript=False)
    for path in page_paths:
        problems = tab.visit(path, redirect=path in redirects)
        width = tab.page.evaluate("document.documentElement.scrollWidth")
        if any(problems.values()):
            report[path] = problems
        if width > 320:
            too_wide[path] = width
    tab.close()
    assert report == {} and too_wide == {}


def test_search_files_load_only_when_a_reader_opens_search(browser, server):
    tab = Reader(browser, server)
    fetched = []
    tab.page.on("request", lambda request: fetched.append(request.url))
    tab.visit("/", wait_until="networkidle")
    early = [url for url in fetched if any(name in url for name in SEARCH_FILES)]
    assert early == [], "the home page loads search files before anyone searches"
    tab.page.click("header .site-search-link")
    tab.page.wait_for_function("() => document.activeElement?.matches('input.md-search__input')")
    tab.page.keyboard.type("help")
    tab.page.wait_for_selector(".md-search-result__item a")
    assert any(name in url for url in fetched for name in SEARCH_FILES)
    tab.close()


def test_a_qr_code_loads_only_when_its_panel_opens_or_the_page_prints(browser, server, site,
                                                                       tmp_path):
    pages = pages_with(site, "img.share__qr")
    if not pages:
        pytest.skip("the site under test has no page with a QR code")
    tab = Reader(browser, server)
    fetched = []
    tab.page.on("request", lambda request: fetched.append(request.url))
    tab.visit(pages[0], wait_until="networkidle")
    assert not [url for url in fetched if url.endswith(".qr.svg")], "fetched before it shows"
    tab.page.click("details.share-panel > summary")
    tab.page.wait_for_function("() => document.querySelector('img.share__qr').complete")
    assert [url for url in fetched if url.endswith(".qr.svg")]
    tab.close()
    # Printed in a new tab (nothing cached) without the reader opening the panel: the code is
    # on paper, and a phone reads it.
    tab = Reader(browser, server)
    tab.visit(pages[0], wait_until="networkidle")
    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(tab.page.pdf(format="Letter"))
    tab.close()
    address = read_html(site, pages[0]).select_one('link[rel="canonical"]')["href"]
    assert qr_codes_on_paper(pdf, tmp_path) == [address]


def test_color_scheme_follows_the_system_setting_without_javascript(browser, server):
    backgrounds = {}
    for scheme in ("light", "dark"):
        context, page, _ = visit(browser, server, "/", color_scheme=scheme, javascript=False)
        backgrounds[scheme] = page.evaluate(
            "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3)"
            ".reduce((sum, part) => sum + Number(part), 0)")
        context.close()
    assert backgrounds["dark"] < 150 < 600 < backgrounds["light"], backgrounds


def test_drawings_take_the_text_colour_in_light_and_dark_and_print_black(browser, server, site):
    with_drawings = pages_with(site, "svg.drawing__svg")
    colours_by_path = {path: {} for path in with_drawings}
    for scheme in ("light", "dark"):
        tab = Reader(browser, server, color_scheme=scheme, javascript=False)
        for path in with_drawings:
            colours = colours_by_path[path]
            tab.visit(path)
            drawing = tab.page.locator("svg.drawing__svg").first
            assert drawing.get_attribute("role") == "img" and drawing.get_attribute("aria-label")
            colours[scheme] = drawing.evaluate("svg => [getComputedStyle(svg).color, "
                                               "getComputedStyle(svg.closest('article') || "
                                               "document.body).color]")
            tab.page.emulate_media(media="print")
            colours[f"{scheme} print"] = drawing.evaluate("svg => getComputedStyle(svg).color")
            tab.page.emulate_media(media="screen")
        tab.close()
    wrong = {path: colours for path, colours in colours_by_path.items()
             if colours["light"][0] != colours["light"][1]
             or colours["dark"][0] != colours["dark"][1]
             or colours["light"][0] == colours["dark"][0]
             or {colours["light print"], colours["dark print"]} != {"rgb(0, 0, 0)"}}
    assert wrong == {}
