"""Content-Security-Policy for every page, as a meta tag placed before any script.

Pages whose type runs no script (exercises and the feelings guide, declared in
hooks/support/page_types.py) lose every <script> element and get a policy that allows none.
Other pages allow scripts only from the site itself or, for Material's small inline scripts,
by the hash of each one. No page may submit a form anywhere (`form-action 'none'`).

Under `mkdocs serve` only, pages also allow inline script, because MkDocs' live-reload script is
written into each page as it is served, with numbers that change on every request, so it has no
hash to approve. Built and deployed pages never get that allowance.
"""

import base64
import hashlib
import re

from mkdocs.plugins import event_priority

from support.page_types import SCRIPTLESS_TYPES, page_type
from support.state import build

# Executable scripts only: JSON-LD data blocks stay, since no browser runs them.
SCRIPT = re.compile(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script>\s*",
                    re.DOTALL | re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>",
                           re.DOTALL | re.IGNORECASE)
DATA_BLOCK = re.compile(r'\btype="application/(?:ld\+)?json"', re.IGNORECASE)
CHARSET = re.compile(r'<meta charset="utf-8">', re.IGNORECASE)

COMMON = ["style-src 'self'", "img-src 'self' data:", "font-src 'self'", "form-action 'none'"]
# connect-src 'self' lets tools such as Lighthouse read the site's own robots.txt from the page.
SCRIPTLESS_POLICY = "; ".join(["default-src 'none'", "script-src 'none'", "base-uri 'none'",
                               "connect-src 'self'", *COMMON])
# While serving: the page's own scripts are gone as above; only the live-reload script may run.
SCRIPTLESS_SERVE_POLICY = SCRIPTLESS_POLICY.replace("script-src 'none'", "script-src 'unsafe-inline'")


def on_page_context(context, page, config, nav, **kwargs):
    context["scriptless"] = is_scriptless(page)
    return context


@event_priority(-100)  # last: it hashes the page's scripts as they will be served
def on_post_page(output, page, config, **kwargs):
    if is_scriptless(page):
        output = SCRIPT.sub("", output)
        policy = SCRIPTLESS_SERVE_POLICY if serving() else SCRIPTLESS_POLICY
    else:
        policy = scripted_policy(output)
    return with_policy(output, policy)


@event_priority(-100)
def on_post_template(output_content, template_name, config, **kwargs):
    # Pages made from a template alone, such as 404.html, get the same protection.
    if not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, scripted_policy(output_content))


def with_policy(html: str, policy: str) -> str:
    """The page with its policy as the first thing after <meta charset>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return CHARSET.sub(lambda match: match.group(0) + "\n    " + meta, html, count=1)


def is_scriptless(page) -> bool:
    return page is not None and page_type(page) in SCRIPTLESS_TYPES


def serving() -> bool:
    return build.command == "serve"


def scripted_policy(html: str) -> str:
    # A hash in the list would make browsers ignore 'unsafe-inline', so serving lists none.
    hashes = ["'unsafe-inline'"] if serving() else sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(match.group("body").encode()).digest())
        .decode() + "'"
        for match in INLINE_SCRIPT.finditer(html)
        if not DATA_BLOCK.search(match.group("attrs"))
    })
    return "; ".join([
        "default-src 'self'", " ".join(["script-src 'self'", *hashes]), "object-src 'none'",
        "base-uri 'self'", *COMMON,
    ])
