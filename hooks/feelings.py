"""The "What am I feeling?" guide: a branching set of pages made of links, not a form.

Everything comes from one data file, docs/_data/feelings.yml. Its start page is an ordinary
Markdown page (`type: feelings`); this hook generates, beside it, one page per group of
feelings (a second question) and one page per feeling, each linkable on its own.

On a site with further languages (support/languages.py), the guide comes in each language whose
words the file gives, under the language's code: the guide's own words, its start page (written
by hand, as a translation of the first one) and who translated it, at the top; each group's and
feeling's words beside the words they translate, with the fingerprint of the page they were
translated from (the editors' report gives every page's):

    es:
      start_page: es/exercises/what-am-i-feeling/index.md
      by: editorial-team        # who translated it (docs/_data/authors.yml)
      review: pending           # a clinician who speaks the language, once one has read it
      question: …
    feelings:
      - id: anger
        name: Anger
        es:
          fingerprint: "0123456789ab"
          name: Enojo

Each generated page in that language is then a translation of its first-language page: the two
link to each other, and it says when its original has changed since (hooks/languages.py).
"""

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from authors import review_problems
from support import report
from support.checks import checks_enabled
from support.data_files import LineList, load_data_file
from support.fingerprint import data_fingerprint
from support.generated_pages import generated_page
from support.page_types import IN_SHORT, page_type
from support.languages import language_of, overlaid
from support.shapes import (INVALID, AnyOf, Choice, Date, Fields, Flag, Id, ListOf, Pattern,
                            Text, conform)
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
GROUP_WORDS = {"label": Text(), "question": Text(), "signs": Text(), "title": Text(),
               "search_terms": ListOf(Text())}
FEELING_WORDS = {"name": Text(), "signs": Text(), "telling_you": Text(), "makes_sense": Text(),
                 "phrase": Text(), "try": ListOf(Text(), 1), "in_short": IN_SHORT,
                 # Words a reader might search for this feeling by ("angry", "lonely").
                 "search_terms": ListOf(Text())}
GUIDE_WORDS = {"question": Text(), "back_label": Text(),
               "labels": Fields({}, {key: Text() for key in LABELS}),
               "next_page": Fields({}, {"label": Text()})}
# Words a reader never sees: a language without them simply has none.
UNSHOWN = {"search_terms"}
FINGERPRINT = Pattern(r"[0-9a-f]{12}", "the fingerprint of the page it translates, in quotes, "
                      "from the editors' report")


def guide_shape(languages) -> Fields:
    """The file's shape, with each further language's words under its code."""
    def words_in_languages(words):
        return {code: Fields({}, {"fingerprint": FINGERPRINT, **words}) for code in languages}

    group = Fields({"id": Id(), "label": Text(), "question": Text()},
                   {**GROUP_WORDS, "feelings": ListOf(Id()), "urgent": Flag(),
                    **words_in_languages(GROUP_WORDS)})
    feeling = Fields({"id": Id(), **{key: shape for key, shape in FEELING_WORDS.items()
                                     if key != "search_terms"}},
                     {"search_terms": FEELING_WORDS["search_terms"],
                      **words_in_languages(FEELING_WORDS)})
    guide_in_language = Fields({"start_page": Text(), "by": Text(), "review": REVIEW}, GUIDE_WORDS)
    return Fields(
        {"start_page": Text(), "author": Text(), "review": REVIEW, "question": Text(),
         "back_label": Text(), "labels": Fields({key: Text() for key in LABELS}),
         "groups": ListOf(group, 1, entry="group"), "feelings": ListOf(feeling, 1, entry="feeling")},
        {"next_page": Fields({"page": Text(), "label": Text()}),
         **{code: guide_in_language for code in languages}},
    )


_guide = {}
_in_language = {}  # further language -> the guide in its words (with its own start page)


def on_config(config, **kwargs):
    global _guide
    _guide = load_data_file(config, "feelings")
    _in_language.clear()
    if not _guide:
        log.info("No docs/_data/feelings.yml (or it is empty): the \"What am I feeling?\" "
                 "guide is off.")
        return config
    guide, problems = conform(_guide, guide_shape(build.languages), WHERE)
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
    for code in build.languages:
        if code in _guide:
            _in_language[code] = guide_in(_guide, code)
    return config


def on_files(files, config, **kwargs):
    if not _guide:
        return files
    for code, guide in [(build.language, _guide), *_in_language.items()]:
        _add_pages(guide, code, files, config)
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    """The guide's start page is written by hand; its other pages come from the data."""
    if page_type(page) != "feelings" or page.file.abs_src_path is None:
        return markdown
    if "group" in page.meta:
        page.meta.pop("group")
        _report(f"{page_path(page)}: 'group:' is set by the engine on the pages it makes from "
                f"{WHERE}. Remove it from this page.")
    language = language_of(page)
    if not _guide:
        _report(f"{page_path(page)}: this page starts the \"What am I feeling?\" guide "
                f"(type: feelings), but {WHERE} is missing or cannot be used (see the messages "
                "above). Add the file, or give this page another type.")
    elif page.file.src_uri != guide_for(language).get("start_page"):
        starts = guide_for(language).get("start_page")
        _report(f"{page_path(page)}: this page has 'type: feelings', but {WHERE} "
                + (f"starts the guide in '{language}' at {starts}. Give this page another type."
                   if starts else
                   f"has no '{language}:' words for the guide. Give this page another type, or "
                   f"add them there, with 'start_page: {page.file.src_uri}'."))
    return markdown


def on_env(env, config, files, **kwargs):
    env.globals.update(_template_globals(_guide))
    return env


def on_page_context(context, page, config, nav, **kwargs):
    """A page in a further language shows the guide in that language's words."""
    if language_of(page) in _in_language:
        context.update(_template_globals(_in_language[language_of(page)]))
    return context


def guide_for(language: str) -> dict:
    return _guide if language == build.language else _in_language.get(language, {})


def guide_in(guide, code: str) -> dict:
    """The guide with `code`'s words in place of the first language's, its pages beside its own
    start page, each a translation of the page it was made from. Each word missing is reported,
    and shown in the first language until it is written."""
    words = guide[code]
    translated, missing = overlaid(guide, words, ("question", "back_label"))
    translated["labels"], labels_missing = overlaid(guide["labels"], words.get("labels"), LABELS)
    missing += [f"labels: {key}" for key in labels_missing]
    if guide.get("next_page"):
        translated["next_page"], next_missing = overlaid(guide["next_page"],
                                                         words.get("next_page"), ("label",))
        missing += [f"next_page: {key}" for key in next_missing]
    for field in missing:
        _missing(guide.line_of(code), code, field)
    translated.update(start_page=words["start_page"], review=words["review"],
                      translated_by=words["by"], language=code, words=words)
    for key, shown in (("groups", GROUP_WORDS), ("feelings", FEELING_WORDS)):
        kept = LineList()
        for index, entry in enumerate(guide[key]):
            kept.append(_entry_in(entry, code, shown, guide[key].line_of(index)))
            kept.item_lines.append(guide[key].line_of(index))
        translated[key] = kept
    return translated


def _entry_in(entry, code: str, shown: dict, line: int) -> dict:
    words = entry.get(code) or {}
    words_line = entry.line_of(code) if code in entry else line
    translated, missing = overlaid(entry, words, [key for key in shown if key not in UNSHOWN])
    for key in UNSHOWN:  # never the first language's: a language without them has none
        translated.pop(key, None)
        if key in words:
            translated[key] = words[key]
    for key in missing:
        _missing(words_line, code, key)
    translated.update(fingerprint=words.get("fingerprint"), words_line=words_line)
    return translated


def _missing(line: int, code: str, field: str):
    _report(f"{WHERE}, line {line}: '{field}' has no words in '{code}', and the guide's pages "
            f"in that language show it. Add '{code}:' to this entry, with '{field}:' in that "
            "language indented under it.")


def _add_pages(guide, language: str, files, config):
    """The guide's pages in one language, beside its start page."""
    if checks_enabled():
        for problem in people_problems(guide, files):
            log.warning(problem)
    start = guide.get("start_page", "")
    line = (guide.get("words") or _guide).line_of("start_page")
    if files.get_file_from_path(start) is None:
        folder = "" if language == build.language else f"{language}/"
        raise PluginError(f"{WHERE}, line {line}: 'start_page: {start}' is not a page of this "
                          "site. Give the path of the guide's first page, like "
                          f"{folder}exercises/what-am-i-feeling/index.md.")
    if language_of(start) != language:
        raise PluginError(f"{WHERE}, line {line}: 'start_page: {start}' is not a page in "
                          f"'{language}'. Give the guide's first page in that language, under "
                          f"docs/{language}/.")
    folder = posixpath.dirname(start)
    for kind, entries in (("group", guide.get("groups") or []),
                          ("feeling", guide.get("feelings") or [])):
        for index, entry in enumerate(entries):
            path = posixpath.join(folder, f"{entry['id']}.md")
            entry["path"] = path
            front_matter = _front_matter(kind, entry, guide)
            if language != build.language:
                front_matter["translation"] = _translation_record(kind, entry, guide)
            files.append(generated_page(config, files, path, front_matter,
                                        f"{WHERE}, line {entries.line_of(index)}"))
            line = entry.get("words_line") or entries.line_of(index)
            build.made_from[path] = f"{WHERE}, line {line}"
            data_fingerprint(path, _shown_with(entry, guide))


def _translation_record(kind, entry, guide) -> dict:
    """What makes a page in a further language the translation of its first-language page
    (checked and linked by hooks/languages.py)."""
    original = next(one for one in _guide[f"{kind}s"] if one["id"] == entry["id"])
    record = {"of": original["path"], "by": guide["translated_by"]}
    if entry.get("fingerprint"):
        record["fingerprint"] = entry["fingerprint"]
    else:
        now = report.for_page(original["path"]).get("fingerprint", "")
        _report(f"{WHERE}, line {entry['words_line']}: the {kind} '{entry['id']}' has no "
                f"'fingerprint:' in '{guide['language']}'. Write the fingerprint of the page it "
                f"translates, docs/{original['path']}, under '{guide['language']}:': "
                f"'fingerprint: \"{now}\"' if the words are up to date with it.")
        record["fingerprint"] = now
    return record


def _shown_with(entry, guide) -> dict:
    """Everything a page made from `entry` shows: its entry, the guide's words around it and,
    for a group, the feelings it lists (in one language: another's words change only its own
    pages' fingerprints)."""
    shown = {key: value for key, value in entry.items()
             if key not in build.languages and key not in ("fingerprint", "words_line")}
    listed = [feeling for feeling in guide.get("feelings") or []
              if feeling["id"] in (entry.get("feelings") or [])]
    return {"entry": shown, "listed": [(feeling["name"], feeling["signs"]) for feeling in listed],
            **{key: guide.get(key) for key in ("labels", "back_label", "next_page")}}


def _template_globals(guide) -> dict:
    return {
        "feelings_guide": guide,
        "feelings_by_id": {f["id"]: f for f in guide.get("feelings") or []
                           if isinstance(f, dict) and "id" in f},
        "feeling_groups_by_id": {g["id"]: g for g in guide.get("groups") or []
                                 if isinstance(g, dict) and "id" in g},
    }


def people_problems(guide, files):
    """The guide's author and review (and its translator), and its next page, named at their
    lines in the data."""
    words = guide.get("words")  # a further language's: its author is the first language's
    if not words and guide["author"] not in build.authors:
        yield (f"{WHERE}, line {_guide.line_of('author')}: the author '{guide['author']}' is "
               f"not in docs/_data/authors.yml. Use one of: {', '.join(sorted(build.authors))}.")
    if words and guide["translated_by"] not in build.authors:
        yield (f"{WHERE}, line {words.line_of('by')}: 'by: {guide['translated_by']}' (who "
               "translated the guide) is not in docs/_data/authors.yml. Use one of: "
               f"{', '.join(sorted(build.authors))}.")
    for problem in review_problems(guide["review"]):
        yield f"{WHERE}, line {(words or _guide).line_of('review')}: {problem}"
    next_page = guide.get("next_page")
    if not words and next_page and \
            files.get_file_from_path(next_page["page"].partition("#")[0]) is None:
        yield (f"{WHERE}, line {_guide.line_of('next_page')}: 'next_page' leads to "
               f"'{next_page['page']}', which is not a page of this site. Give the path of a "
               "page under docs/, like exercises/worksheet.md.")


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


def _front_matter(kind, entry, guide) -> dict:
    return {
        "type": "feeling" if kind == "feeling" else "feelings",
        "title": str(entry.get("name") if kind == "feeling"
                     else entry.get("title") or entry.get("label")),
        "author": guide.get("author"),
        "review": guide.get("review"),
        kind: entry["id"],
        **({"in_short": list(entry["in_short"])} if entry.get("in_short") else {}),
        **({"search_terms": list(entry["search_terms"])} if entry.get("search_terms") else {}),
    }
