"""Exercises: the `exercise:` front matter of `type: exercise` pages, checked before the
template in overrides/exercise.html turns it into an accessible, script-free form.

A mistake names the file, the field and the fix, so that a practice can add an exercise by
writing data alone (see README.md, "Add an exercise").
"""

import re

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.page_types import page_type
from support.source import find_line, where

log = get_plugin_logger(__name__)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIELD_TYPES = {
    "text": ("label",),
    "textarea": ("label",),
    "checkboxes": ("label", "options"),
    "radios": ("label", "options"),
    "scale": ("label", "scale", "items"),
}


def on_page_markdown(markdown, page, config, files, **kwargs):
    if not checks_enabled() or page_type(page) != "exercise":
        return markdown
    for problem, needle in exercise_problems(page.meta.get("exercise")):
        log.warning(f"{where(page, find_line(page, needle) if needle else None)}: {problem}")
    return markdown


def exercise_problems(exercise):
    """(message, text to find its line by) for everything wrong with an exercise's data."""
    if not isinstance(exercise, dict) or not isinstance(exercise.get("sections"), list) \
            or not exercise["sections"]:
        yield ("'exercise:' needs a list of 'sections:', each with an id, a heading and its "
               "fields. Compare with docs/exercises/ and README.md.", "exercise:")
        return
    names, ids = set(), set()
    for number, section in enumerate(exercise["sections"], start=1):
        label = f"section {number}"
        if not isinstance(section, dict):
            yield f"{label} of 'exercise:' must be a set of fields (id, heading, fields).", None
            continue
        section_id = section.get("id")
        if not isinstance(section_id, str) or not SLUG.match(section_id):
            yield (f"{label} has the id '{section_id}'. Give it a short, stable id in lower "
                   "case with dashes, like step-1-notice-the-feeling: clinicians link to it.",
                   f"id: {section_id}" if section_id else None)
        elif section_id in ids:
            yield f"two sections have the id '{section_id}'. Give each its own id.", \
                f"id: {section_id}"
        ids.add(section_id)
        if not section.get("heading"):
            yield f"{label} ('{section_id}') has no 'heading'. Add the heading readers see.", \
                f"id: {section_id}"
        fields = section.get("fields", [])
        if not isinstance(fields, list):
            yield f"'fields' of section '{section_id}' must be a list.", f"id: {section_id}"
            continue
        for field in fields:
            yield from _field_problems(field, section_id, names)


def _field_problems(field, section_id, names):
    if not isinstance(field, dict):
        yield f"each field of section '{section_id}' must be a set of keys (name, type, label).", \
            None
        return
    name = field.get("name")
    needle = f"name: {name}" if name else None
    where_text = f"the field '{name}' in section '{section_id}'"
    if not isinstance(name, str) or not SLUG.match(name):
        yield (f"a field in section '{section_id}' has the name '{name}'. Give every field a "
               "short name in lower case with dashes, like body-feeling.", needle)
        return
    if name in names:
        yield f"two fields are named '{name}'. Give each field its own name.", needle
    names.add(name)
    kind = field.get("type")
    if kind not in FIELD_TYPES:
        yield (f"{where_text} has the type '{kind}'. Use one of: "
               f"{', '.join(sorted(FIELD_TYPES))}.", needle)
        return
    for key in FIELD_TYPES[kind]:
        if not field.get(key):
            yield f"{where_text} has no '{key}', which a {kind} field needs. Add it.", needle
    if kind in ("checkboxes", "radios") and isinstance(field.get("options"), list):
        if len(field["options"]) < 2:
            yield f"{where_text} needs at least two options to choose from.", needle
    if kind == "scale":
        yield from _scale_problems(field, where_text, needle)


def _scale_problems(field, where_text, needle):
    scale, items = field.get("scale") or [], field.get("items") or []
    values = [option.get("value") for option in scale if isinstance(option, dict)]
    if len(values) != len(scale) or not all(isinstance(v, int) and 0 <= v <= 10 for v in values):
        yield (f"{where_text}: each point of 'scale' needs a 'value' (a whole number from 0 to "
               "10) and a 'label'.", needle)
    if not isinstance(field.get("running_total", False), bool):
        yield (f"{where_text}: 'running_total' is true (show a running total under the scale) "
               "or false (the default).", needle)
    for item in items:
        if not isinstance(item, dict) or not item.get("id") or not item.get("statement"):
            yield f"{where_text}: each item needs an 'id' and a 'statement'.", needle
            continue
        unknown = [v for v in (item.get("reflections") or {}) if v not in values]
        if unknown:
            yield (f"{where_text}: the item '{item['id']}' has reflections for {unknown}, which "
                   "are not values on its scale.", f"id: {item['id']}")
