"""The templates' indentation comes out of each page (hooks/compact_html.py), except where white
space may show. That the pages then look and read the same is checked on every kind of page by
tests/test_lean_styles.py; these are the pieces, on broken examples."""

import sys
from types import SimpleNamespace

import pytest

from conftest import PROJECT, assert_wrong_switch_stops_the_build

sys.path.insert(0, str(PROJECT / "hooks"))
import compact_html  # noqa: E402


@pytest.fixture
def kept():
    """The hook's record of what keeps white space, fresh for each test."""
    saved = compact_html.kept
    compact_html.kept = compact_html.KeptWhiteSpace()
    yield compact_html.kept
    compact_html.kept = saved


def test_indentation_between_words_and_tags_becomes_one_line_break(kept):
    assert compact_html.compact("<div>\n    <p>One\n      two</p>\n\n  </div>\n") == \
        "<div>\n<p>One\ntwo</p>\n</div>\n"
    assert compact_html.compact("<p>a  b</p>") == "<p>a  b</p>"  # no line break: as it is


def test_white_space_that_shows_is_left_as_it_is(kept):
    page = ('<pre>\n  <pre>x\n  </pre>\n  y</pre>\n  <textarea name="a">\n  typed\n</textarea>\n'
            '  <script>if (a<b) { s = "<pre>"; }\n  </script>\n  <code>a\n   b</code>\n'
            '  <p title="one\n    two">z</p>\n  <svg><text>a\n  b</text></svg>')
    assert compact_html.compact(page) == (
        '<pre>\n  <pre>x\n  </pre>\n  y</pre>\n<textarea name="a">\n  typed\n</textarea>\n'
        '<script>if (a<b) { s = "<pre>"; }\n  </script>\n<code>a\n   b</code>\n'
        '<p title="one\n    two">z</p>\n<svg><text>a\n  b</text></svg>')


def test_an_element_a_style_sheet_makes_keep_its_white_space_keeps_it(kept):
    compact_html.read_style_sheet(
        ".poem{white-space:pre-line}@media screen{#address p{white-space:pre-wrap}}"
        ".plain{white-space:nowrap}", "look.css")
    page = ('<div class="stanza poem">\n  roses\n\n  red<div>\n </div></div>\n  '
            '<p>\n  x</p>\n  <span class="plain">\n  y</span>')
    assert compact_html.compact(page) == (
        '<div class="stanza poem">\n  roses\n\n  red<div>\n </div></div>\n'
        '<p>\n  x</p>\n<span class="plain">\ny</span>')
    assert kept.everywhere is None


def test_a_rule_that_could_make_any_element_keep_white_space_leaves_pages_as_they_are(kept):
    compact_html.read_style_sheet("[data-verse]{white-space:pre}", "look.css")
    assert kept.everywhere == "'[data-verse]' in look.css"


def test_a_wrong_compact_html_setting_stops_the_build_and_says_the_choices(tmp_path):
    assert_wrong_switch_stops_the_build(tmp_path, "SITE_COMPACT_HTML", "yes")


def test_the_element_a_rule_ends_with_is_read_past_brackets_and_parentheses(kept):
    for selector in ('.poem[title="a b"]', "div.poem:has(> p)", ".poem:not(.a .b)",
                     "main > .poem::first-line", "article .poem"):
        kept.names.clear()
        compact_html.read_style_sheet(selector + "{white-space:pre}", "look.css")
        assert kept.names == {".poem"}, selector
    assert kept.everywhere is None


def test_every_value_under_which_white_space_may_show_counts(kept):
    for value in ("pre", "pre-wrap", "pre-line", "break-spaces", "preserve-breaks",
                  "preserve nowrap", "var(--ws)", "inherit"):
        kept.names.clear()
        compact_html.read_style_sheet(f".x{{white-space:{value}}}", "look.css")
        assert kept.names == {".x"}, value
    kept.names.clear()
    compact_html.read_style_sheet(".x{white-space:nowrap}.y{white-space-collapse:collapse}"
                                  ".z{white-space-collapse:preserve}", "look.css")
    assert kept.names == {".z"}


def test_a_style_sheet_in_another_encoding_is_read_not_refused(kept):
    # What the hook reads of a site's file: its address and bytes.
    sheet = SimpleNamespace(src_uri="old.css", content_bytes='@charset "latin1";/* caf\xe9 */'
                            '.verse{white-space:pre}'.encode("latin-1"))
    compact_html.on_files([sheet], {})
    assert kept.names == {".verse"}
