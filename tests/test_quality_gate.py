"""The quality gate: every page of the built site (the 404 page and short link pages
included) in real headless Chromium, judged by real tools: axe-core and the Nu HTML Checker.
Each failure names the page and the rule."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import (ALL_SCREENS, REDIRECT, all_page_paths, axe_audit, one_page_of_each_kind,
                      open_menu_by_keyboard, press_tab_until, read_html)

VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_site_builds_strictly_without_a_single_warning(built_site):
    _, result = built_site
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr


@pytest.fixture(scope="module")
def page_paths(site):
    return all_page_paths(site)


def without_refresh(first: str, scripts: bool):
    """A route handler that serves the page at `first` without its meta refresh, and refuses
    the site's scripts unless `scripts`."""
    def route(route_request):
        request = route_request.request
        if request.resource_type == "script" and not scripts:
            route_request.abort()
        elif request.url == first:
            response = route_request.fetch()
            body = re.sub(r'<meta http-equiv="refresh"[^>]*>', "", response.text())
            route_request.fulfill(response=response, body=body)
        else:
            route_request.continue_()
    return route


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts running", "scripts blocked"])
def test_axe_finds_no_violation_and_nothing_scrolls_sideways_on_each_kind_of_page_at_every_size(
        browser, server, site, scripts):
    """One page of each kind, light and dark, at five screen sizes from a small phone to a
    large monitor, as a reader with JavaScript gets it and as one without (the site's own
    scripts refused). Every page is audited at two sizes in test_browser.py's visit. A redirect
    page is audited as served, minus its meta refresh, so that it stays put while axe reads it;
    with scripts running it moves on at once, to a page audited on its own."""
    failures = []
    for kind, path in one_page_of_each_kind(site).items():
        if scripts and read_html(site, path).select_one(REDIRECT):
            continue
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        page.route("**/*", without_refresh(server + path, scripts))
        page.goto(server + path, wait_until="networkidle" if scripts else "load")
        failures += axe_audit(page, f"{path} ({kind})",
                              [(scheme, screen) for screen in ALL_SCREENS
                               for scheme in ("light", "dark")])
        context.close()
    assert failures == []


def test_nu_html_checker_finds_no_error(site):
    java = shutil.which("java")
    assert java, "Java is needed to run the Nu HTML Checker (vnu.jar)"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only",
                             "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].split(str(site))[-1]}: {m['message']}" for m in messages
              if m.get("type") == "error"]
    assert errors == []


def test_every_page_has_a_strict_content_security_policy_before_any_script(site, page_paths):
    problems = []
    for path in page_paths:
        html_path = site / path.lstrip("/") if path.endswith(".html") \
            else site / path.strip("/") / "index.html"
        html = html_path.read_text(encoding="utf-8")
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        if not match:
            problems.append(f"{path}: no policy")
            continue
        policy = dict(part.strip().split(" ", 1) for part in match.group(1).split(";"))
        first_script = html.find("<script")
        if first_script != -1 and first_script < match.start():
            problems.append(f"{path}: a script comes before the policy")
        if "'unsafe-inline'" in policy.get("script-src", ""):
            problems.append(f"{path}: script-src allows 'unsafe-inline'")
        expected = {"style-src": "'self'", "img-src": "'self' data:", "form-action": "'none'"}
        problems += [f"{path}: {key} is {policy.get(key)!r}" for key, value in expected.items()
                     if policy.get(key) != value]
        soup = read_html(site, path)
        scriptless = soup.select_one("form.exercise, .feelings__choices, .feelings__signs")
        if scriptless and policy.get("script-src") != "'none'":
            problems.append(f"{path}: an exercise or feelings page allows scripts")
        if soup.select_one(REDIRECT) and \
                not re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+'", policy.get("script-src", "")):
            problems.append(f"{path}: a redirect page allows more than the engine's one script")
        if not soup.select_one('meta[name="referrer"][content="same-origin"]'):
            problems.append(f"{path}: no referrer policy")
        for link in soup.select('a[href^="http"]'):
            if link.get("target") or set(link.get("rel") or []) != {"noopener", "noreferrer"}:
                problems.append(f"{path}: external link {link['href']} without "
                                "rel=\"noopener noreferrer\" or with a target")
    assert problems == []


def test_the_help_page_and_the_not_found_page_run_no_script_and_keep_the_help_link(site):
    help_path = "/" + read_html(site, "/").select_one("header .site-help-link")["href"] \
        .lstrip("./")
    for path in (help_path, "/404.html"):
        soup = read_html(site, path)
        scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        assert scripts == [] and "script-src 'none'" in policy, path
        assert soup.select_one("header .site-help-link"), path
        assert soup.select_one(".md-search") is None, f"{path}: search needs script"


def test_no_script_file_holds_up_the_first_paint(site, page_paths):
    """A script file the parser must stop for delays the first paint on a slow phone; each
    one runs once the page is parsed (defer) or whenever it arrives (async)."""
    blocking = [f"{path}: {script['src']}" for path in page_paths
                for script in read_html(site, path).select("script[src]")
                if not script.has_attr("defer") and not script.has_attr("async")]
    assert blocking == []


def test_every_page_has_a_skip_link_that_leads_to_its_content(site, page_paths):
    missing = []
    for path in page_paths:
        soup = read_html(site, path)
        skip = soup.select_one("a.md-skip")
        if skip is None or soup.find(id=skip["href"].lstrip("#")) is None:
            missing.append(path)
    assert missing == []


def test_focus_is_visible_on_links_and_buttons(browser, server, site, page_paths):
    # An authored page (article, guide, exercise) has the most kinds of control.
    authored = [path for path in page_paths if read_html(site, path).select_one(".byline")]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + (authored[0] if authored else "/"))
    outlines = []
    for _ in range(8):
        page.keyboard.press("Tab")
        outlines.append(page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement); "
            "return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; })()"))
    context.close()
    invisible = [o for o in outlines if o[0] != "INPUT" and (o[1] == "none" or o[2] == "0px")]
    assert invisible == []


def test_navigation_drawer_opens_and_works_by_keyboard_without_javascript(browser, server, site):
    # The menu's last page sits in the last section, which must be opened by keyboard first.
    last = read_html(site, "/").select(".md-sidebar--primary a.md-nav__link[href]")[-1]
    title, address = last.get_text(" ", strip=True), last["href"].lstrip("./")
    help_address = read_html(site, "/").select_one("header .site-help-link")["href"].lstrip("./")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server + "/")
    assert not page.is_visible(f'.md-sidebar--primary a[href$="{address}"]')
    open_menu_by_keyboard(page)
    assert page.is_visible(f'.md-sidebar--primary a[href$="{help_address}"]')
    assert press_tab_until(page, "e.id.startsWith('__nav_')", 60), \
        "a menu section cannot be reached by Tab"
    page.keyboard.press("Space")  # open the section
    assert press_tab_until(page, f"e.textContent.trim() === {title!r}", 80), \
        f"{title} is not reachable"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{address}")
    context.close()
