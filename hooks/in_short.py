"""The "In short" box: three short lines that open every client page, for the reader who reads
nothing else. They come from `in_short:` in a page's front matter, or, for each feeling of the
feelings guide, from docs/_data/feelings.yml.

Which page types need the box, and its shape (three lines of at most 25 words), are declared in
hooks/support/page_types.py and checked where the lines are written (hooks/front_matter.py,
hooks/feelings.py). This hook only places the box: right after the page's heading, before its
first paragraph.
"""

import re

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.source import find_line, where

log = get_plugin_logger(__name__)

TEMPLATE = "partials/in-short.html"
LEADING_HEADING = re.compile(r"\A(?:\s|<!--.*?-->)*<h1\b.*?</h1>", re.DOTALL)
BOX_ID = "in-short"

_env = None


def on_env(env, config, files, **kwargs):
    global _env
    _env = env
    return env


# After on_env (which MkDocs runs once every page's text is made), so the box is rendered with
# the engine's full template environment.
def on_page_context(context, page, config, nav, **kwargs):
    lines = (page.meta or {}).get("in_short")
    if isinstance(lines, list) and lines and page.content is not None:
        if checks_enabled() and f'id="{BOX_ID}"' in page.content:
            log.warning(f"{where(page, find_line(page, '{#' + BOX_ID, 'In short'))}: the page has "
                        f"its own '#{BOX_ID}' anchor, which the \"In short\" box uses. Give that "
                        "heading another anchor, like {#summary}, or remove it: the box is the "
                        "page's summary.")
        box = _env.get_template(TEMPLATE).render(lines=lines, box_id=BOX_ID, page=page)
        page.content = _after_leading_heading(page.content, box)
    # A page that needs the box and has none is named by hooks/front_matter.py.
    return context


def _after_leading_heading(html: str, box: str) -> str:
    """Pages in Material's own layout write their <h1> in the text; the box follows it."""
    heading = LEADING_HEADING.match(html)
    if heading is None:
        return box + html
    return html[:heading.end()] + box + html[heading.end():]
