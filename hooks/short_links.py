"""Short links and moved pages, from docs/_data/short-links.yml.

- `links:` gives memorable names to pages or steps: `go/break/` leads to the self-compassion
  break. Each becomes a small redirect page: no script (a meta refresh and a visible link), the
  site's header with its help link, and `noindex`.
- `moved:` keeps a published address working after a page moved or a step was renamed. A moved
  page gets a redirect page at its old address; a renamed step on the same page keeps its old
  anchor as an alias, so old links still land on the step.

Every target page and anchor must exist, and names must be unique.
"""

import re

from mkdocs.plugins import get_plugin_logger

from labels import label
from support import site_index
from support.checks import checks_enabled
from support.data_files import LineList, load_data_file
from support.generated_pages import generated_page
from support.state import build

log = get_plugin_logger(__name__)

WHERE = "docs/_data/short-links.yml"
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_links = LineList()
_moved = LineList()
_redirects = []  # (where, line, redirect page URL, target address) checked after the build
_aliases = {}  # page src path -> [(old anchor, new anchor)]


def on_config(config, **kwargs):
    global _links, _moved
    data = load_data_file(config, "short-links")
    _links = data.get("links") or LineList()
    _moved = data.get("moved") or LineList()
    _redirects.clear()
    _aliases.clear()
    return config


def on_files(files, config, **kwargs):
    prefix = str(config["extra"].get("short_links_prefix", "go")).strip("/")
    site_url = config["site_url"] or "/"
    seen = {}
    for index, entry in enumerate(_links):
        line = _links.line_of(index)
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not NAME.match(name):
            _warn(line, f"the short link name '{name}' is not usable in an address. Use lower "
                  "case letters, digits and dashes, like break or step-2.")
            continue
        if name in seen:
            _warn(line, f"the short link '{name}' is already defined on line {seen[name]}. "
                  "Give each short link its own name.")
            continue
        seen[name] = line
        target_url = _add_redirect(files, config, f"{prefix}/{name}.md", entry.get("target"),
                                   line, label("short_link_title", name=name))
        if target_url is not None:
            build.short_links_by_target.setdefault(target_url, site_url + f"{prefix}/{name}/")
    for index, entry in enumerate(_moved):
        line = _moved.line_of(index)
        if not isinstance(entry, dict) or not entry.get("from") or not entry.get("target"):
            _warn(line, "each moved address needs 'from' (the old address, like "
                  "guides/old-name/) and 'target' (where it lives now, like guides/new.md).")
            continue
        old_url, _, old_anchor = str(entry["from"]).partition("#")
        target_path, _, new_anchor = str(entry["target"]).partition("#")
        if old_anchor:
            target = files.get_file_from_path(target_path)
            if target is None or target.url != old_url or not new_anchor:
                _warn(line, f"'{entry['from']}' is a step anchor, which can only move to "
                      "another anchor on the same page. Give 'target' as that page and its new "
                      "anchor, like guides/page.md#step-2-new-name.")
                continue
            _aliases.setdefault(target_path, []).append((old_anchor, new_anchor))
            _redirects.append((line, f"{old_url}#{old_anchor}", None))
        else:
            source = old_url.strip("/") + ".md" if old_url.strip("/") else "index.md"
            _add_redirect(files, config, source, entry["target"], line, label("moved_title"))
    return files


def on_page_content(html, page, config, files, **kwargs):
    for old_anchor, new_anchor in _aliases.get(page.file.src_uri, []):
        alias = f'<span id="{old_anchor}" class="anchor-alias"></span>'
        html, count = re.subn(rf'(<[^>]+\bid="{re.escape(new_anchor)}")', alias + r"\1", html,
                              count=1)
        if not count:
            _warn(None, f"the moved anchor '#{old_anchor}' should lead to '#{new_anchor}' on "
                  f"docs/{page.file.src_uri}, which has no such anchor. Check the new name.")
    return html


def on_post_build(config, **kwargs):
    if not checks_enabled():
        return
    for line, address, target in _redirects:
        wanted = target if target is not None else address
        if not site_index.has_address(wanted):
            _warn(line, f"the address '{wanted}' does not exist in the built site. Check the "
                  "page and the part after '#': it must match a heading's anchor exactly.")


def _add_redirect(files, config, source, target, line, title):
    if not isinstance(target, str) or not target:
        _warn(line, "the entry has no 'target'. Give the page it leads to, like guides/page.md "
              "or guides/page.md#step-2-name.")
        return None
    path, _, anchor = target.partition("#")
    target_file = files.get_file_from_path(path)
    if target_file is None:
        return None  # reported by hooks/links.py with the line, as for any link in data
    files.append(generated_page(config, files, source, {
        "type": "short-link", "title": title, "target": target, "search": {"exclude": True},
    }, f"{WHERE}, line {line}"))
    target_url = target_file.url + (f"#{anchor}" if anchor else "")
    _redirects.append((line, None, target_url))
    return target_url


def _warn(line, message):
    if checks_enabled():
        log.warning(f"{WHERE}, line {line}: {message}" if line else f"{WHERE}: {message}")
