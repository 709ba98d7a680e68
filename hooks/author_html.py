"""HTML an author writes in a page may shape the text, but never run, redirect or load anything
from another site.

Markdown lets an author write raw HTML. The page's rendered content is read here, and each of
these stops the build with the file, the line and the fix:

- a script, an event handler attribute (onclick=…) or a javascript: address: pages run only the
  scripts the engine ships (hooks/content_security.py holds the policy);
- a <meta> element (a refresh would send readers to another page) or a <base> element;
- anything that would make the reader's browser contact another site: an image, video, audio or
  frame from another address, embedded objects, style sheets and @import, Mermaid diagrams and
  emoji images from a CDN. The site's policy would block them anyway; the reader would see
  broken content and the author would never know.
"""

import re

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.html_text import all_elements
from support.source import where

log = get_plugin_logger(__name__)

ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "xlink:href",
                      "srcset", "background", "cite")
LOADING_ATTRIBUTES = ("src", "poster", "data", "srcset", "background")
# Browsers drop tabs, newlines and control characters inside a scheme ("java\tscript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
FORBIDDEN_ELEMENTS = {
    "script": "Pages run only the scripts the engine ships. Remove the <script> element.",
    "meta": "A <meta> element in a page can send readers to another address. Remove it; to "
            "move a page, add a 'moved:' entry to docs/_data/short-links.yml.",
    "base": "A <base> element changes where every link of the page goes. Remove it.",
    "iframe": "A frame shows another site inside this one, and tells that site who is "
              "reading. Remove it, and link to the other page instead.",
    "frame": "A frame shows another page inside this one. Remove it, and link to it instead.",
    "object": "Embedded objects can run code. Remove the <object> element.",
    "embed": "Embedded content can run code. Remove the <embed> element.",
    "link": "A <link> element in a page can load files from elsewhere. Remove it; the engine "
            "links the site's own style sheets.",
    "style": "The site's policy blocks styles written in a page, so this one would not apply. "
             "Remove the <style> element; ask for a class in the engine's style sheet instead.",
    "form": "Forms belong in exercise pages, which send nothing anywhere. Remove the <form> "
            "element, or make the page an exercise (see README, 'Page types').",
}


def on_page_content(html, page, config, files, **kwargs):
    if not checks_enabled():
        return html
    for tag, attrs in all_elements(html):
        for problem, needle in problems(tag, attrs):
            log.warning(f"{where(page, _line_of(page, needle))}: {problem}")
    return html


def problems(tag: str, attrs: dict):
    """What is wrong with one element, as (message, text to find its line by)."""
    if tag in FORBIDDEN_ELEMENTS:
        yield FORBIDDEN_ELEMENTS[tag], f"<{tag}"
    if tag in ("div", "pre", "code") and "mermaid" in (attrs.get("class") or "").split():
        yield ("Mermaid diagrams are drawn by code loaded from another site, which this site "
               "never does. Draw the diagram as an image (SVG or PNG) in docs/ and show it "
               "with ![description](file.svg)."), "mermaid"
    for name, value in attrs.items():
        if name.startswith("on"):
            yield (f"the attribute '{name}' runs a script, and pages run only the engine's "
                   f"scripts. Remove '{name}=…'."), name
        elif name == "style" and value and ("url(" in value or "@import" in value):
            yield (f"the style on <{tag}> loads a file ({value!r}). Remove the style "
                   "attribute."), "style="
        elif name in ADDRESS_ATTRIBUTES and value:
            yield from _address_problems(tag, name, value)


def _address_problems(tag, name, value):
    scheme = IGNORED_IN_SCHEME.sub("", value).lower()
    if scheme.startswith(SCRIPT_SCHEMES):
        # The source may spell the scheme with entities (java&Tab;script:): find its start.
        yield (f"the address '{value}' runs a script, and pages run only the engine's "
               "scripts. Link to a page or a web address (https://…) instead."), \
            value.strip()[:4] or name
    elif name in LOADING_ATTRIBUTES and any(OUTSIDE.match(part.strip())
                                           for part in value.split(",")):
        what = "emoji image" if "emoji" in value or "twemoji" in value else "file"
        yield (f"the {what} '{value}' on <{tag}> loads from another site, which would tell "
               "that site who is reading, and the site's policy blocks it. Save the file in "
               "docs/ and give its path, like ![description](../images/file.png)."), value


def _line_of(page, needle: str) -> int | None:
    """The first source line that contains `needle`, in any letter case."""
    wanted = needle.lower()
    for number, line in enumerate(page.file.content_string.splitlines(), start=1):
        if wanted in line.lower():
            return number
    return None
