"""Images: every image has alt text. An empty alt is allowed only on an image marked
decorative, with `{ .decorative }` after it in Markdown."""

from pathlib import PurePosixPath

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.html_text import elements
from support.source import find_line, where

log = get_plugin_logger(__name__)


def on_page_content(html, page, config, files, **kwargs):
    if not checks_enabled():
        return html
    for _, attrs in elements(html, {"img"}):
        src = attrs.get("src", "")
        name = PurePosixPath(src.split("?")[0]).name
        line = find_line(page, name) if name else None
        alt = attrs.get("alt")
        decorative = "decorative" in (attrs.get("class") or "").split() \
            or attrs.get("role") in ("presentation", "none")
        if alt is None or (not alt.strip() and not decorative):
            log.warning(f"{where(page, line)}: the image '{src}' has no alt text. Describe what "
                        "it shows inside the brackets, like ![A hand resting on a chest](…). "
                        "If it is only decoration, add { .decorative } after it.")
        elif alt.strip() and alt.strip() == name:
            log.warning(f"{where(page, line)}: the image '{src}' uses its file name as alt "
                        "text. Describe what the image shows instead.")
    return html
