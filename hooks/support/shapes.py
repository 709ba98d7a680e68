"""Declared shapes for data that authors write: data files and exercise front matter.

A shape says what a value must look like (text, an id, a list of texts, a set of fields…).
`conform()` checks a value against its shape and returns what can be used, with one message
per problem: an entry of a list that does not fit is left out, an optional field that does not
fit is dropped, and a set of fields missing a required one is left out whole. So a mistake
always ends in a message with its line, never in a crash or a page that renders wrongly (one
checkbox per letter of a text that should have been a list).

Lines come from support.data_files (LineMap, LineList); a value without its own line is
reported at the line of the field or entry that holds it.
"""

from __future__ import annotations

import datetime
import difflib
import re

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_ID_LENGTH = 60
INVALID = object()  # what conform() returns for a value that cannot be used at all


class Shape:
    """One kind of value. `describe` is how an author would write it, for messages."""

    describe = "a value"

    def conform(self, value, at: Place):
        """(usable value or INVALID, [messages])."""
        raise NotImplementedError


class Place:
    """Where a value is: the file, the line, and the fields and entries that lead to it."""

    def __init__(self, file: str, line: int, path: tuple = ()):
        self.file, self.line, self.path = file, line, path

    def inner(self, name: str, line: int | None, entry: bool = False) -> Place:
        return Place(self.file, line or self.line, (*self.path, (entry, name)))

    def message(self, text: str) -> str:
        line = f", line {self.line}" if self.line else ""
        return f"{self.file}{line}: {self.subject()}{text}"

    def subject(self) -> str:
        """'in section 1, field 2: 'type' ' for a path sections > 1 > fields > 2 > type."""
        words = []
        for index, (entry, name) in enumerate(self.path):
            next_is_entry = index + 1 < len(self.path) and self.path[index + 1][0]
            if entry:
                words.append(name)
            elif not next_is_entry:
                words.append(f"'{name}'")
            elif not self.path[index + 1][1][0].isalpha() or \
                    self.path[index + 1][1].startswith("entry"):
                words.append(f"'{name}'")  # a list without a name for its entries
        if not words:
            return ""
        *context, last = words
        return (f"in {', '.join(context)}: " if context else "") + f"{last} "


def conform(value, shape: Shape, file: str, line: int = 1):
    """Check `value` (a whole data file or front matter field) against `shape`."""
    return shape.conform(value, Place(file, getattr(value, "line", 0) or line))


def what_it_is(value) -> str:
    if isinstance(value, str):
        return f"the text '{value if len(value) <= 40 else value[:40] + '…'}'"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, datetime.datetime):
        return f"a date with a time ({value})"
    if isinstance(value, dict):
        return "a set of indented fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"'{value}'"


def _entries(count: int) -> str:
    return "entry" if count == 1 else "entries"


class Text(Shape):
    """Text. `numbers` accepts a number as its text (2.5); phone numbers and names do not,
    since YAML reads 000 as 0. `empty` accepts "" (a value the site simply does not show).
    `max_words` keeps a line short: a longer one is shown, and named."""

    describe = "some text"

    def __init__(self, describe: str | None = None, numbers=True, empty=False, hint="",
                 max_words: int | None = None):
        self.describe = describe or self.describe
        self.numbers, self.empty, self.hint, self.max_words = numbers, empty, hint, max_words

    def conform(self, value, at):
        if isinstance(value, str) and (value.strip() or self.empty):
            words = len(value.split())
            if self.max_words and words > self.max_words:
                return value, [at.message(
                    f"has {words} words. Keep it to {self.max_words} or fewer, so it stays "
                    "short on a phone: say one thing, and leave the rest to the page.")]
            return value, []
        if self.numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value), []  # 2.5: YAML reads it as a number, readers see text
        hint = f" {self.hint}" if self.hint and isinstance(value, (int, float)) else ""
        if isinstance(value, dict) and len(value) == 1:
            hint = (" A colon followed by a space starts a field in YAML: put the whole text in "
                    "quotes, like \"Start small: one thing is enough.\"")
        return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.{hint}")]


class Pattern(Text):
    """Text of a given form (a page path, an https:// address…)."""

    def __init__(self, pattern: str, describe: str, empty=False):
        super().__init__(describe, numbers=False, empty=empty)
        self.pattern = re.compile(f"(?:{pattern})\\Z")

    def conform(self, value, at):
        if isinstance(value, str) and (self.pattern.match(value) or (self.empty and not value)):
            return value, []
        return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]


class Id(Shape):
    describe = ("a short id in lower-case letters, digits and dashes, like united-states "
                "(it becomes part of an address)")

    def conform(self, value, at):
        if isinstance(value, str) and SLUG.match(value) and len(value) <= MAX_ID_LENGTH:
            return value, []
        if isinstance(value, str) and len(value) > MAX_ID_LENGTH:
            return INVALID, [at.message(f"is {len(value)} characters long. Use a shorter id, "
                                        f"of at most {MAX_ID_LENGTH}.")]
        suggestion = ""
        if isinstance(value, str):
            slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            suggestion = f" Write it as '{slug}'." if slug else ""
        return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}."
                                    f"{suggestion}")]


class WholeNumber(Shape):
    def __init__(self, low: int, high: int):
        self.low, self.high = low, high
        self.describe = f"a whole number from {low} to {high}"

    def conform(self, value, at):
        if isinstance(value, int) and not isinstance(value, bool) and \
                self.low <= value <= self.high:
            return value, []
        return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]


class Flag(Shape):
    describe = "true or false"

    def conform(self, value, at):
        if isinstance(value, bool):
            return value, []
        return INVALID, [at.message(f"must be true or false, not {what_it_is(value)}.")]


class Date(Shape):
    describe = "a date written YYYY-MM-DD, like 2026-03-15"

    def conform(self, value, at):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value, []
        return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]


class Choice(Shape):
    def __init__(self, *choices):
        self.choices = choices
        self.describe = "one of: " + ", ".join(str(choice) for choice in choices)

    def conform(self, value, at):
        if value in self.choices:
            return value, []
        return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]


class AnyOf(Shape):
    """The first of several shapes that fits."""

    def __init__(self, *shapes, describe: str):
        self.shapes, self.describe = shapes, describe

    def conform(self, value, at):
        for shape in self.shapes:
            result, problems = shape.conform(value, at)
            if not problems:
                return result, []
        return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]


class ListOf(Shape):
    """A list whose entries each have `item`'s shape; entries that do not fit are left out."""

    def __init__(self, item: Shape, min_items: int = 0, entry: str = "entry",
                 max_items: int | None = None):
        self.item, self.min_items, self.max_items, self.entry = item, min_items, max_items, entry
        self.describe = f"a list of {item.describe}, each entry on its own line starting with '- '"
        if min_items and min_items == max_items:
            self.describe = (f"a list of exactly {min_items} {_entries(min_items)}, each "
                             f"{item.describe}, on its own line starting with '- '")

    def conform(self, value, at):
        if not isinstance(value, list):
            hint = (" A single entry is still a list: put '- ' before it, on its own line."
                    if isinstance(value, (str, dict)) else "")
            return INVALID, [at.message(f"must be a list, with each entry on its own line "
                                        f"starting with '- ', not {what_it_is(value)}.{hint}")]
        kept, problems = type(value)(), []
        for index, entry in enumerate(value):
            line = value.line_of(index) if hasattr(value, "line_of") else None
            name = f"'{entry['id']}'" if isinstance(entry, dict) and \
                isinstance(entry.get("id"), str) else index + 1
            result, entry_problems = self.item.conform(
                entry, at.inner(f"{self.entry} {name}", line, entry=True))
            problems += entry_problems
            if result is not INVALID:
                kept.append(result)
                if hasattr(kept, "item_lines"):
                    kept.item_lines.append(line or at.line)
        if hasattr(kept, "line"):
            kept.line = getattr(value, "line", at.line)
        if len(kept) < self.min_items and not problems:
            exactly = "exactly" if self.max_items == self.min_items else "at least"
            problems.append(at.message(f"has {len(kept)} {_entries(len(kept))}, and needs "
                                       f"{exactly} {self.min_items}."))
        if self.max_items is not None and len(kept) > self.max_items:
            exactly = "exactly" if self.max_items == self.min_items else "at most"
            problems.append(at.message(f"has {len(kept)} {_entries(len(kept))}, and needs "
                                       f"{exactly} {self.max_items}. Keep the "
                                       f"{_entries(self.max_items)} that matter most."))
            return INVALID, problems
        return kept, problems


class Fields(Shape):
    """A set of named fields: `required` ones must be there, `optional` ones may be; any other
    name is reported (with the closest known name) unless `open_ended`."""

    describe = "a set of fields, each on its own indented line"

    def __init__(self, required: dict, optional: dict | None = None, open_ended=False):
        self.required, self.optional = required, optional or {}
        self.open_ended = open_ended

    def conform(self, value, at):
        if not isinstance(value, dict):
            return INVALID, [at.message(f"must be {self.describe} ('name: value'), not "
                                        f"{what_it_is(value)}.")]
        known = {**self.required, **self.optional}
        kept = type(value)()
        for attribute in ("line", "key_lines"):
            if hasattr(value, attribute):
                setattr(kept, attribute, getattr(value, attribute))
        problems, whole = [], True
        for name, shape in self.required.items():
            if name not in value or value[name] in (None, ""):
                problems.append(at.message(f"has no '{name}', which it needs ({shape.describe})."
                                           " Add it."))
                whole = False
        for name, entry in value.items():
            line = value.line_of(name) if hasattr(value, "line_of") else None
            if name not in known:
                if not self.open_ended:
                    close = difflib.get_close_matches(str(name), list(known), n=1)
                    hint = f"Did you mean '{close[0]}'? " if close else ""
                    problems.append(at.inner(str(name), line).message(
                        f"is not a field used here. {hint}Use one of: "
                        f"{', '.join(known)}."))
                kept[name] = entry
                continue
            if entry is None and name in self.optional:
                continue
            result, entry_problems = known[name].conform(entry, at.inner(str(name), line))
            problems += entry_problems
            if result is INVALID:
                whole = whole and name not in self.required
            else:
                kept[name] = result
        return (kept if whole else INVALID), problems


class Kinds(Shape):
    """A set of fields whose `key` field (such as `type`) picks which shape the rest has."""

    def __init__(self, key: str, kinds: dict):
        self.key, self.kinds = key, kinds
        self.describe = f"a set of fields with a '{key}' (one of: {', '.join(kinds)})"

    def conform(self, value, at):
        if not isinstance(value, dict):
            return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]
        kind = value.get(self.key)
        if kind not in self.kinds:
            line = value.line_of(self.key) if hasattr(value, "line_of") else None
            return INVALID, [at.inner(self.key, line).message(
                f"is {what_it_is(kind)}. Use one of: {', '.join(self.kinds)}.")]
        return self.kinds[kind].conform(value, at)


class Entries(Shape):
    """A set of entries, each under its own id (like the authors in authors.yml), each with
    `item`'s shape; entries that do not fit are left out."""

    def __init__(self, item: Shape, entry: str = "entry"):
        self.item, self.entry = item, entry
        self.describe = "entries, each under its own id, like 'my-id:' with indented fields"

    def conform(self, value, at):
        if not isinstance(value, dict):
            return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]
        kept, problems = type(value)(), []
        for attribute in ("line", "key_lines"):
            if hasattr(value, attribute):
                setattr(kept, attribute, getattr(value, attribute))
        for key, entry in value.items():
            line = value.line_of(key) if hasattr(value, "line_of") else None
            place = at.inner(f"{self.entry} '{key}'", line, entry=True)
            _, key_problems = Id().conform(key, place)
            result, entry_problems = self.item.conform(entry, place)
            problems += key_problems + entry_problems
            if result is not INVALID and not key_problems:
                kept[key] = result
        return kept, problems


class ValuesOf(Shape):
    """A set of fields with any names (such as the values of a scale), each of `item`'s shape;
    fields that do not fit are left out."""

    def __init__(self, item: Shape):
        self.item = item
        self.describe = f"a set of fields, each with {item.describe}"

    def conform(self, value, at):
        if not isinstance(value, dict):
            return INVALID, [at.message(f"must be {self.describe}, not {what_it_is(value)}.")]
        kept, problems = {}, []
        for name, entry in value.items():
            line = value.line_of(name) if hasattr(value, "line_of") else None
            result, entry_problems = self.item.conform(entry, at.inner(str(name), line))
            problems += entry_problems
            if result is not INVALID:
                kept[name] = result
        return kept, problems
