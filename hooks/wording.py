"""Wording: flagged phrases, each with the wording to use instead. The engine's lists
(hooks/data/flagged-phrases/<language>.yml) hold what safe-messaging and person-first
guidelines advise against, for every site, one list per language; a page is checked against its
own language's. A practice adds its own, such as a misspelt name, in
docs/_data/flagged-phrases.yml (optional): an entry checks pages in every language, or, with
`language: es`, in that one. Where both list a phrase, the practice's entry wins.

The check reads each finished page as a reader sees it: all of its text (whatever wrote it: the
Markdown body, code included, the exercise's fields, a data file such as feelings.yml, the
navigation, the site's name, the engine's words), its title and its description. Emphasis,
entities such as &nbsp;, soft hyphens, zero-width characters and line breaks cannot hide a
phrase. Each finding is traced back to the line that wrote it: the page's own file, else a data
file, else mkdocs.yml or the engine's words; each is reported once.
"""

import html
import re
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from support import report
from support.checks import checks_enabled
from support.data_files import DATA_DIR, load_data_file, parse_yaml
from support.html_text import plain, visible_text
from support.languages import language_of
from support.page_types import page_type
from support.source import page_path
from support.state import build

log = get_plugin_logger(__name__)

ENGINE_LISTS = Path(__file__).parent / "data" / "flagged-phrases"
_flagged = {}  # language -> [(compiled pattern, entry)]
_reported = set()  # (place, phrase) found, or (file, line) of an unusable entry: each said once
# Markdown and HTML that can sit inside a phrase in the source: emphasis marks and tags.
INLINE_MARKUP = re.compile(r"[*_~`]+|<[^>\n]*>")
# Characters a reader does not see, which would split a word for a plain search.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
SKIPPED_TAGS = ("script", "style", "svg")


def on_config(config, **kwargs):
    _flagged.clear()
    _reported.clear()
    languages = [build.language, *build.languages]
    practice = load_data_file(config, "flagged-phrases") or []
    for language in languages:
        by_phrase = {}
        engine_list = ENGINE_LISTS / f"{language}.yml"
        engine = parse_yaml(engine_list.read_text(encoding="utf-8"),
                            f"hooks/data/flagged-phrases/{engine_list.name}") \
            if engine_list.is_file() else []
        for where_from, entries in ((f"hooks/data/flagged-phrases/{engine_list.name}", engine),
                                    ("docs/_data/flagged-phrases.yml", practice)):
            for index, entry in enumerate(entries or []):
                if _usable(entry, where_from, entries.line_of(index), languages) and \
                        entry.get("language", language) == language:
                    by_phrase[" ".join(str(entry["phrase"]).lower().split())] = entry
        _flagged[language] = [(_pattern(entry["phrase"]), entry) for entry in by_phrase.values()]
    return config


def _usable(entry, where_from: str, line: int, languages: list) -> bool:
    """Whether an entry can be checked; each one that cannot is reported, once."""
    problem = None
    if not isinstance(entry, dict) or not entry.get("phrase") or not entry.get("suggestion"):
        problem = "each entry needs a 'phrase' and a 'suggestion' (and ideally a 'why')."
    elif "language" in entry and entry["language"] not in languages:
        problem = (f"'language: {entry['language']}' is not one of this site's languages "
                   f"({', '.join(languages)}). Give one of them, or leave 'language:' out to "
                   "check pages in every language.")
    if problem and (where_from, line) not in _reported:
        _reported.add((where_from, line))
        log.warning(f"{where_from}, line {line}: {problem}")
    return problem is None


def _pattern(phrase) -> re.Pattern:
    """Whole words, any case, and across a line break in the Markdown source."""
    words = [re.escape(word) for word in str(phrase).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


@event_priority(-60)  # after the page is complete, before its policy is added
def on_post_page(output, page, config, **kwargs):
    # The editors' report quotes what the checks found, each already named where it was written.
    if not checks_enabled() or page_type(page) == "editors-report":
        return output
    text = INVISIBLE.sub("", "\n".join([
        plain(page.title), str(page.meta.get("description") or ""),
        visible_text(output, skip_tags=SKIPPED_TAGS, skip_classes={"headerlink"})]))
    found = report.for_page(page.file.src_uri)["flagged"]
    for pattern, entry in _flagged.get(language_of(page), []):
        for match in pattern.finditer(text):
            phrase = " ".join(match.group(0).split())
            found.append(phrase)
            where = source_of(pattern, page, config)
            if (where, phrase.lower()) in _reported:
                continue
            _reported.add((where, phrase.lower()))
            why = f" ({entry['why']})" if entry.get("why") else ""
            log.warning(f"{where}: '{phrase}' is a flagged phrase. Write "
                        f"'{entry['suggestion']}' instead{why}.")
    return output


def source_of(pattern, page, config) -> str:
    """The file and line that wrote a phrase: the page's own source, else a data file."""
    candidates = [(page_path(page), page.file.content_string)]
    data_dir = Path(config["docs_dir"]) / DATA_DIR
    candidates += [(f"docs/{DATA_DIR}/{path.name}", path.read_text(encoding="utf-8"))
                   for path in sorted(data_dir.glob("*.yml"))
                   if path.name != "flagged-phrases.yml"]
    settings = Path(config["config_file_path"])
    labels = Path(__file__).parent / "labels" / f"{language_of(page)}.yml"
    candidates += [(name, path.read_text(encoding="utf-8"))
                   for name, path in (("mkdocs.yml", settings),
                                      (f"hooks/labels/{labels.name}", labels))
                   if path.is_file()]
    for name, source in candidates:
        line = _line_in(pattern, source)
        if line:
            return f"{name}, line {line}"
    return page_path(page)


def _line_in(pattern, source: str) -> int | None:
    """The line where `pattern` matches `source` once markup and entities are taken out."""
    cleaned = "\n".join(INVISIBLE.sub("", html.unescape(INLINE_MARKUP.sub("", line)))
                        for line in source.split("\n"))
    match = pattern.search(cleaned)
    return cleaned.count("\n", 0, match.start()) + 1 if match else None
