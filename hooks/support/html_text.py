"""Reading rendered HTML as a person reads it: the visible text, with chosen parts left out."""

from __future__ import annotations

from html.parser import HTMLParser

VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
              "blockquote", "div", "section", "figcaption", "summary", "tr", "br"}


class _TextCollector(HTMLParser):
    def __init__(self, skip_tags, skip_classes, skip_links):
        super().__init__(convert_charrefs=True)
        self.skip_tags = set(skip_tags)
        self.skip_classes = set(skip_classes)
        self.skip_links = skip_links
        self.stack = []  # one flag per open element: does it start a skipped subtree?
        self.skipping = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            if tag == "br" and not self.skipping:
                self.parts.append("\n")
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in self.skip_tags or bool(classes & self.skip_classes) or \
            (self.skip_links and tag == "a")
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1

    def handle_endtag(self, tag):
        # Close up to the matching open tag; rendered Markdown is well formed.
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skipping -= 1
            if open_tag == tag:
                break
        if tag in BLOCK_TAGS and not self.skipping:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str, *, skip_tags=(), skip_classes=(), skip_links=False) -> str:
    """The text of `html`, one block (paragraph, list item, heading…) per line."""
    collector = _TextCollector(skip_tags, skip_classes, skip_links)
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _ElementCollector(HTMLParser):
    def __init__(self, tags):
        super().__init__(convert_charrefs=True)
        self.tags = set(tags)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in self.tags:
            self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(html: str, tags) -> list[tuple[str, dict]]:
    """Every element with one of `tags`, as (tag, attributes)."""
    collector = _ElementCollector(tags)
    collector.feed(html)
    collector.close()
    return collector.found
