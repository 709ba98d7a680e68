"""Front matter: valid YAML, no unknown keys, and every field the page's type requires.

Stock MkDocs silently ignores front matter it cannot read and publishes it as text; here it
stops the build instead. The page types and their fields are declared in
hooks/support/page_types.py.
"""

import datetime
import difflib

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.data_files import invalid_dates
from support.dates import today
from support.page_types import (COMMON_FIELDS, DEFAULT_TYPE, FIELD_SHAPES, GENERATED_TYPES,
                                PAGE_TEMPLATES, PAGE_TYPES)
from support.shapes import INVALID, ListOf, Place
from support.source import page_path, read_front_matter

log = get_plugin_logger(__name__)



def on_page_markdown(markdown, page, config, files, **kwargs):
    if not checks_enabled() or page.file.abs_src_path is None:
        return markdown  # the engine's own pages are checked where their data is read
    fields = _read_front_matter(page)
    if fields is None:
        return markdown
    kind = fields.get("type", DEFAULT_TYPE)
    if kind not in PAGE_TYPES:
        _warn(page, fields, "type", f"the page type '{kind}' is unknown. "
              f"{_suggest(kind, PAGE_TYPES)}Use one of: {', '.join(sorted(PAGE_TYPES))}.")
        return markdown
    if kind in GENERATED_TYPES:
        # hooks/page_types.py renders it as a plain page, never as a redirect.
        _warn(page, fields, "type", f"the page type '{kind}' is made by the engine from a data "
              "file, never written as a page. Use one of: "
              f"{', '.join(sorted(set(PAGE_TYPES) - GENERATED_TYPES))}.")
        return markdown
    spec = PAGE_TYPES[kind]
    allowed = COMMON_FIELDS | spec["required"] | spec["optional"]
    for key in fields:
        if key not in allowed:
            _warn(page, fields, key, f"the front matter key '{key}' is not used on {kind} "
                  f"pages. {_suggest(key, allowed)}Remove it, or use one of: "
                  f"{', '.join(sorted(allowed))}.")
    for key in sorted(spec["required"] - set(fields)):
        _warn(page, fields, None, f"the front matter has no '{key}', which every {kind} page "
              f"needs. {_how_to_add(key)}")
    for key in [key for key in fields if key in FIELD_SHAPES]:
        place = Place(page_path(page), fields.line_of(key), ((False, key),))
        value, problems = FIELD_SHAPES[key].conform(fields[key], place)
        for problem in problems:
            log.warning(problem)
        if value is INVALID:
            page.meta.pop(key, None)  # later steps never see the wrong shape
    _check_template(page, fields, config)
    _check_dates(page, fields)
    _check_readability_exemption(page, fields)
    return markdown


def _how_to_add(key: str) -> str:
    shape = FIELD_SHAPES.get(key)
    if isinstance(shape, ListOf):
        count = f"{shape.min_items} lines" if shape.min_items > 1 else "a line"
        return (f"Add a line '{key}:' between the two '---' lines at the top, and under it "
                f"{count} that each start with '  - ', like '  - {shape.item.describe}'.")
    return f"Add a line '{key}: …' between the two '---' lines at the top."


def _is_date(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _check_template(page, fields, config):
    name = fields.get("template")
    if not isinstance(name, str) or name in PAGE_TEMPLATES:
        return
    _warn(page, fields, "template", f"there is no page layout '{name}'. "
          f"{_suggest(name, PAGE_TEMPLATES)}Remove the line to use the page type's own layout, "
          f"or use one of: {', '.join(PAGE_TEMPLATES)}.")  # hooks/page_types.py drops it


def _check_dates(page, fields):
    """A page is not published in the future, updated before it was written, or reviewed
    before it was written."""
    published, updated = fields.get("date"), fields.get("updated")
    review = fields.get("review")
    reviewed = review.get("date") if isinstance(review, dict) else None
    if _is_date(published) and published > today():
        _warn(page, fields, "date", f"the page's date {published} is in the future. Give the "
              "day it was first published.")
    if _is_date(published):
        for key, other in (("updated", updated), ("review", reviewed)):
            if _is_date(other) and other < published:
                _warn(page, fields, key, f"the {key} date {other} is before the page's date "
                      f"{published}. Check both dates.")


def _read_front_matter(page):
    """The page's front matter with line numbers, or None if it is unreadable (said here)."""
    fields, problem = read_front_matter(page)
    if problem:
        log.warning(problem)
        return None
    bad_dates = list(invalid_dates(fields))
    for bad in bad_dates:
        # MkDocs itself cannot read such front matter and would publish it as text.
        log.warning(f"{page_path(page)}, line {bad.line + 1}: '{bad}' is not a real date. "
                    "Write dates as YYYY-MM-DD, like 2026-03-15.")
    return None if bad_dates else fields


def _check_readability_exemption(page, fields):
    if "readability" not in fields:
        return
    value = fields["readability"]
    reason = value.get("exempt") if isinstance(value, dict) else None
    if not isinstance(reason, str) or not reason.strip():
        _warn(page, fields, "readability", "'readability:' must give a written reason, like "
              "'readability: {exempt: \"The practice's own article, kept as written.\"}'.")


def _warn(page, fields, key, message):
    line = fields.line_of(key) if key in fields else 1
    log.warning(f"{page_path(page)}, line {line}: {message}")


def _suggest(word, choices) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"Did you mean '{close[0]}'? " if close else ""
