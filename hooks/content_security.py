"""Content-Security-Policy for every page, as a meta tag placed before any script.

Pages whose type runs no script (the help page, exercises, the feelings guide and redirect
pages, declared in hooks/support/page_types.py) and the "page not found" page lose every
<script> element and get a policy that allows none,
except the engine's own small scripts (overrides/partials/javascripts/, such as the redirect
pages' one), each approved by its hash.
Other pages allow scripts only from the site itself or, for the small inline scripts the engine
ships, by the hash of each one. No page may submit a form anywhere (`form-action 'none'`).

The engine's inline scripts are the templates in partials/javascripts/ (Material's, and any the
engine adds in overrides/): each is rendered once per build with the site's configuration, into
a pattern in which only the page's base address may vary. An inline script that matches none of
them gets no hash, so no browser runs it, and the build stops naming the page (an author's own
script is stopped earlier, with its line, by hooks/author_html.py).

Under `mkdocs serve` only, pages also allow inline script, because MkDocs' live-reload script is
written into each page as it is served, with numbers that change on every request, so it has no
hash to approve. Built and deployed pages never get that allowance.
"""

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from support.page_types import SCRIPTLESS_TEMPLATES, SCRIPTLESS_TYPES, page_type
from support.source import page_path
from support.state import build

log = get_plugin_logger(__name__)

# Executable scripts only: JSON-LD data blocks stay, since no browser runs them.
SCRIPT = re.compile(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script>\s*",
                    re.DOTALL | re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>",
                           re.DOTALL | re.IGNORECASE)
DATA_BLOCK = re.compile(r'\btype="application/(?:ld\+)?json"', re.IGNORECASE)
CHARSET = re.compile(r'<meta charset="utf-8">', re.IGNORECASE)

COMMON = ["style-src 'self'", "img-src 'self' data:", "font-src 'self'", "form-action 'none'"]
# connect-src 'self' lets tools such as Lighthouse read the site's own robots.txt from the page.


# Stands for the page's base address while the engine's scripts are turned into patterns. Base
# addresses are relative paths ("../..") or the site's own path ("/library/").
BASE_MARKER = "\x00base-url\x00"
BASE_ADDRESS = r"[\w./~%-]*"
ENGINE_SCRIPTS = "partials/javascripts/"

_engine_scripts: list = []  # (pattern, whether the engine's own rather than Material's)


def on_env(env, config, files, **kwargs):
    _engine_scripts[:] = engine_script_patterns(env, config)
    return env


def on_page_context(context, page, config, nav, **kwargs):
    context["scriptless"] = is_scriptless(page)
    return context


def on_template_context(context, template_name, config, **kwargs):
    context["scriptless"] = template_name in SCRIPTLESS_TEMPLATES
    return context


@event_priority(-100)  # last: it hashes the page's scripts as they will be served
def on_post_page(output, page, config, **kwargs):
    if is_scriptless(page):
        return without_scripts(output)
    return with_policy(output, scripted_policy(output, page_path(page)))


@event_priority(-100)
def on_post_template(output_content, template_name, config, **kwargs):
    # Pages made from a template alone, such as 404.html, get the same protection.
    if not template_name.endswith(".html"):
        return output_content
    if template_name in SCRIPTLESS_TEMPLATES:
        return without_scripts(output_content)
    return with_policy(output_content, scripted_policy(output_content, template_name))


def without_scripts(html: str) -> str:
    """The page with no script but the engine's own, and a policy that allows no other."""
    kept = []
    html = SCRIPT.sub(lambda match: _keep_own(match, kept), html)
    return with_policy(html, scriptless_policy(kept))


def _keep_own(match, kept: list) -> str:
    """The script, if it is one of the engine's own; nothing otherwise."""
    inline = INLINE_SCRIPT.match(match.group(0))
    body = inline.group("body") if inline else None
    if body is not None and any(own and pattern.fullmatch(body)
                                for pattern, own in _engine_scripts):
        kept.append(body)
        return match.group(0)
    return ""


def scriptless_policy(bodies: list[str]) -> str:
    # While serving, only MkDocs' live-reload script is added, and it has no fixed hash.
    scripts = "'unsafe-inline'" if serving() else " ".join(_hashes(bodies)) or "'none'"
    return "; ".join(["default-src 'none'", f"script-src {scripts}", "base-uri 'none'",
                      "connect-src 'self'", *COMMON])


def _hashes(bodies) -> list[str]:
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest())
                   .decode() + "'" for body in bodies})


def engine_scripts_in(html: str, where: str) -> list[str]:
    """The bodies of the page's inline scripts that the engine ships; any other is reported."""
    bodies = []
    for match in INLINE_SCRIPT.finditer(html):
        if DATA_BLOCK.search(match.group("attrs")):
            continue
        body = match.group("body")
        if any(pattern.fullmatch(body) for pattern, _ in _engine_scripts):
            bodies.append(body)
        else:
            log.warning(f"{where}: the page holds an inline script that the engine does not "
                        f"ship ({' '.join(body.split())[:60]!r}). Pages may run only the "
                        "engine's scripts: remove it.")
    return bodies


def engine_script_patterns(env, config) -> list:
    """(pattern, own) for each inline script in the script templates: Material's, and the
    engine's own (those in the theme's custom_dir, overrides/)."""
    values = {"config": config, "base_url": BASE_MARKER,
              "features": config["theme"].get("features") or []}
    custom_dir = config["theme"].custom_dir
    patterns = []
    for name in env.list_templates(filter_func=lambda name: name.startswith(ENGINE_SCRIPTS)):
        own = bool(custom_dir) and (Path(custom_dir) / name).is_file()
        rendered = env.get_template(name).render(**values)
        for match in INLINE_SCRIPT.finditer(rendered):
            if not DATA_BLOCK.search(match.group("attrs")):
                parts = [re.escape(part) for part in match.group("body").split(BASE_MARKER)]
                patterns.append((re.compile(BASE_ADDRESS.join(parts), re.DOTALL), own))
    return patterns


def with_policy(html: str, policy: str) -> str:
    """The page with its policy as the first thing after <meta charset>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return CHARSET.sub(lambda match: match.group(0) + "\n    " + meta, html, count=1)


def is_scriptless(page) -> bool:
    return page is not None and page_type(page) in SCRIPTLESS_TYPES


def serving() -> bool:
    return build.command == "serve"


def scripted_policy(html: str, where: str) -> str:
    # A hash in the list would make browsers ignore 'unsafe-inline', so serving lists none.
    hashes = ["'unsafe-inline'"] if serving() else _hashes(engine_scripts_in(html, where))
    return "; ".join([
        "default-src 'self'", " ".join(["script-src 'self'", *hashes]), "object-src 'none'",
        "base-uri 'self'", *COMMON,
    ])
