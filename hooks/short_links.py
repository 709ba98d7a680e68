"""Short links and moved pages, from docs/_data/short-links.yml.

- `links:` gives memorable names to pages or steps: `go/break/` leads to the self-compassion
  break. Each becomes a small redirect page: no script (a meta refresh and a visible link), the
  site's header with its help link, and `noindex`.
- `moved:` keeps a published address working after a page moved or a step was renamed. A moved
  page gets a redirect page at its old address; a renamed step on the same page keeps its old
  anchor as an alias, so old links still land on the step.

A meta refresh drops the part of an address after '#', and GitHub Pages has no server
redirects, so a moved guide would lose the step a clinician linked to. A redirect page
therefore lists every step of the page it leads to as a plain link, under the step's anchor
(steps renamed with a `moved:` entry of their own under their old anchor), and one small script
the engine ships (overrides/partials/javascripts/redirect.html) follows the link that matches
the address's '#' part. Readers without script are sent to the page by the refresh.

Every step of a guide or exercise also gets a short link of its own, with no entry to write:
`go/<name>/<number>/`, where <name> is the page's own short link (or, without one, its file
name, after its language's code for a page in a further language: `es-<file name>`) and
<number> counts its steps from 1. A guide's steps are its level-2 headings whose
anchor starts with `step-`; an exercise's are its sections. A short link's page previews as the
page or step it leads to (its title and description), so a link pasted into a message says
where it goes.

Every target page and anchor must exist, names must be unique, and short links lead only to
pages of this site (a short link to another site would make this site an open door to it).
"""

import posixpath
import re

from markdown.extensions.toc import slugify as default_slugify
from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils.meta import get_data

from labels import label
from support import site_index
from support.checks import checks_enabled
from support.data_files import LineList, data_file_path, load_data_file
from support.generated_pages import generated_page
from support.languages import language_of
from support.page_types import DEFAULT_TYPE, PAGE_TYPES
from support.shapes import INVALID, SLUG, Fields, Id, ListOf, Text, conform
from support.state import build
from support.trees import every_item
from support.urls import EXTERNAL_SCHEMES

log = get_plugin_logger(__name__)

WHERE = "docs/_data/short-links.yml"
TARGET = Text("a page under docs/, like guides/page.md or guides/page.md#step-2-name",
              numbers=False)
SHORT_LINKS = Fields({}, {
    "links": ListOf(Fields({"name": Id(), "target": TARGET}), entry="short link"),
    "moved": ListOf(Fields({"from": Text(numbers=False), "target": TARGET}),
                    entry="moved address"),
})
_links = LineList()
_moved = LineList()
_redirects = []  # (line or place, redirect page URL, target address) checked after the build
_aliases = {}  # page src path -> [(old anchor, new anchor)]
_moved_steps = {}  # redirect page src path -> [(old anchor, target path, new anchor)]
_files = None
_enabled = False
# A level-2 heading, with an explicit anchor ({#step-1-name}) or one the table of contents makes.
HEADING = re.compile(r"^##[ \t]+(?P<text>.*?)[ \t]*(?:\{[^}\n]*#(?P<id>[\w-]+)[^}\n]*\})?[ \t]*$",
                     re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)


def on_config(config, **kwargs):
    global _links, _moved, _enabled
    # A site without the file has no short links at all, not even its steps'.
    _enabled = data_file_path(config, "short-links").is_file()
    data, problems = conform(load_data_file(config, "short-links"), SHORT_LINKS, WHERE)
    for problem in problems:
        if checks_enabled():
            log.warning(problem)
    data = data if data is not INVALID else {}
    _links = data.get("links") or LineList()
    _moved = data.get("moved") or LineList()
    _redirects.clear()
    _aliases.clear()
    _moved_steps.clear()
    return config


def on_files(files, config, **kwargs):
    global _files
    _files = files
    prefix = config["extra"]["short_links_prefix"]  # a checked slug (hooks/settings.py)
    site_url = config["site_url"] or "/"
    seen = {}
    for index, entry in enumerate(_links):
        line, name = _links.line_of(index), entry["name"]
        if name in seen:
            _warn(line, f"the short link '{name}' is already defined on line {seen[name]}. "
                  "Give each short link its own name.")
            continue
        seen[name] = line
        title = label("short_link_title", name=name,
                      in_language=language_of(entry["target"].partition("#")[0]))
        target_url = _add_redirect(files, config, f"{prefix}/{name}.md", entry["target"],
                                   line, title)
        if target_url is not None:
            build.short_links_by_target.setdefault(target_url, site_url + f"{prefix}/{name}/")
    if _enabled:
        _add_step_links(files, config, prefix, site_url, seen)
    moved_pages = {}  # old URL -> redirect page src path
    for index, entry in enumerate(_moved):
        old_url, _, old_anchor = entry["from"].partition("#")
        if not old_anchor:
            source = old_url.strip("/") + ".md" if old_url.strip("/") else "index.md"
            title = label("moved_title",
                          in_language=language_of(entry["target"].partition("#")[0]))
            if _add_redirect(files, config, source, entry["target"], _moved.line_of(index),
                             title) is not None:
                moved_pages[old_url] = source
    for index, entry in enumerate(_moved):
        if "#" in entry["from"]:
            _move_step(files, entry, _moved.line_of(index), moved_pages)
    return files


def _add_step_links(files, config, prefix, site_url, names):
    """go/<name>/<number>/ for every step of every guide and exercise (see the module's text)."""
    own_names = {}  # page src path -> its first hand-written short link without a step
    for index, entry in enumerate(_links):
        path, _, anchor = entry["target"].partition("#")
        if not anchor:
            own_names.setdefault(path, entry["name"])
    for file in files.documentation_pages():
        steps = _steps_of(file, config)
        if not steps:
            continue
        name = own_names.get(file.src_uri) or _file_name(file)
        taken_by = names.get(name)
        if name not in own_names.values() and taken_by is not None:
            _warn(None, f"the steps of docs/{file.src_uri} would get the short links "
                  f"/{prefix}/{name}/1/ and on, but '{name}' is the short link on line "
                  f"{taken_by} for another page. Give docs/{file.src_uri} a short link of "
                  "its own in this file; its steps take that name.")
            continue
        build.steps_by_page[file.src_uri] = []
        for number, anchor in enumerate(steps, 1):
            target = f"{file.src_uri}#{anchor}"
            address = site_url + f"{prefix}/{name}/{number}/"
            title = label("short_link_title", in_language=language_of(file.src_uri),
                          name=f"{name}/{number}")
            target_url = _add_redirect(files, config, f"{prefix}/{name}/{number}.md", target,
                                       None, title, where=f"docs/{file.src_uri} (step {number})")
            if target_url is not None:
                build.short_links_by_target.setdefault(target_url, address)
                build.steps_by_page[file.src_uri].append((anchor, address))


def _steps_of(file, config) -> list[str]:
    """The anchors of a page's steps, in order, read from its source before the build."""
    if file.abs_src_path is None:
        return []  # pages the engine makes have no steps of their own
    try:
        markdown, meta = get_data(file.content_string)
    except (OSError, UnicodeDecodeError):
        return []  # reported with the file by hooks/source_files.py
    kind = PAGE_TYPES.get(meta.get("type", DEFAULT_TYPE), {}).get("steps")
    if kind == "sections":
        exercise = meta.get("exercise")
        sections = exercise.get("sections") if isinstance(exercise, dict) else None
        return [section["id"] for section in sections if isinstance(section, dict)
                and isinstance(section.get("id"), str) and SLUG.match(section["id"])] \
            if isinstance(sections, list) else []
    if kind == "headings":
        slugify = (config["mdx_configs"].get("toc") or {}).get("slugify") or default_slugify
        anchors = [match.group("id") or slugify(match.group("text"), "-")
                   for match in HEADING.finditer(FENCE.sub("", markdown))]
        return [anchor for anchor in anchors if anchor.startswith("step-")]
    return []


def _file_name(file) -> str:
    """A page's name in its address: guides/x.md and guides/x/index.md are both 'x'; a page in
    a further language has its language's code before it (es/guides/x.md is 'es-x'), so that it
    never takes its original's name."""
    stem = posixpath.splitext(file.src_uri)[0]
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
    name = posixpath.basename(stem) or "home"
    language = language_of(file.src_uri)
    return name if language == build.language else f"{language}-{name}"


def _move_step(files, entry, line, moved_pages):
    """A step anchor renamed on its page, or moved with its page to another one."""
    old_url, _, old_anchor = entry["from"].partition("#")
    target_path, _, new_anchor = entry["target"].partition("#")
    target = files.get_file_from_path(target_path)
    if target is None or not new_anchor:
        _warn(line, f"'{entry['from']}' is a step, so 'target' must be a page and its step, "
              "like guides/page.md#step-2-new-name.")
    elif target.url == old_url:
        _aliases.setdefault(target_path, []).append((old_anchor, new_anchor))
        _redirects.append((line, f"{old_url}#{old_anchor}", None))
    elif old_url in moved_pages:
        _moved_steps.setdefault(moved_pages[old_url], []).append(
            (old_anchor, target_path, new_anchor))
        _redirects.append((line, None, f"{target.url}#{new_anchor}"))
    else:
        _warn(line, f"'{entry['from']}' is a step of the page '{old_url}', which is still "
              f"here, so the step cannot lead to another page. Move the whole page with an "
              f"entry 'from: {old_url}', or give a new step on the same page.")


def on_page_context(context, page, config, nav, **kwargs):
    """A redirect page previews as where it leads, and lists the steps it can lead to: every
    step of the page it leads to, under the same anchor, and each step moved from the old
    page, under its old anchor."""
    target = page.meta.get("target") if page.meta.get("type") == "short-link" else None
    if not isinstance(target, str):
        return context
    context["preview"] = _preview_of(target)
    if "#" in target:
        return context
    target_page = _page_for(target)
    steps = []
    if target_page is not None:
        # Table of contents titles are HTML text already (Markdown escaped them).
        steps = [{"anchor": item.id, "url": target_page.url, "step": item.id,
                  "title": Markup(item.title)} for item in every_item(target_page.toc)
                 if item.id.startswith("step-")]
    for old_anchor, path, new_anchor in _moved_steps.get(page.file.src_uri, []):
        moved_to = _page_for(path)
        if moved_to is not None:
            title = next((Markup(item.title) for item in every_item(moved_to.toc)
                          if item.id == new_anchor), new_anchor)
            # The old page had the step under its old anchor only.
            steps = [step for step in steps if step["anchor"] not in (old_anchor, new_anchor)]
            steps.append({"anchor": old_anchor, "url": moved_to.url, "step": new_anchor,
                          "title": title})
    context["redirect_steps"] = steps
    return context


def _preview_of(target):
    """Title and description of the page (and step) a link leads to, for the head of its
    redirect page, so a pasted short link previews as where it goes. The redirect page keeps
    its own title ("Short link: …") for the editors' report."""
    path, _, anchor = target.partition("#")
    target_page = _page_for(path)
    if target_page is None:
        return None
    # Titles are HTML text already (hooks/escaping.py; Markdown for headings).
    step = next((Markup(item.title) for item in every_item(target_page.toc)
                 if item.id == anchor), None)
    if step is None and anchor and isinstance(target_page.meta.get("exercise"), dict):
        step = next((section.get("heading") for section in
                     target_page.meta["exercise"].get("sections") or []
                     if isinstance(section, dict) and section.get("id") == anchor), None)
    # format() escapes a section heading from front matter; the other two are HTML already.
    title = Markup("{} - {}").format(step, target_page.title) if step else target_page.title
    return {"title": title, "description": target_page.meta.get("description")}


def _page_for(path):
    file = _files.get_file_from_path(path) if _files is not None else None
    return file.page if file is not None else None


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


def _add_redirect(files, config, source, target, line, title, where=None):
    if target.startswith(EXTERNAL_SCHEMES) or target.startswith("//"):
        _warn(line, f"the target '{target}' is another site. Short links and moved pages lead "
              "only to pages of this site, so that no one can use this site's name to send "
              "readers elsewhere. Give a page of this site, like guides/page.md, or link to "
              "the other site from a page.")
        return None
    path, _, anchor = target.partition("#")
    target_file = files.get_file_from_path(path)
    if target_file is None:
        return None  # reported by hooks/links.py with the line, as for any link in data
    files.append(generated_page(config, files, source, {
        "type": "short-link", "title": title, "target": target, "search": {"exclude": True},
    }, where or f"{WHERE}, line {line}"))
    # A redirect page speaks the language of the page it leads to.
    build.page_language[source] = language_of(path)
    target_url = target_file.url + (f"#{anchor}" if anchor else "")
    _redirects.append((where or line, None, target_url))
    return target_url


def _warn(line, message):
    """`line` is a line of the data file, or the text naming another place (a page's step)."""
    if not checks_enabled():
        return
    if isinstance(line, str):
        log.warning(f"{line}: {message}")
    else:
        log.warning(f"{WHERE}, line {line}: {message}" if line else f"{WHERE}: {message}")
