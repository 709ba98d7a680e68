"""Ready-made PDF handouts: every exercise (blank) and every guide is also published as a PDF
beside its page (guides/x/x.pdf), laid out by WeasyPrint at build time from the finished page
with the engine's print style sheet, so paper and PDF look the same. Each PDF is tagged for
screen readers (PDF/UA-1), carries the page's title and language, and its QR code and address.

- Types that get one are marked `handout:` in hooks/support/page_types.py ("blank" for a form
  printed empty, "page" for a page printed as it is).
- Nothing is fetched from the network: WeasyPrint may read files of the built site only.
- The paper is `extra: handout_paper:` in mkdocs.yml (letter or A4, checked by settings.py).
- `SITE_HANDOUTS=skip` in the environment skips them for a fast local build; pages then do not
  link to them.
- WeasyPrint needs Pango from the system (Debian: libpango-1.0-0 libpangoft2-1.0-0); the
  README's commands install it. Without it, the build stops and says how to install it.
"""

import hashlib
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from labels import label
from support.languages import language_of
from support.dates import today
from support.page_types import PAGE_TYPES, page_type

log = get_plugin_logger(__name__)

SKIP_VARIABLE = "SITE_HANDOUTS"
PRINT_SHEET = "assets/stylesheets/print.css"
STYLESHEETS = ("assets/stylesheets/engine.css", PRINT_SHEET)
# Material's screen style sheet and script are left out of the PDF (see print.css).
LINKED_STYLE = re.compile(r'<link rel="stylesheet"[^>]*>')
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
# WeasyPrint fills an inline SVG from the styles inside it only, so the print sheet's fills for
# a drawing's parts (`.md-typeset .drawing__svg .accent { fill: … }`) go into each drawing.
DRAWING_FILL = re.compile(r"\.md-typeset \.drawing__svg (\.[\w-]+) \{([^}]*)\}")
DRAWING = re.compile(r'<svg\b[^>]*\bclass="drawing__svg[" ][^>]*>')
_pending = []  # (the page's HTML file, its PDF), made once every page is written


def on_config(config, **kwargs):
    _pending.clear()
    skip = os.environ.get(SKIP_VARIABLE, "").strip().lower()
    if skip not in ("", "skip"):
        raise PluginError(f"{SKIP_VARIABLE}={skip!r} is not a choice. Leave it unset to make "
                          f"the PDF handouts, or set {SKIP_VARIABLE}=skip to leave them out.")
    config["extra"]["handouts"] = skip != "skip"
    return config


def on_page_context(context, page, config, nav, **kwargs):
    kind = PAGE_TYPES.get(page_type(page), {}).get("handout")
    if config["extra"]["handouts"] and kind:
        language = language_of(page)
        context["handout_pdf"] = {"href": handout_name(page),
                                  "text": label("handout_link_blank", in_language=language)
                                  if kind == "blank" else
                                  label("handout_link_page", in_language=language)}
    return context


def on_post_page(output, page, config, **kwargs):
    if config["extra"]["handouts"] and PAGE_TYPES.get(page_type(page), {}).get("handout"):
        written = Path(config["site_dir"]) / page.file.dest_uri
        _pending.append((written, written.parent / handout_name(page)))
    return output


def on_post_build(config, **kwargs):
    if not _pending:
        return
    site = Path(config["site_dir"]).resolve()
    try:
        from weasyprint import CSS, HTML
    except OSError as error:  # Pango is missing
        raise PluginError(
            f"The PDF handouts need Pango ({error}). Install it (Debian: sudo apt-get install "
            f"libpango-1.0-0 libpangoft2-1.0-0), or build without them: {SKIP_VARIABLE}=skip "
            "mkdocs build.") from None
    fetcher = _site_files_only(site)
    styles = [CSS(filename=str(site / sheet), url_fetcher=fetcher) for sheet in STYLESHEETS]
    # A browser prints on the reader's paper (print.css says `size: auto`); a PDF needs one.
    styles.append(CSS(string=f"@page {{ size: {config['extra']['handout_paper']}; }}"))
    fills = "".join(f"{part}{{{rule.strip()}}}" for part, rule in DRAWING_FILL.findall(
        (site / PRINT_SHEET).read_text(encoding="utf-8")))
    for written, target in _pending:
        # The page as written, after every hook changed it, whatever their order.
        paper_html = _for_paper(written.read_text(encoding="utf-8"), fills)
        document = HTML(string=paper_html, base_url=str(target.parent) + "/",
                        url_fetcher=fetcher).render(stylesheets=styles)
        # The same page gives the same file, build after build (a stable identifier).
        identifier = hashlib.sha256(paper_html.encode()).hexdigest()[:32].encode()
        document.metadata.created = document.metadata.modified = today().isoformat()
        document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_identifier=identifier)
    log.debug(f"Made {len(_pending)} PDF handouts.")
    _pending.clear()


def handout_name(page) -> str:
    """guides/the-break/ -> the-break.pdf, beside the page's index.html."""
    return (page.url.rstrip("/").rsplit("/", 1)[-1] or "home") + ".pdf"


def _for_paper(html: str, drawing_fills: str) -> str:
    """The finished page as a blank handout: the engine's styles only, no script, every
    closed box open, text boxes as ruled space, drawings filled as on paper, and a class that
    gives blank fields room for handwriting."""
    html = SCRIPT.sub("", LINKED_STYLE.sub("", html))
    if drawing_fills:
        html = DRAWING.sub(lambda svg: f"{svg.group(0)}<style>{drawing_fills}</style>", html)
    html = re.sub(r"<details\b(?![^>]*\bopen\b)", "<details open", html)
    # WeasyPrint draws form controls its own way; a blank handout needs only their ruled space.
    html = re.sub(r"<textarea\b([^>]*)></textarea>", r"<div\1></div>", html)
    html = re.sub(r'<input class="field__date"[^>]*>', '<span class="field__date"></span>', html)
    tag = re.search(r"<html\b[^>]*>", html)
    if tag is None:
        return html
    opened = tag.group(0)
    if 'class="' in opened:
        blank = opened.replace('class="', 'class="handout-blank ', 1)
    else:
        blank = opened[:-1] + ' class="handout-blank">'
    return html[:tag.start()] + blank + html[tag.end():]


def _site_files_only(site: Path):
    from weasyprint.urls import URLFetcher

    class SiteFiles(URLFetcher):
        """Files of the built site; anything else (another site, a file elsewhere) is refused."""

        def fetch(self, url, headers=None):
            prefix = site.as_uri() + "/"
            if not url.startswith(prefix) or ".." in url[len(prefix):]:
                raise ValueError(f"A handout may only use files of the site, not {url}")
            return super().fetch(url, headers)

    return SiteFiles(allowed_protocols={"file"})
