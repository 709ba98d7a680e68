"""Reading rendered HTML as a person reads it: the visible text, with chosen parts left out.

Several checks read the same page content; it is parsed once and the parse is shared.
"""

from __future__ import annotations

import functools
import json
from html.parser import HTMLParser

from markupsafe import Markup

VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
              "blockquote", "div", "section", "figcaption", "summary", "tr", "br"}
START, END, TEXT = "start", "end", "text"
# The engine's own parts of a page's main content, the same on every page of a kind (byline,
# author box, share panel…): checks that judge what an author wrote leave them out.
ENGINE_PARTS = {"byline", "author-box", "series-nav", "share-panel", "handout-footer",
                "exercise-notice", "exercise__actions", "exercise__print-hint", "feelings__next",
                "redirect-steps", "page-languages"}


def visible_text(html: str, *, skip_tags=(), skip_classes=(), skip_links=False) -> str:
    """The text of `html`, one block (paragraph, list item, heading…) per line."""
    skip_tags, skip_classes = set(skip_tags), set(skip_classes)
    open_elements = []  # (tag, starts a skipped subtree?) for every open non-void element
    skipping = 0
    parts = []
    for kind, tag, value in _parse(html):
        if kind == TEXT:
            if not skipping:
                parts.append(value)
        elif tag in VOID_TAGS:
            # Void elements never open a subtree, written <br> or <br />.
            if kind == START and tag == "br" and not skipping:
                parts.append("\n")
        elif kind == START:
            classes = set((value.get("class") or "").split())
            skip = tag in skip_tags or bool(classes & skip_classes) or \
                (skip_links and tag == "a")
            open_elements.append((tag, skip))
            skipping += skip
        elif any(open_tag == tag for open_tag, _ in open_elements):
            # Close up to the matching open element; a stray end tag closes nothing.
            while open_elements:
                open_tag, skip = open_elements.pop()
                skipping -= skip
                if open_tag == tag:
                    break
            if tag in BLOCK_TAGS and not skipping:
                parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def elements(html: str, tags) -> list[tuple[str, dict]]:
    """Every element with one of `tags`, as (tag, attributes). The attribute dicts are shared
    by every check that reads the page: read them, never change them."""
    return [(tag, value) for kind, tag, value in _parse(html) if kind == START and tag in tags]


def all_elements(html: str) -> list[tuple[str, dict]]:
    """Every element, as (tag, attributes); shared like those of `elements`."""
    return [(tag, value) for kind, tag, value in _parse(html) if kind == START]


@functools.lru_cache(maxsize=8)
def _parse(html: str) -> tuple[tuple[str, str | None, object], ...]:
    """The document as (START, tag, attributes), (END, tag, None) and (TEXT, None, text)."""
    recorder = _Recorder()
    recorder.feed(html)
    recorder.close()
    return tuple(recorder.events)


class _Recorder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append((START, tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.events.append((START, tag, dict(attrs)))
        self.events.append((END, tag, None))

    def handle_endtag(self, tag):
        self.events.append((END, tag, None))

    def handle_data(self, data):
        self.events.append((TEXT, None, data))


def main_content(output: str) -> str:
    """The main content of a finished page: what its template put in <article>, without the
    site's header, navigation and footer."""
    start = output.find('<article class="md-content__inner')
    end = output.rfind("</article>")
    return output[start:end] if start != -1 and end > start else output


def script_json(data) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' appears as itself, so
    no text can end the element or open a comment (`</script>`, `<!--`)."""
    text = json.dumps(data, ensure_ascii=False)
    for character in "<>&":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return Markup(text)


def plain(value) -> str:
    """A value as plain text: escaped text (markupsafe.Markup) is turned back, the rest kept."""
    if isinstance(value, Markup):
        return value.unescape()
    return "" if value is None else str(value)
