"""Line numbers in a page's source file, for messages an author can act on."""

import copy
import functools
import re

from mkdocs.exceptions import PluginError

from support.state import build

# The same pattern MkDocs uses to find front matter.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def page_path(page) -> str:
    """The page's file as the author knows it: docs/guides/x.md."""
    return f"docs/{page.file.src_uri}"


def body_offset(page, markdown: str) -> int:
    """How many source lines come before the Markdown body (front matter, blank lines).

    Hooks that rewrite the body keep its line count, so the difference stays exact.
    """
    source = page.file.content_string
    return max(0, source.count("\n") - markdown.count("\n"))


def line_at(page, markdown: str, index: int) -> int:
    """The 1-based source line of character `index` of the Markdown body."""
    return body_offset(page, markdown) + markdown.count("\n", 0, index) + 1


def find_line(page, *needles: str, ignore_case=False) -> int | None:
    """The first source line that contains the first of `needles` found there, or None."""
    lines = page.file.content_string.splitlines()
    if ignore_case:
        lines = [line.lower() for line in lines]
    for needle in needles:
        wanted = needle.lower() if ignore_case else needle
        for number, line in enumerate(lines, start=1):
            if wanted and wanted in line:
                return number
    return None


def where(page, line: int | None) -> str:
    """The file and line to name in a message about `page`: for a page the engine makes from
    data, the data's (its own lines are the engine's)."""
    if page.file.src_uri in build.made_from:
        return f"{build.made_from[page.file.src_uri]} (the page {page.url or '/'})"
    return f"{page_path(page)}, line {line}" if line else page_path(page)


def front_matter_with_lines(page):
    """The page's front matter as LineMap/LineList values whose lines are lines of the page's
    file (empty when it has none), or None when it cannot be read (hooks/front_matter.py
    reports why)."""
    return read_front_matter(page)[0]


def read_front_matter(page):
    """(front matter, None), or (None, what is wrong with it, with its line)."""
    fields, problem = _parsed_front_matter(page_path(page), page.file.content_string)
    # Each caller gets its own copy: the parse is shared by every hook that reads the page.
    return copy.deepcopy(fields), problem


@functools.lru_cache(maxsize=64)
def _parsed_front_matter(path: str, source: str):
    from support.data_files import LineMap, parse_yaml, shift_lines  # noqa: PLC0415 - a cycle

    if not source.startswith("---"):
        return LineMap(), None
    match = FRONT_MATTER.match(source)
    if match is None:
        return None, (f"{path}, line 1: the front matter starts with '---' but never ends. Add "
                      "a line with just '---' after the last front matter line.")
    try:
        fields = parse_yaml(match.group(1), path, line_offset=1)
    except PluginError as error:
        return None, str(error)
    if not isinstance(fields, dict):
        return None, (f"{path}, line 2: the front matter must be 'key: value' lines, like "
                      "'title: My page'.")
    shift_lines(fields, 1)  # lines of the page's file: the opening '---' comes first
    return fields, None
