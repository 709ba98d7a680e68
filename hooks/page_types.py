"""Page types: `type:` in front matter chooses the page's layout template.

The types and their fields are declared in hooks/support/page_types.py.
"""

from mkdocs.plugins import get_plugin_logger

from support.page_types import DEFAULT_TYPE, PAGE_TYPES

log = get_plugin_logger(__name__)


def on_page_markdown(markdown, page, config, files, **kwargs):
    kind = page.meta.get("type", DEFAULT_TYPE)
    if kind not in PAGE_TYPES:
        log.warning(
            f"docs/{page.file.src_uri}: the page type '{kind}' is unknown. "
            f"Set 'type:' in the front matter to one of: {', '.join(sorted(PAGE_TYPES))}."
        )
        return markdown
    # An explicit `template:` wins, so a page can still opt into a special layout.
    page.meta.setdefault("template", PAGE_TYPES[kind]["template"])
    return markdown
