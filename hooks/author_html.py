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
from support.source import find_line, where
from support.urls import OUTSIDE

log = get_plugin_logger(__name__)

ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "xlink:href",
                      "srcset", "background", "cite")
LOADING_ATTRIBUTES = ("src", "poster", "data", "srcset", "background")
# Browsers drop tabs, newlines and control characters inside a scheme ("java\tscript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
# SVG elements whose href loads a file.
SVG_LOADERS = {"image", "use", "feimage"}
# Comments that browsers end sooner than Python's parser does (<!-->, <!--->, --!>): they are
# read the browsers' way, so nothing can hide inside one.
ABRUPT_COMMENT = re.compile(r"<!---?>|--!>")
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
    **{tag: "SVG animation can turn a link into a script. Remove it; show a still image."
       for tag in ("animate", "set", "animatemotion", "animatetransform")},
    "foreignobject": "An SVG <foreignObject> can hold any HTML, out of sight of these checks. "
                     "Remove it.",
}


def on_page_content(html, page, config, files, **kwargs):
    if not checks_enabled():
        return html
    readable = ABRUPT_COMMENT.sub(lambda match: "<!---->" if match.group(0) != "--!>" else "-->",
                                  html)
    for tag, attrs in all_elements(readable):
        for problem, needles in problems(tag, attrs):
            log.warning(f"{where(page, find_line(page, *needles, ignore_case=True))}: {problem}")
    return html


def problems(tag: str, attrs: dict):
    """What is wrong with one element, as (message, texts to find its line by)."""
    if tag in FORBIDDEN_ELEMENTS:
        yield FORBIDDEN_ELEMENTS[tag], (f"<{tag}",)
    if tag in ("div", "pre", "code") and "mermaid" in (attrs.get("class") or "").split():
        yield ("Mermaid diagrams are drawn by code loaded from another site, which this site "
               "never does. Draw the diagram as an image (SVG or PNG) in docs/ and show it "
               "with ![description](file.svg)."), ("mermaid",)
    for name, value in attrs.items():
        if name.startswith("on"):
            yield (f"the attribute '{name}' runs a script, and pages run only the engine's "
                   f"scripts. Remove '{name}=…'."), (name,)
        elif name == "ping":
            yield ("the attribute 'ping' tells another address each time the link is used. "
                   "Remove 'ping=…'."), ("ping",)
        elif name == "style" and value and any(part in value.lower() for part in
                                               ("url(", "image-set(", "@import")):
            yield (f"the style on <{tag}> loads a file ({value!r}). Remove the style "
                   "attribute."), ("style=",)
        elif value and (name in ADDRESS_ATTRIBUTES or
                        (tag in SVG_LOADERS and name in ("href", "xlink:href"))):
            yield from _address_problems(tag, name, value)


def _address_problems(tag, name, value):
    scheme = IGNORED_IN_SCHEME.sub("", value).lower()
    # The source may spell an address with entities (java&Tab;script:, https:&#x2F;&#x2F;):
    # look for it as written, then for its first letters, then for the attribute.
    needles = (value, value.strip()[:4], f"{name}=")
    loads = name in LOADING_ATTRIBUTES or tag in SVG_LOADERS
    if scheme.startswith(SCRIPT_SCHEMES):
        yield (f"the address '{value}' runs a script, and pages run only the engine's "
               "scripts. Link to a page or a web address (https://…) instead."), needles
    elif loads and any(OUTSIDE.match(IGNORED_IN_SCHEME.sub("", part))
                       for part in value.split(",")):
        what = "emoji image" if "emoji" in value or "twemoji" in value else "file"
        yield (f"the {what} '{value}' on <{tag}> loads from another site, which would tell "
               "that site who is reading, and the site's policy blocks it. Save the file in "
               "docs/ and give its path, like ![description](../images/file.png)."), needles
