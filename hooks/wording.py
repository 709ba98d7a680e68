"""Wording: flagged phrases, each with the wording to use instead. The engine's list
(hooks/data/flagged-phrases.yml) holds what safe-messaging and person-first guidelines advise
against, for every site; a practice adds its own, such as a misspelt name, in
docs/_data/flagged-phrases.yml (optional). Where both list a phrase, the practice's entry wins."""

import re
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from support import report
from support.checks import checks_enabled
from support.data_files import load_data_file, parse_yaml
from support.source import line_at, where

log = get_plugin_logger(__name__)

ENGINE_LIST = Path(__file__).parent / "data" / "flagged-phrases.yml"
_flagged = []  # (compiled pattern, entry)


def on_config(config, **kwargs):
    _flagged.clear()
    engine = parse_yaml(ENGINE_LIST.read_text(encoding="utf-8"), "hooks/data/flagged-phrases.yml")
    practice = load_data_file(config, "flagged-phrases")
    by_phrase = {}
    for where_from, entries in (("hooks/data/flagged-phrases.yml", engine),
                                ("docs/_data/flagged-phrases.yml", practice)):
        for index, entry in enumerate(entries or []):
            if not isinstance(entry, dict) or not entry.get("phrase") or \
                    not entry.get("suggestion"):
                log.warning(f"{where_from}, line {entries.line_of(index)}: each entry needs a "
                            "'phrase' and a 'suggestion' (and ideally a 'why').")
                continue
            by_phrase[" ".join(str(entry["phrase"]).lower().split())] = entry
    for entry in by_phrase.values():
        words = [re.escape(word) for word in str(entry["phrase"]).split()]
        # Whole words, any case, and across a line break in the Markdown source.
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        _flagged.append((pattern, entry))
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    if not checks_enabled():
        return markdown
    found = report.for_page(page.file.src_uri)["flagged"]
    for pattern, entry in _flagged:
        for match in pattern.finditer(markdown):
            phrase = " ".join(match.group(0).split())
            why = f" ({entry['why']})" if entry.get("why") else ""
            log.warning(f"{where(page, line_at(page, markdown, match.start()))}: '{phrase}' is a "
                        f"flagged phrase. Write '{entry['suggestion']}' instead{why}.")
            found.append(phrase)
    return markdown
