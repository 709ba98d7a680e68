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

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.html_text import elements
from support.source import find_line, where

log = get_plugin_logger(__name__)

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
ElementTree.register_namespace("", SVG_NAMESPACE)
IMAGE_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# A paragraph that holds nothing but the drawing becomes a figure with its caption.
ALONE_IN_PARAGRAPH = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>", re.IGNORECASE)
# What a drawing may not hold, with the reason given to the author.
NOT_IN_A_DRAWING = {
    "style": "a <style> element, which the page's policy blocks and which would restyle the "
             "whole page",
    "script": "a <script> element",
    "foreignObject": "a <foreignObject> element",
    "image": "an <image> element (draw the shape itself, or use a plain image instead)",
    "use": "a <use> element (it points at an id, and drawings may not have ids)",
}
NOT_AN_ATTRIBUTE = ("style", "id", "href", "{http://www.w3.org/1999/xlink}href")


def on_page_content(html, page, config, files, **kwargs):
    if "drawing" not in html:
        return html
    folder = posixpath.dirname(page.file.dest_uri)

    def place(image_tag: str, alone: bool) -> str:
        attributes = next((attrs for _, attrs in elements(image_tag, {"img"})), {})
        if "drawing" not in (attributes.get("class") or "").split():
            return image_tag
        source = attributes.get("src", "")
        svg = _drawing(page, files, folder, source)
        if svg is None:
            return image_tag  # named above; the plain image still shows
        alt = (attributes.get("alt") or "").strip()
        caption = (attributes.get("title") or "").strip()
        inline = _inline(svg, alt)
        if alone:
            figcaption = f"<figcaption>{html_escaping.escape(caption)}</figcaption>" \
                if caption else ""
            return f'<figure class="drawing">{inline}{figcaption}</figure>'
        return inline

    html = ALONE_IN_PARAGRAPH.sub(lambda match: place(match.group(1), alone=True), html)
    return IMAGE_TAG.sub(lambda match: place(match.group(0), alone=False), html)


def _drawing(page, files, folder: str, source: str):
    """The parsed SVG of a drawing, or None when it cannot be one (said, with how to fix it)."""
    line = find_line(page, posixpath.basename(source)) if source else None
    path = posixpath.normpath(posixpath.join(folder, source.split("?")[0].split("#")[0]))
    file = files.get_file_from_path(path) if source and "://" not in source else None
    if file is None or not path.endswith(".svg") or file.abs_src_path is None:
        _report(f"{where(page, line)}: '{source}' is marked as a drawing, but it is not an SVG "
                "file of this site. A drawing is an .svg file in docs/; for any other picture "
                "remove '{ .drawing }'.")
        return None
    text = open(file.abs_src_path, encoding="utf-8").read()
    problem = drawing_problem(text)
    if problem:
        _report(f"docs/{file.src_uri}: {problem} (drawn on {where(page, line)}).")
        return None
    return ElementTree.fromstring(text)


def drawing_problem(text: str) -> str:
    """What keeps this SVG text from being placed in a page, or "" when it can be."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return "it has a <!DOCTYPE> or <!ENTITY>. Save the drawing again without it"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return (f"line {error.position[0]} is not well-formed SVG ({error}). Save the drawing "
                "again from a drawing program, or fix the tag there")
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        return ("it is not an SVG drawing: its first element must be <svg xmlns="
                f"\"{SVG_NAMESPACE}\" …>")
    if "viewBox" not in root.attrib:
        return ("its <svg> has no viewBox, so it cannot scale to a phone's width. Add one, "
                "like viewBox=\"0 0 600 200\"")
    for element in root.iter():
        name = element.tag.split("}")[-1]
        if name in NOT_IN_A_DRAWING:
            return (f"it holds {NOT_IN_A_DRAWING[name]}. A drawing becomes part of the page: "
                    "remove it, and colour shapes with class=\"accent\" or class=\"soft\", "
                    "or with currentColor")
        for attribute in NOT_AN_ATTRIBUTE:
            if attribute in element.attrib:
                shown = attribute.split("}")[-1]
                return (f"a <{name}> has {shown}=\"…\". A drawing becomes part of the page, so "
                        "it may not style, name or link anything: remove the attribute (colour "
                        "shapes with class=\"accent\" or class=\"soft\", or with currentColor)")
    return ""


def _inline(root, alt: str) -> str:
    """The drawing as inline SVG, named by its alt text for screen readers."""
    root = _copy(root)
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


def _copy(root):
    return ElementTree.fromstring(ElementTree.tostring(root))


def _report(message: str):
    if checks_enabled():
        log.warning(message)
