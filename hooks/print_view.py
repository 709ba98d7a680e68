"""The printed page: every link in the text gets its full address (from site_url) in a data
attribute, which the print style sheet shows after the link text, so a printout still leads
back to everything it mentions."""

import re
from urllib.parse import urljoin

from support.page_types import PAGE_TYPES, page_type

LINK = re.compile(r'<a (?P<attrs>[^>]*?)href="(?P<href>[^"]*)"(?P<rest>[^>]*)>')
SKIP_CLASSES = ("headerlink", "citation", "md-button")


def on_page_content(html, page, config, files, **kwargs):
    if not PAGE_TYPES.get(page_type(page), {}).get("shareable"):
        return html
    base = urljoin(config["site_url"] or "", page.url)

    def add_address(match):
        href, tag = match.group("href"), match.group(0)
        if href.startswith("#") or any(name in tag for name in SKIP_CLASSES) or not href:
            return tag
        return tag[:-1] + f' data-print-href="{urljoin(base, href)}">'

    return LINK.sub(add_address, html)
