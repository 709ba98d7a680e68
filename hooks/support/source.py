"""Line numbers in a page's source file, for messages an author can act on."""


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
