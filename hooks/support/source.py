"""Line numbers in a page's source file, for messages an author can act on."""

import re

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


def find_line(page, needle: str) -> int | None:
    """The first source line that contains `needle`, or None."""
    for number, line in enumerate(page.file.content_string.splitlines(), start=1):
        if needle in line:
            return number
    return None


def where(page, line: int | None) -> str:
    return f"{page_path(page)}, line {line}" if line else page_path(page)


def front_matter_with_lines(page):
    """The page's front matter as LineMap/LineList values whose lines are lines of the page's
    file, or None when it cannot be read (hooks/front_matter.py reports why)."""
    from support.data_files import parse_yaml, shift_lines  # noqa: PLC0415 - avoids a cycle

    source = page.file.content_string
    match = FRONT_MATTER.match(source)
    if match is None:
        return None
    try:
        fields = parse_yaml(match.group(1), page_path(page), line_offset=1)
    except Exception:  # noqa: BLE001 - hooks/front_matter.py reports it with its line
        return None
    shift_lines(fields, 1)  # the opening '---'
    return fields
