"""The "What am I feeling?" guide: a branching set of pages made of links, not a form.

Everything comes from one data file, docs/_data/feelings.yml. Its start page is an ordinary
Markdown page (`type: feelings`); this hook generates, beside it, one page per group of
feelings (a second question) and one page per feeling, each linkable on its own.
"""

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.data_files import LineList, load_data_file
from support.generated_pages import generated_page

log = get_plugin_logger(__name__)

WHERE = "docs/_data/feelings.yml"
GROUP_FIELDS = ("id", "label", "question", "feelings")
FEELING_FIELDS = ("id", "name", "signs", "telling_you", "makes_sense", "phrase", "try")
_guide = {}


def on_config(config, **kwargs):
    global _guide
    _guide = load_data_file(config, "feelings")
    if not _guide:
        log.info("No docs/_data/feelings.yml (or it is empty): the \"What am I feeling?\" "
                 "guide is off.")
        return config
    if checks_enabled():
        for problem in guide_problems(_guide):
            log.warning(problem)
    _keep_only_what_can_be_shown(_guide)
    return config


def on_files(files, config, **kwargs):
    if not _guide:
        return files
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
    return files


def on_env(env, config, files, **kwargs):
    env.globals["feelings_guide"] = _guide
    env.globals["feelings_by_id"] = {f["id"]: f for f in _guide.get("feelings") or []
                                     if isinstance(f, dict) and "id" in f}
    env.globals["feeling_groups_by_id"] = {g["id"]: g for g in _guide.get("groups") or []
                                           if isinstance(g, dict) and "id" in g}
    return env


def guide_problems(guide):
    for key in ("start_page", "author", "review", "question", "groups", "feelings"):
        if not guide.get(key):
            yield f"{WHERE}, line 1: '{key}' is missing. Add it (see README.md)."
    feeling_ids, seen = set(), set()
    for label, entries, required in (("group", guide.get("groups") or [], GROUP_FIELDS),
                                     ("feeling", guide.get("feelings") or [], FEELING_FIELDS)):
        for index, entry in enumerate(entries):
            line = entries.line_of(index)
            if not isinstance(entry, dict):
                yield f"{WHERE}, line {line}: each {label} must be a set of fields."
                continue
            for field in required:
                if not entry.get(field):
                    yield (f"{WHERE}, line {line}: the {label} '{entry.get('id')}' has no "
                           f"'{field}'. Add it.")
            if entry.get("id") in seen:
                yield (f"{WHERE}, line {line}: the id '{entry['id']}' is used twice. Each group "
                       "and feeling needs its own id, because it becomes the page's address.")
            seen.add(entry.get("id"))
            if label == "feeling":
                feeling_ids.add(entry.get("id"))
    for group in guide.get("groups") or []:
        if isinstance(group, dict):
            for feeling in group.get("feelings") or []:
                if feeling not in feeling_ids:
                    yield (f"{WHERE}, line {group.line_of('feelings')}: the group "
                           f"'{group.get('id')}' lists '{feeling}', which is not one of the "
                           "feelings below. Check the spelling, or add that feeling.")


def _keep_only_what_can_be_shown(guide):
    """Drop entries a page cannot be built from (each one was reported above), so that a
    mistake ends in a clear message, never a crash while rendering."""
    seen = set()
    for key, required in (("groups", GROUP_FIELDS), ("feelings", FEELING_FIELDS)):
        entries = guide.get(key) or LineList()
        kept = LineList()
        for index, entry in enumerate(entries):
            if isinstance(entry, dict) and all(entry.get(field) for field in required) \
                    and entry["id"] not in seen and not seen.add(entry["id"]):
                kept.append(entry)
                kept.item_lines.append(entries.line_of(index) if hasattr(entries, "line_of")
                                       else 0)
        guide[key] = kept
    known = {feeling["id"] for feeling in guide["feelings"]}
    for group in guide["groups"]:
        group["feelings"] = [feeling for feeling in group["feelings"] if feeling in known]


def _front_matter(kind, entry) -> dict:
    return {
        "type": "feeling" if kind == "feeling" else "feelings",
        "title": str(entry.get("name") if kind == "feeling" else entry.get("label")),
        "author": _guide.get("author"),
        "review": _guide.get("review"),
        kind: entry["id"],
    }
