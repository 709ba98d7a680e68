"""Two pieces of Material's markup that the Nu HTML Checker rejects, which no template block
can reach, rewritten in the output:

- `autocomplete="off"` on the hidden drawer and search checkboxes (in base.html, outside any
  block): not allowed on checkboxes, and not needed there;
- `tabindex=""` on navigation section labels (nav-item.html): an empty tabindex is invalid,
  and those labels are not meant to be focusable;
- the search dialog (search.html) has no accessible name, which axe reports;
- base.html offers "Skip to content" only on pages whose text has a heading: every page gets
  one here, leading to the main content;
- the menu drawer opens through a hidden checkbox that a keyboard cannot reach; the sidebar
  gets an id, so that the header's no-JavaScript "Menu" link can open it with :target.
"""

import re

from labels import label
from support.languages import language_of

TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
UNNAMED_DIALOG = re.compile(r'(<div class="md-search"[^>]*? role="dialog")(?![^>]*aria-label)')
EMPTY_SKIP = re.compile(r'(<div data-md-component="skip">)\s*(</div>)')
CONTENT = re.compile(r'<article class="md-content__inner md-typeset">')
SIDEBAR = re.compile(r'(<div class="md-sidebar md-sidebar--primary")')


def on_post_page(output, page, config, **kwargs):
    return fix(output, language_of(page))


def on_post_template(output_content, template_name, config, **kwargs):
    return fix(output_content) if template_name.endswith(".html") else output_content


def fix(html: str, language: str | None = None) -> str:
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub(r"\1", html)
    html = UNNAMED_DIALOG.sub(lambda match: f'{match.group(1)} aria-label="{label("search", in_language=language)}"', html)
    html = CONTENT.sub('<article class="md-content__inner md-typeset" id="main-content">', html,
                       count=1)
    skip = f'<a href="#main-content" class="md-skip">{label("skip_link", in_language=language)}</a>'
    html = EMPTY_SKIP.sub(lambda match: match.group(1) + skip + match.group(2),
                          html, count=1)
    return SIDEBAR.sub(r'\1 id="site-menu"', html, count=1)
