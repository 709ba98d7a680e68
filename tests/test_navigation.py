"""A practice with many articles in sections: each page's menu holds its own section's pages and
one link for every other section (Material's navigation.prune), so pages stay small and the
build time per page stays flat as the site grows. The other sections stay one step away, with
or without JavaScript."""

from __future__ import annotations

import sys

import pytest

from conftest import (PROJECT, build_site, open_menu_by_keyboard, press_tab_until,
                      read_html, serving)

sys.path.insert(0, str(PROJECT / "tests" / "benchmarks"))
from build_speed import SECTION_SIZE, synthetic_site  # noqa: E402  the benchmark's own site

# Both tests read one generated site of 75 articles: build it once, on one worker.
pytestmark = pytest.mark.xdist_group("sectioned-site")

ARTICLES = 3 * SECTION_SIZE  # three sections of articles


@pytest.fixture(scope="module")
def sectioned_site(tmp_path_factory):
    root = synthetic_site(tmp_path_factory.mktemp("sectioned"), ARTICLES)
    site_dir = root / "site"
    result = build_site(root, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="module")
def sectioned_server(sectioned_site):
    with serving(sectioned_site) as base_url:
        yield base_url


def menu_links(soup) -> dict[str, str]:
    menu = soup.select_one(".md-sidebar--primary nav")
    return {a.get_text(" ", strip=True): a["href"] for a in menu.select("a.md-nav__link")}


def test_a_page_menu_lists_its_own_section_and_one_link_per_other_section(sectioned_site):
    links = menu_links(read_html(sectioned_site, "/articles/section-002/article-0030/"))
    articles = sorted(title for title in links if title.startswith("Practice note"))
    assert articles == sorted(f"Practice note {n}" for n in range(26, 51))
    # The other sections: one link each, to their first article.
    assert links["section-001"] == "../../section-001/article-0001/"
    assert links["section-003"] == "../../section-003/article-0051/"
    # The rest of the site is all there.
    assert {"Home", "Get help now", "Privacy", "For clinicians"} <= set(links)


def test_another_section_is_reached_from_the_menu_by_keyboard_without_javascript(
        browser, sectioned_server):
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(sectioned_server + "/articles/section-002/article-0030/")
    open_menu_by_keyboard(page)
    assert press_tab_until(page, "e.textContent.trim() === 'section-003'", 120)
    assert page.evaluate("document.activeElement.checkVisibility()")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/section-003/article-0051/")
    # Now that section is the open one, with all its articles.
    assert page.locator(
        '.md-sidebar--primary a.md-nav__link[href*="article-0075"]').count() == 1
    context.close()
