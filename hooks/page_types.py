"""Page types: `type:` in front matter chooses the page's layout template.

The types and their fields are declared in hooks/support/page_types.py; hooks/front_matter.py
reports a type that does not exist.
"""

from support.page_types import DEFAULT_TYPE, PAGE_TYPES, UNINDEXED_TYPES


def on_page_markdown(markdown, page, config, files, **kwargs):
    spec = PAGE_TYPES.get(page.meta.get("type", DEFAULT_TYPE))
    if spec:
        # An explicit `template:` wins, so a page can still opt into a special layout.
        page.meta.setdefault("template", spec["template"])
    return markdown


def on_env(env, config, files, **kwargs):
    # Pages of these types carry `noindex` and stay out of the sitemap.
    env.globals["unindexed_types"] = UNINDEXED_TYPES
    return env
