"""The "What am I feeling?" guide: a branching set of pages made of links, not a form.

Everything comes from one data file, docs/_data/feelings.yml. Its start page is an ordinary
Markdown page (`type: feelings`); this hook generates, beside it, one page per group of
feelings (a second question) and one page per feeling, each linkable on its own.
"""

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from authors import review_problems
from support.checks import checks_enabled
from support.data_files import LineList, load_data_file
from support.fingerprint import data_fingerprint
from support.generated_pages import generated_page
from support.page_types import IN_SHORT, page_type
from support.shapes import (INVALID, AnyOf, Choice, Date, Fields, Flag, Id, ListOf, Text,
                            conform)
from support.source import page_path
from support.state import build

log = get_plugin_logger(__name__)

WHERE = "docs/_data/feelings.yml"
LABELS = ("telling_you", "makes_sense", "phrase", "try", "not_quite", "next_steps")
REVIEW = AnyOf(Choice("pending"), Fields({"by": Text(), "date": Date()}),
               describe="'pending', or 'by:' and 'date:' on two indented lines")
# A group leads to a second question (its feelings), or, marked `urgent: true`, straight to the
# help lines: the first-level choice for a reader who feels empty, numb or hopeless. Its `title`
# (shown in the browser's history and tab) and its id (its address) should be neutral.
GROUP = Fields({"id": Id(), "label": Text(), "question": Text()},
               {"signs": Text(), "feelings": ListOf(Id()), "urgent": Flag(), "title": Text(),
                "search_terms": ListOf(Text())})
FEELING = Fields({"id": Id(), "name": Text(), "signs": Text(), "telling_you": Text(),
                  "makes_sense": Text(), "phrase": Text(), "try": ListOf(Text(), 1),
                  "in_short": IN_SHORT},
                 # Words a reader might search for this feeling by ("angry", "lonely").
                 {"search_terms": ListOf(Text())})
GUIDE = Fields(
    {"start_page": Text(), "author": Text(), "review": REVIEW, "question": Text(),
     "back_label": Text(), "labels": Fields({key: Text() for key in LABELS}),
     "groups": ListOf(GROUP, 1, entry="group"), "feelings": ListOf(FEELING, 1, entry="feeling")},
    {"next_page": Fields({"page": Text(), "label": Text()})},
)
_guide = {}


def on_config(config, **kwargs):
    global _guide
    _guide = load_data_file(config, "feelings")
    if not _guide:
        log.info("No docs/_data/feelings.yml (or it is empty): the \"What am I feeling?\" "
                 "guide is off.")
        return config
    guide, problems = conform(_guide, GUIDE, WHERE)
    written = {feeling.get("id") for feeling in _guide.get("feelings") or []
               if isinstance(feeling, dict)} if isinstance(_guide.get("feelings"), list) else set()
    problems += list(guide_problems(guide, written)) if guide is not INVALID else []
    for problem in problems:
        _report(problem)
    if guide is INVALID:
        # Nothing can be built from it; the guide's start page says so (hooks/page_types.py
        # would otherwise render it empty).
        _guide = {}
        return config
    _guide = guide
    _keep_only_what_can_be_shown(_guide)
    return config


def on_files(files, config, **kwargs):
    if not _guide:
        return files
    if checks_enabled():
        for problem in people_problems(_guide, files):
            log.warning(problem)
    start = _guide.get("start_page", "")
    if files.get_file_from_path(start) is None:
        raise PluginError(f"{WHERE}: 'start_page: {start}' is not a page of this site. Give the "
                          "path of the guide's first page, like exercises/what-am-i-feeling/index.md.")
    folder = posixpath.dirname(start)
    for kind, entries in (("group", _guide.get("groups") or []),
                          ("feeling", _guide.get("feelings") or [])):
        for index, entry in enumerate(entries):
            path = posixpath.join(folder, f"{entry['id']}.md")
            entry["path"] = path
            files.append(generated_page(config, files, path, _front_matter(kind, entry),
                                        f"{WHERE}, line {entries.line_of(index)}"))
            data_fingerprint(path, _shown_with(entry))
    return files


def _shown_with(entry) -> dict:
    """Everything a page made from `entry` shows: its entry, the guide's words around it and,
    for a group, the feelings it lists."""
    listed = [feeling for feeling in _guide.get("feelings") or []
              if feeling["id"] in (entry.get("feelings") or [])]
    return {"entry": entry, "listed": [(feeling["name"], feeling["signs"]) for feeling in listed],
            **{key: _guide.get(key) for key in ("labels", "back_label", "next_page")}}


def on_page_markdown(markdown, page, config, files, **kwargs):
    """The guide's start page is written by hand; its other pages come from the data."""
    if page_type(page) != "feelings" or page.file.abs_src_path is None:
        return markdown
    if "group" in page.meta:
        page.meta.pop("group")
        _report(f"{page_path(page)}: 'group:' is set by the engine on the pages it makes from "
                f"{WHERE}. Remove it from this page.")
    if not _guide:
        _report(f"{page_path(page)}: this page starts the \"What am I feeling?\" guide "
                f"(type: feelings), but {WHERE} is missing or cannot be used (see the messages "
                "above). Add the file, or give this page another type.")
    return markdown


def people_problems(guide, files):
    """The guide's author and review, and its next page, named at their lines in the data."""
    if guide["author"] not in build.authors:
        yield (f"{WHERE}, line {guide.line_of('author')}: the author '{guide['author']}' is not "
               f"in docs/_data/authors.yml. Use one of: {', '.join(sorted(build.authors))}.")
    for problem in review_problems(guide["review"]):
        yield f"{WHERE}, line {guide.line_of('review')}: {problem}"
    next_page = guide.get("next_page")
    if next_page and files.get_file_from_path(next_page["page"].partition("#")[0]) is None:
        yield (f"{WHERE}, line {guide.line_of('next_page')}: 'next_page' leads to "
               f"'{next_page['page']}', which is not a page of this site. Give the path of a "
               "page under docs/, like exercises/worksheet.md.")


def on_env(env, config, files, **kwargs):
    env.globals["feelings_guide"] = _guide
    env.globals["feelings_by_id"] = {f["id"]: f for f in _guide.get("feelings") or []
                                     if isinstance(f, dict) and "id" in f}
    env.globals["feeling_groups_by_id"] = {g["id"]: g for g in _guide.get("groups") or []
                                           if isinstance(g, dict) and "id" in g}
    return env


def guide_problems(guide, written_ids=frozenset()):
    """What the shapes cannot say: ids used twice, and groups listing unknown feelings (a
    feeling that was written but left out for its shape is already reported)."""
    seen = set()
    for key in ("groups", "feelings"):
        entries = guide[key]
        for index, entry in enumerate(entries):
            if entry["id"] in seen:
                yield (f"{WHERE}, line {entries.line_of(index)}: the id '{entry['id']}' is used "
                       "twice. Each group and feeling needs its own id, because it becomes the "
                       "page's address.")
            seen.add(entry["id"])
    for index, group in enumerate(guide["groups"]):
        if not group.get("urgent") and not group.get("feelings"):
            yield (f"{WHERE}, line {guide['groups'].line_of(index)}: the group '{group['id']}' "
                   "lists no feelings. Give it 'feelings: [...]', or mark it 'urgent: true' "
                   "to lead straight to the help lines.")
    feeling_ids = {feeling["id"] for feeling in guide["feelings"]}
    for group in guide["groups"]:
        for feeling in group.get("feelings") or []:
            if feeling not in feeling_ids and feeling not in written_ids:
                yield (f"{WHERE}, line {group.line_of('feelings')}: the group "
                       f"'{group['id']}' lists '{feeling}', which is not one of the "
                       "feelings below. Check the spelling, or add that feeling.")


def _keep_only_what_can_be_shown(guide):
    """Drop repeated ids and unknown feelings (each reported above), so that a mistake ends in
    a clear message, never a page that replaces another."""
    seen = set()
    for key in ("groups", "feelings"):
        kept = LineList()
        for index, entry in enumerate(guide[key]):
            if entry["id"] not in seen:
                seen.add(entry["id"])
                kept.append(entry)
                kept.item_lines.append(guide[key].line_of(index))
        guide[key] = kept
    known = {feeling["id"] for feeling in guide["feelings"]}
    for group in guide["groups"]:
        group["feelings"] = [feeling for feeling in group.get("feelings") or [] if feeling in known]


def _report(problem):
    if checks_enabled():
        log.warning(problem)


def _front_matter(kind, entry) -> dict:
    return {
        "type": "feeling" if kind == "feeling" else "feelings",
        "title": str(entry.get("name") if kind == "feeling"
                     else entry.get("title") or entry.get("label")),
        "author": _guide.get("author"),
        "review": _guide.get("review"),
        kind: entry["id"],
        **({"in_short": list(entry["in_short"])} if entry.get("in_short") else {}),
        **({"search_terms": list(entry["search_terms"])} if entry.get("search_terms") else {}),
    }
