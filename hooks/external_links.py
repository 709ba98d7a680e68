"""Links to other sites open in the same tab and carry rel="noopener noreferrer", so the other
site learns nothing about the page, or the person, that sent the reader there."""

import re

from mkdocs.plugins import event_priority

# `href=` itself, not `data-print-href=` (hooks/print_view.py), which holds full addresses.
EXTERNAL = re.compile(r'<a (?P<attrs>[^>]*?(?<![-\w])href="(?:https?:)?//[^"]*"[^>]*)>')


@event_priority(-50)  # after every hook that writes links into the page's content
def on_page_content(html, page, config, files, **kwargs):
    return EXTERNAL.sub(_mark, html)


def _mark(match):
    attrs = re.sub(r'\s*\btarget="[^"]*"', "", match.group("attrs"))
    attrs = re.sub(r'\s*\brel="[^"]*"', "", attrs)
    return f'<a {attrs} rel="noopener noreferrer">'
