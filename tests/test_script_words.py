"""Each page's settings for Material's script keep only the words of the parts it has
(hooks/script_words.py). That the pages still work is checked on every page, with scripts
running, by tests/test_browser.py (no console message) and, for search, on the topics page."""

import json
import re
import sys

from jinja2.utils import htmlsafe_json_dumps

from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "hooks"))
import script_words  # noqa: E402

WORDS = {"clipboard.copy": "Copy", "search.result.one": "1 match", "select.version": "Version",
         "search.result.none": 'Nothing. </script><b>"&'}


def page(body: str, **settings) -> str:
    block = htmlsafe_json_dumps({"translations": WORDS, "version": None, **settings})
    return (f'<html><body>{body}<script id="__config" type="application/json">{block}</script>'
            "</body></html>")


def words_of(html: str) -> dict:
    block = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
    return json.loads(block[1])["translations"]


def test_a_page_without_search_or_versions_keeps_only_the_other_words():
    assert words_of(script_words.with_words_it_uses(page("<p>Hi</p>"), "a.md")) == \
        {"clipboard.copy": "Copy"}


def test_the_page_with_search_and_a_site_with_versions_keep_their_words():
    html = script_words.with_words_it_uses(
        page('<div data-md-component="search"></div>', version={"provider": "mike"}), "a.md")
    assert words_of(html) == WORDS
    # Written as Material writes it: nothing in the words can end the script element.
    assert html.count("</script>") == 1 and "\\u003c/script\\u003e" in html


def test_a_settings_block_that_is_not_json_is_left_and_reported(caplog):
    broken = '<script id="__config" type="application/json">{not json}</script>'
    with caplog.at_level("WARNING"):
        assert script_words.with_words_it_uses(broken, "docs/a.md") == broken
    assert "docs/a.md: Material's settings block is not JSON" in caplog.text


def test_with_instant_navigation_every_page_keeps_every_word():
    # The settings of the first page serve every page reached from it without a full load.
    html = page("<p>Hi</p>", features=["navigation.instant"])
    assert words_of(script_words.with_words_it_uses(html, "a.md")) == WORDS
