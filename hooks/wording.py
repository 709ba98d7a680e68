"""Wording: phrases the practice has flagged (docs/_data/flagged-phrases.yml), such as a
misspelt name or language that safe-messaging guidelines advise against, each with the
wording to use instead."""

import re

from mkdocs.plugins import get_plugin_logger

from support import report
from support.checks import checks_enabled
from support.data_files import load_data_file
from support.source import line_at, where

log = get_plugin_logger(__name__)

_flagged = []  # (compiled pattern, entry)


def on_config(config, **kwargs):
    _flagged.clear()
    entries = load_data_file(config, "flagged-phrases", expect=list)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("phrase") or not entry.get("suggestion"):
            log.warning(f"docs/_data/flagged-phrases.yml, line {entries.line_of(index)}: each "
                        "entry needs a 'phrase' and a 'suggestion' (and ideally a 'why').")
            continue
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
