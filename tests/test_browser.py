"""Every page in real headless Chromium: nothing loads from another origin, nothing fails, the
console stays clean, and the help link is in the same place on every page."""

import pytest

from conftest import all_page_paths, axe_audit, read_html


def visit(browser, base_url, path, *, viewport=(1280, 800), color_scheme="light",
          javascript=True, wait_until="networkidle"):
    """Open a page as a reader would and record everything that went wrong."""
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        color_scheme=color_scheme, java_script_enabled=javascript,
    )
    page = context.new_page()
    problems = {"other_origin": [], "failed": [], "console": []}

    def route(route_request):
        url = route_request.request.url
        if url.startswith(base_url) or url.startswith("data:"):
            route_request.continue_()
        else:
            problems["other_origin"].append(url)
            route_request.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda request: problems["failed"].append(
        f"{request.url} {request.failure}"))
    page.on("response", lambda response: response.status >= 400
            and not response.url.endswith("/404.html")
            and problems["failed"].append(f"{response.status} {response.url}"))
    page.on("console", lambda message: message.type in ("error", "warning")
            and problems["console"].append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: problems["console"].append(f"page error: {error}"))
    page.goto(base_url + path, wait_until=wait_until)
    if page.url != base_url + path:
        # A redirect page (a short link) moved on at once, cutting off its own icon's request.
        problems["failed"] = [f for f in problems["failed"] if not f.endswith("net::ERR_ABORTED")]
    return context, page, problems


@pytest.fixture(scope="module")
def page_paths(site):
    return all_page_paths(site)


@pytest.fixture(scope="module")
def redirects(site, page_paths):
    """Short link pages, which move on at once: wait for the page they lead to."""
    return {path for path in page_paths
            if read_html(site, path).select_one('meta[http-equiv="refresh"]')}


def help_link_box(page, path, width):
    link = page.locator("header .site-help-link")
    assert link.is_visible(), path
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, (path, box)
    return round(box["x"]), round(box["y"]), round(box["width"])


def test_every_page_loads_cleanly_with_javascript_passes_axe_and_keeps_the_help_link_in_place(
        browser, server, page_paths, redirects):
    """Nothing from another origin, no failed request, no console message; axe finds nothing,
    light or dark; and the help link is visible in the same place on every page, at 1280 and
    at 320 pixels wide."""
    report, positions, failures = {}, {1280: {}, 320: {}}, []
    for path in page_paths:
        context, page, problems = visit(browser, server, path)
        if path in redirects:  # moving on at once may cut off the page's own icon request
            problems["failed"] = [f for f in problems["failed"]
                                  if not f.endswith("net::ERR_ABORTED")]
        # Let Material's search worker start, since it loads the search index.
        page.wait_for_timeout(150)
        positions[1280][path] = help_link_box(page, path, 1280)
        problems = {kind: list(found) for kind, found in problems.items()}  # before axe runs
        if path not in redirects:  # a redirect page shows its target, audited on its own
            failures += axe_audit(page, path, [("light", 1280), ("dark", 1280)])
        page.set_viewport_size({"width": 320, "height": 640})
        positions[320][path] = help_link_box(page, path, 320)
        context.close()
        if any(problems.values()):
            report[path] = problems
    assert report == {} and failures == []
    for width, boxes in positions.items():
        assert len(set(boxes.values())) == 1, (width, boxes)


def test_every_page_loads_cleanly_without_javascript_and_fits_a_small_phone(
        browser, server, page_paths, redirects):
    report, too_wide = {}, {}
    for path in page_paths:
        context, page, problems = visit(browser, server, path, javascript=False,
                                        wait_until="networkidle" if path in redirects else "load")
        page.set_viewport_size({"width": 320, "height": 640})
        width = page.evaluate("document.documentElement.scrollWidth")
        context.close()
        if any(problems.values()):
            report[path] = problems
        if width > 320:
            too_wide[path] = width
    assert report == {} and too_wide == {}


def test_color_scheme_follows_the_system_setting_without_javascript(browser, server):
    backgrounds = {}
    for scheme in ("light", "dark"):
        context, page, _ = visit(browser, server, "/", color_scheme=scheme, javascript=False)
        backgrounds[scheme] = page.evaluate(
            "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3)"
            ".reduce((sum, part) => sum + Number(part), 0)")
        context.close()
    assert backgrounds["dark"] < 150 < 600 < backgrounds["light"], backgrounds


def test_drawings_take_the_text_colour_in_light_and_dark_and_print_black(
        browser, server, site, page_paths):
    with_drawings = [path for path in page_paths if read_html(site, path).select_one("svg.drawing__svg")]
    wrong = {}
    for path in with_drawings:
        colours = {}
        for scheme in ("light", "dark"):
            context, page, _ = visit(browser, server, path, color_scheme=scheme, javascript=False)
            drawing = page.locator("svg.drawing__svg").first
            assert drawing.get_attribute("role") == "img" and drawing.get_attribute("aria-label")
            colours[scheme] = drawing.evaluate("svg => [getComputedStyle(svg).color, "
                                               "getComputedStyle(svg.closest('article') || "
                                               "document.body).color]")
            page.emulate_media(media="print")
            colours[f"{scheme} print"] = drawing.evaluate("svg => getComputedStyle(svg).color")
            context.close()
        if colours["light"][0] != colours["light"][1] or colours["dark"][0] != colours["dark"][1] \
                or colours["light"][0] == colours["dark"][0] \
                or {colours["light print"], colours["dark print"]} != {"rgb(0, 0, 0)"}:
            wrong[path] = colours
    assert wrong == {}
