"""The "share this page" panel: the page's full address, its short link, a short link to each
of its steps, and a QR code made at build time as inline SVG (segno, pure Python, no network),
with a text alternative. Closed on screens (the QR code is for another device), always printed.

Shown on the page types marked `shareable` in hooks/support/page_types.py, unless the practice
turns it off (`extra: features: share_panel: false`, or `qr_codes: false` for the panel without
its QR code).
"""

import segno
from markupsafe import Markup

from labels import label
from support.page_types import PAGE_TYPES, page_type
from support.state import build
from support.steps import page_steps


def on_page_context(context, page, config, nav, **kwargs):
    features = config["extra"].get("features") or {}
    if not PAGE_TYPES.get(page_type(page), {}).get("shareable") or \
            features.get("share_panel") is False:
        return context
    address = page.canonical_url
    context["share"] = {
        "address": address,
        "short_link": build.short_links_by_target.get(page.url),
        "steps": page_steps(page),
        "qr_svg": qr_svg(address, label("qr_code", address=address).unescape())
        if features.get("qr_codes") is not False else "",
    }
    return context


def qr_svg(text: str, title: str) -> Markup:
    """An inline, scalable SVG QR code whose accessible name is `title`."""
    code = segno.make(text, error="m")
    width, height = code.symbol_size(scale=1, border=2)
    svg = code.svg_inline(scale=1, border=2, dark="#000", light="#fff", title=title)
    # segno escapes the text and title it writes into the SVG.
    return Markup(svg.replace("<svg ", f'<svg role="img" viewBox="0 0 {width} {height}" ', 1)
                  .replace(' class="segno"', ' class="segno share__qr"', 1))
