"""The "share this page" panel: the page's full address, its short link, a short link to each
of its steps, and a QR code made at build time (segno, pure Python, no network), with a text
alternative. Closed on screens (the QR code is for another device), always printed.

The QR code is an SVG file beside the page (`index.qr.svg` beside `index.html`), shown as a
lazily loaded image: a closed panel costs no bytes, so the page paints sooner, and a browser
fetches the image when the panel opens or the page is printed.

Shown on the page types marked `shareable` in hooks/support/page_types.py, unless the practice
turns it off (`extra: features: share_panel: false`, or `qr_codes: false` for the panel without
its QR code).
"""

import posixpath
from pathlib import Path

import segno

from labels import label
from support.languages import language_of
from support.page_types import PAGE_TYPES, page_type
from support.site_files import refuse_to_overwrite
from support.state import build
from support.steps import page_steps

QR_FILE = "{stem}.qr.svg"
_codes: dict = {}  # {page's dest_uri: (file name, SVG text)}, written with the page
_site_files: list = []  # the site's and the theme's files, so that none is overwritten


def on_files(files, config, **kwargs):
    _site_files[:] = [files]
    return files


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
        "qr": qr_image(page, address, config) if features.get("qr_codes") is not False
        else None,
    }
    return context


def on_post_page(output, page, config, **kwargs):
    code = _codes.pop(page.file.dest_uri, None)
    if code:
        name, svg = code
        target = Path(config["site_dir"]) / posixpath.dirname(page.file.dest_uri) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(svg, encoding="utf-8")
    return output


def qr_image(page, address: str, config) -> dict:
    """What the template needs to show the page's QR code: its file name, text alternative and
    size; the file itself is written beside the page."""
    stem = posixpath.splitext(posixpath.basename(page.file.dest_uri))[0]
    name = QR_FILE.format(stem=stem)
    refuse_to_overwrite(config, _site_files[0],
                        posixpath.join(posixpath.dirname(page.file.dest_uri), name),
                        f"the QR code of docs/{page.file.src_uri}", "Rename the file, or turn "
                        "QR codes off with 'extra: features: qr_codes: false' in mkdocs.yml.")
    alternative = label("qr_code", in_language=language_of(page), address=address).unescape()
    svg, size = qr_svg(address, alternative)
    _codes[page.file.dest_uri] = (name, svg)
    return {"src": name, "alt": alternative, "size": size}


def qr_svg(text: str, title: str) -> tuple[str, int]:
    """A scalable SVG QR code, titled `title`, and its width in modules."""
    code = segno.make(text, error="m")
    width, height = code.symbol_size(scale=1, border=2)
    # segno escapes the text and title it writes into the SVG.
    svg = code.svg_inline(scale=1, border=2, dark="#000", light="#fff", title=title)
    svg = svg.replace("<svg ", f'<svg xmlns="http://www.w3.org/2000/svg" '
                               f'viewBox="0 0 {width} {height}" ', 1)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg + "\n", width
