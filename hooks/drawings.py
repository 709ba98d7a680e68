"""Drawings: an SVG picture in docs/ marked `{ .drawing }` is placed in the page itself, so it
takes the page's colours in light and dark mode, in the practice's look and in print.

    ![Three circles: notice, make sense, be kind](../assets/pictures/three-steps.svg "The three steps"){ .drawing }

The alt text becomes the drawing's accessible name, and a title (in quotes) its caption. A
drawing is drawn in `currentColor` (lines and text) and may fill shapes with the classes
`accent` and `soft`, and text on an accent shape with `on-accent` (engine.css gives them the
site's colours). Because it becomes part of the
page, it may not carry what would reach beyond it: a <style> or style="…" (the page's policy
blocks both), an id (two drawings would share it), or a link to anything else.
"""

from __future__ import annotations

import html as html_escaping
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.html_text import elements
from support.source import find_line, where

log = get_plugin_logger(__name__)

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
ElementTree.register_namespace("", SVG_NAMESPACE)
# An image, with the paragraph or list item around it when it stands there alone: then it
# becomes a figure with its caption.
IMAGE = re.compile(r"(?P<open><(?P<holder>p|li)>\s*)?(?P<img><img\b[^>]*>)"
                   r"(?P<close>\s*</(?P=holder)>)?", re.IGNORECASE)
# The shapes a drawing is made of. Anything else (a <style>, an <image>, a <use>, an HTML tag
# that would end the drawing early in a page) is named with the file.
DRAWING_ELEMENTS = {"svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline",
                    "polygon", "text", "tspan", "title", "desc"}
NOT_AN_ATTRIBUTE = ("style", "id", "href", "{http://www.w3.org/1999/xlink}href")
# Deeper than this, a drawing is not made by hand (and would exhaust Python's recursion).
MAX_DEPTH = 40
# A drawing is part of every copy of its page: a large one belongs in a plain image.
MAX_BYTES = 150_000


def on_page_content(html, page, config, files, **kwargs):
    if "drawing" not in html:
        return html
    folder = posixpath.dirname(page.file.dest_uri)

    def place(match) -> str:
        image_tag = match.group("img")
        attributes = next((attrs for _, attrs in elements(image_tag, {"img"})), {})
        if "drawing" not in (attributes.get("class") or "").split():
            return match.group(0)
        svg = _drawing(page, files, folder, attributes.get("src", ""))
        if svg is None:
            return match.group(0)  # named above; the plain image still shows
        inline = _inline(svg, (attributes.get("alt") or "").strip())
        if not (match.group("open") and match.group("close")):
            return (match.group("open") or "") + inline + (match.group("close") or "")
        caption = (attributes.get("title") or "").strip()
        figcaption = f"<figcaption>{html_escaping.escape(caption)}</figcaption>" if caption \
            else ""
        figure = f'<figure class="drawing">{inline}{figcaption}</figure>'
        holder = match.group("holder").lower()
        return f"<li>{figure}</li>" if holder == "li" else figure

    return IMAGE.sub(place, html)


def _drawing(page, files, folder: str, source: str):
    """The parsed SVG of a drawing, or None when it cannot be one (said, with how to fix it)."""
    address = unquote(source.split("?")[0].split("#")[0])
    name = posixpath.basename(address)
    line = find_line(page, f"/{name}", f"({name}", name) if name else None
    path = posixpath.normpath(posixpath.join(folder, address))
    file = files.get_file_from_path(path) if address and "://" not in address else None
    if file is None or file.abs_src_path is None or not path.lower().endswith(".svg"):
        _report(f"{where(page, line)}: '{address}' is marked as a drawing, but it is not an "
                "SVG file of this site. A drawing is an .svg file in docs/; for any other "
                "picture remove '{ .drawing }'.")
        return None
    with open(file.abs_src_path, "rb") as svg_file:
        root, problem = parsed_drawing(svg_file.read())
    if problem:
        _report(f"docs/{file.src_uri}: {problem} (drawn on {where(page, line)}).")
    return root


def parsed_drawing(data: bytes):
    """(the drawing's root element, "") when this SVG file can be placed in a page, else
    (None, what keeps it out)."""
    if len(data) > MAX_BYTES:
        return None, (f"it is {len(data) // 1000} KB, and a drawing is copied into its page (at "
                      f"most {MAX_BYTES // 1000} KB). Simplify it, or show it as a plain image: "
                      "remove '{ .drawing }'")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return None, "it has a <!DOCTYPE> or <!ENTITY>. Save the drawing again without it"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return None, (f"line {error.position[0]} is not well-formed SVG ({error}). Save the "
                      "drawing again as UTF-8 from a drawing program, or fix the tag there")
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        return None, ("it is not an SVG drawing: its first element must be <svg xmlns="
                      f"\"{SVG_NAMESPACE}\" …>")
    if "viewBox" not in root.attrib:
        return None, ("its <svg> has no viewBox, so it cannot scale to a phone's width. Add "
                      "one, like viewBox=\"0 0 600 200\"")
    problem = _element_problem(root, depth=0)
    return (None, problem) if problem else (root, "")


def _element_problem(element, depth: int) -> str:
    """What in this element or below it cannot be part of a page, or ""."""
    if depth > MAX_DEPTH:
        return (f"its shapes are nested more than {MAX_DEPTH} deep. Flatten its groups, or "
                "show it as a plain image: remove '{ .drawing }'")
    namespace, _, name = element.tag.rpartition("}")
    if namespace != "{" + SVG_NAMESPACE or name not in DRAWING_ELEMENTS:
        return (f"it holds a <{name}> element. A drawing becomes part of the page, so it is "
                f"made only of shapes and text ({', '.join(sorted(DRAWING_ELEMENTS))}): remove "
                "the rest, and colour shapes with class=\"accent\" or class=\"soft\", or "
                "with currentColor")
    for attribute, value in element.attrib.items():
        shown = attribute.split("}")[-1]
        if attribute in NOT_AN_ATTRIBUTE or shown.lower().startswith("on") or \
                "url(" in value.replace(" ", "").lower():
            return (f"a <{name}> has {shown}=\"…\". A drawing becomes part of the page, so it "
                    "may not style, name, link or run anything: remove the attribute (colour "
                    "shapes with class=\"accent\" or class=\"soft\", or with currentColor)")
    for child in element:
        problem = _element_problem(child, depth + 1)
        if problem:
            return problem
    return ""


def _inline(root, alt: str) -> str:
    """The drawing as inline SVG, named by its alt text for screen readers. `root` is this
    image's own parse of the file, so it is changed in place."""
    for size in ("width", "height"):
        root.attrib.pop(size, None)  # engine.css fits it to the column
    root.set("role", "img")
    root.set("aria-label", alt)
    root.set("class", " ".join(filter(None, ["drawing__svg", root.get("class")])))
    for old_title in root.findall(f"{{{SVG_NAMESPACE}}}title"):
        root.remove(old_title)
    title = ElementTree.Element(f"{{{SVG_NAMESPACE}}}title")
    title.text = alt
    root.insert(0, title)
    return ElementTree.tostring(root, encoding="unicode", short_empty_elements=True)


def _report(message: str):
    if checks_enabled():
        log.warning(message)
