"""Exercises: the `exercise:` front matter of `type: exercise` pages, checked before the
template in overrides/exercise.html turns it into an accessible, script-free form.

A mistake names the file, the field and the fix, so that a practice can add an exercise by
writing data alone (see README.md, "Add an exercise").
"""

from mkdocs.plugins import get_plugin_logger

from help_lines import PAGE_IDS
from in_short import BOX_ID
from support.checks import checks_enabled
from support.page_types import page_type
from support.shapes import (INVALID, Fields, Flag, Id, Kinds, ListOf, Text, ValuesOf,
                            WholeNumber, conform)
from support.source import front_matter_with_lines, page_path

log = get_plugin_logger(__name__)

CHOICES = ListOf(Text(), min_items=2)
COMMON = {"name": Id(), "type": Text(), "label": Text()}
HINT = {"hint": Text()}
FIELD = Kinds("type", {
    "text": Fields(COMMON, HINT),
    "textarea": Fields(COMMON, {**HINT, "rows": WholeNumber(1, 30)}),
    "checkboxes": Fields({**COMMON, "options": CHOICES}, HINT),
    "radios": Fields({**COMMON, "options": CHOICES}, HINT),
    "scale": Fields(
        {**COMMON,
         "scale": ListOf(Fields({"value": WholeNumber(0, 10), "label": Text()}), min_items=2),
         "items": ListOf(Fields({"id": Id(), "statement": Text()},
                                {"reflections": ValuesOf(Text())}), min_items=1)},
        {**HINT, "running_total": Flag(), "total_label": Text()}),
    # A date, so a reader can keep several filled copies apart (a date picker on phones).
    "date": Fields(COMMON, HINT),
})
SECTION = Fields({"id": Id(), "heading": Text()},
                 {"intro": Text(), "fields": ListOf(FIELD, entry="field"),
                  # The site's help lines, in the section itself: following a link away would clear
                  # what the reader wrote.
                  "help_lines": Flag(),
                  "breathing_pacer": Fields({"label": Text(), "instructions": Text(),
                                             "reduced_motion": Text()})})
# Ids the page's own parts use: the "In short" box, the help lines a section may show, sources.
RESERVED_IDS = {BOX_ID, "sources"} | PAGE_IDS
EXERCISE = Fields({"sections": ListOf(SECTION, min_items=1, entry="section")},
                  # The page's own words for the care note, where the engine's do not fit.
                  {"care_note": Text("one or two kind sentences that end before the help link")})


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page_type(page) != "exercise":
        return markdown
    written = front_matter_with_lines(page)
    if written is None or "exercise" not in written:
        return markdown  # hooks/front_matter.py reports a missing or unreadable field
    exercise, problems = conform(written["exercise"], EXERCISE, page_path(page),
                                 written.line_of("exercise"))
    if exercise is not INVALID:
        problems += list(exercise_problems(exercise, page_path(page)))
    if checks_enabled():
        for problem in problems:
            log.warning(problem)
    # The form is built only from what fits its shape, so a mistake never renders wrongly.
    page.meta["exercise"] = exercise if exercise is not INVALID else {"sections": []}
    return markdown


def exercise_problems(exercise, where: str):
    """What the shapes cannot say: names and ids used twice, reflections for unknown values.
    `exercise` has its shape already (EXERCISE)."""
    names, ids, with_help_lines = set(), set(), 0
    for section_index, section in enumerate(exercise["sections"]):
        line = _line_of(exercise["sections"], section_index, 1)
        if section["id"] in ids:
            yield (f"{where}, line {line}: two sections have the id '{section['id']}'. Give "
                   "each its own id: clinicians link to it.")
        ids.add(section["id"])
        if section["id"] in RESERVED_IDS:
            yield (f"{where}, line {line}: the section id '{section['id']}' is one the page "
                   "already uses for its own parts. Choose another id.")
        with_help_lines += section.get("help_lines") is True
        if section.get("help_lines") is True and with_help_lines == 2:
            yield (f"{where}, line {line}: a second section shows the help lines. Show them in "
                   "one section only, the one where the reader needs them.")
        fields = section.get("fields") or []
        for field_index, field in enumerate(fields):
            line = _line_of(fields, field_index, line)
            if field["name"] in names:
                yield (f"{where}, line {line}: two fields are named '{field['name']}'. Give "
                       "each field its own name.")
            names.add(field["name"])
            options = [" ".join(str(option).lower().split()) for option in field.get("options") or []]
            for option in sorted({option for option in options if options.count(option) > 1}):
                yield (f"{where}, line {line}: the field '{field['name']}' offers '{option}' "
                       "twice. Give each option once.")
            values = [point["value"] for point in field.get("scale") or []]
            for item in field.get("items") or []:
                unknown = [value for value in item.get("reflections") or {}
                           if value not in values]
                if unknown:
                    yield (f"{where}, line {line}: the item '{item['id']}' has reflections for "
                           f"{unknown}, which are not values on its scale.")


def _line_of(entries, index, default):
    return entries.line_of(index) if hasattr(entries, "line_of") else default
