"""Page types: `type:` in front matter chooses the page's layout template.

The types and their fields are declared in hooks/support/page_types.py; hooks/front_matter.py
reports a type that does not exist. Layouts that write the page's title as its heading get no
second top heading from the text: a page has one <h1>.
"""

import re

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.page_types import (DEFAULT_TYPE, GENERATED_TYPES, PAGE_TEMPLATES, PAGE_TYPES,
                                TITLED_TYPES, UNINDEXED_TYPES, page_type)
from support.source import where

log = get_plugin_logger(__name__)

TOP_HEADING = re.compile(r"^#(?!#)\s|^<h1\b", re.MULTILINE | re.IGNORECASE)


def on_page_markdown(markdown, page, config, files, **kwargs):
    # These hold whatever the checks say (hooks/front_matter.py reports each mistake): a page
    # never takes a type the engine keeps for its own pages (a redirect page, say), nor a
    # template that is not a page layout.
    kind = page.meta.get("type", DEFAULT_TYPE)
    if not isinstance(kind, str) or (kind in GENERATED_TYPES and
                                     page.file.abs_src_path is not None):
        page.meta["type"] = kind = DEFAULT_TYPE
    if page.meta.get("template") not in PAGE_TEMPLATES:
        page.meta.pop("template", None)
    spec = PAGE_TYPES.get(kind)
    if spec:
        # An explicit `template:` wins, so a page can still opt into another page layout.
        page.meta.setdefault("template", spec["template"])
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    if checks_enabled() and page_type(page) in TITLED_TYPES and "<h1" in html:
        match = TOP_HEADING.search(page.file.content_string)
        line = page.file.content_string.count("\n", 0, match.start()) + 1 if match else None
        log.warning(f"{where(page, line)}: this heading would be a second page title: the "
                    f"layout already shows 'title:' as the page's heading. Start the heading "
                    "with '## ' instead, or remove it if it repeats the title.")
    return html


def on_env(env, config, files, **kwargs):
    # Pages of these types carry `noindex` and stay out of the sitemap.
    env.globals["unindexed_types"] = UNINDEXED_TYPES
    return env
