"""What the built site contains, gathered as pages are written, for checks that run once the
whole site is built (anchors of raw HTML links, short links, published addresses)."""

import re

from support.html_text import main_content
from support.state import build

ID = re.compile(r'\bid="([^"]+)"')


def record(url: str, output: str):
    build.ids_by_url[url] = page_ids(output)


def has_address(address: str) -> bool:
    """True if "guides/x/" or "guides/x/#step-2-y" exists in the built site."""
    url, _, anchor = address.partition("#")
    ids = build.ids_by_url.get(url)
    return ids is not None and (not anchor or anchor in ids)


def page_ids(output: str) -> set:
    """The ids in a written page's main content, where links and steps point. Only that part
    is read: the navigation, which grows with the site, holds no link targets, and reading
    it made every page slower as the site grew."""
    return set(ID.findall(main_content(output)))
