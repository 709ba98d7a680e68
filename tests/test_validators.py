"""The checks' plain functions, called in-process with broken and sound data: each names what
is wrong and how to fix it, without a build. The author-mistake corpus (tests/broken/) checks
the same mistakes through a real build, with file and line."""

from __future__ import annotations

import datetime
import sys

import pytest

from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "hooks"))
import authors  # noqa: E402  engine hooks, imported as MkDocs imports them
import exercises  # noqa: E402
import feelings  # noqa: E402
import references  # noqa: E402
from support.data_files import DATA_FILES, parse_yaml  # noqa: E402
from support.generated_pages import address_problem  # noqa: E402
from support.shapes import INVALID, conform  # noqa: E402
from support.state import build  # noqa: E402

SOUND_EXERCISE = {"sections": [{"id": "step-1-notice", "heading": "Step 1", "fields": [
    {"name": "feeling", "type": "radios", "label": "Which?", "options": ["Calm", "Tense"]},
    {"name": "words", "type": "textarea", "label": "Write"}]}]}


def messages(problems) -> str:
    return " | ".join(problem[0] if isinstance(problem, tuple) else problem
                      for problem in problems)


def exercise_messages(exercise) -> str:
    conformed, problems = conform(exercise, exercises.EXERCISE, "docs/x.md")
    if conformed is not INVALID:
        problems += list(exercises.exercise_problems(conformed, "docs/x.md"))
    return " | ".join(problems)


def test_a_sound_exercise_has_no_problem():
    assert exercise_messages(SOUND_EXERCISE) == ""


@pytest.mark.parametrize("exercise, expected", [
    ({}, "has no 'sections'"),
    ({"sections": "step one"}, "'sections' must be a list"),
    ({"sections": [{"id": "Step One", "heading": "x", "fields": []}]},
     "Write it as 'step-one'"),
    ({"sections": [{"id": "step-1", "fields": []}]}, "has no 'heading'"),
    ({"sections": [{"id": "step-1", "heading": "x", "fields": [
        {"name": "a", "type": "slider", "label": "x"}]}]}, "Use one of: text, textarea"),
    ({"sections": [{"id": "step-1", "heading": "x", "fields": [
        {"name": "a", "type": "radios", "label": "x", "options": ["Only one"]}]}]},
     "'options' has 1 entry, and needs at least 2"),
    ({"sections": [{"id": "step-1", "heading": "x", "fields": [
        {"name": "a", "type": "radios", "label": "x", "options": "Yes, No"}]}]},
     "'options' must be a list"),
    ({"sections": [{"id": "step-1", "heading": "x", "fields": [
        {"name": "a", "type": "textarea", "label": "x"},
        {"name": "a", "type": "textarea", "label": "y"}]}]}, "two fields are named 'a'"),
    ({"sections": [{"id": "step-1", "heading": "x", "fields": [
        {"name": "a", "type": "scale", "label": "x", "running_total": "yes",
         "scale": [{"value": 0, "label": "No"}], "items": [{"id": "i", "statement": "s"}]}]}]},
     "'running_total' must be true or false"),
])
def test_each_exercise_mistake_is_named_with_its_fix(exercise, expected):
    assert expected in exercise_messages(exercise)


@pytest.mark.parametrize("review, expected", [
    ("pending", ""),
    ("done", "is not a review status"),
    ({"by": "nobody", "date": datetime.date(2026, 1, 1)}, "is not in docs/_data/authors.yml"),
    ({"by": "clinician", "date": datetime.date(2026, 1, 1), "note": "x"}, "unknown field 'note'"),
])
def test_review_status_mistakes_are_named(review, expected):
    build.authors = {"clinician": {"name": "A Clinician", "kind": "person",
                                   "credentials": "LPC"}}
    found = messages(authors.review_problems(review))
    assert (expected in found) if expected else found == ""


@pytest.mark.parametrize("entry, expected", [
    ({"type": "article", "authors": ["Gilbert, P."], "year": 2009, "title": "t", "journal": "j",
      "volume": 15, "pages": "1-2", "doi": "10.1192/apt.bp.107.005264"}, ""),
    ({"type": "paper"}, "Use 'article' or 'book'"),
    ({"type": "book", "authors": ["Neff, K."], "year": 2011, "title": "t",
      "publisher": "p"}, "has no 'isbn'"),
    ({"type": "book", "authors": ["Neff, K."], "year": 2011, "title": "t", "publisher": "p",
      "isbn": "978-0-06-173351-3"}, "check digit"),
    ({"type": "article", "authors": "Gilbert", "year": 2009, "title": "t", "journal": "j",
      "volume": 1, "pages": "1", "doi": "10.1/x"}, "Surname, I."),
])
def test_reference_mistakes_are_named(entry, expected):
    found = " | ".join(message for _, message in references.entry_problems(entry))
    assert (expected in found) if expected else found == ""


def test_a_feelings_guide_mistake_names_its_line():
    written = parse_yaml(
        "start_page: a.md\nauthor: t\nreview: pending\nquestion: q\nback_label: b\n"
        "labels: {telling_you: a, makes_sense: b, phrase: c, try: d, not_quite: e,\n"
        "  next_steps: f}\n"
        "groups:\n  - {id: g, label: G, question: q, feelings: [missing]}\n"
        "feelings:\n  - {id: f, name: F}\n"
        "  - {id: h, name: H, signs: s, telling_you: t, makes_sense: m, phrase: p, try: [x]}\n",
        "docs/_data/feelings.yml")
    guide, found = conform(written, feelings.guide_shape({}), "docs/_data/feelings.yml")
    found += list(feelings.guide_problems(guide))
    assert any("line 11" in problem and "has no 'signs'" in problem for problem in found)
    assert any("line 9" in problem and "lists 'missing'" in problem for problem in found)


def test_data_files_are_declared_with_whether_they_are_required_and_their_shape():
    assert {name for name, spec in DATA_FILES.items() if spec.required} == \
        {"authors", "help-lines"}
    assert all(spec.shape in (dict, list) for spec in DATA_FILES.values())


@pytest.mark.parametrize("src_uri", [
    "../../outside.md", "go/../../x.md", "https:/old.example.org/a.md", "/abs.md",
    "United States.md", "go/break", "go//x.md"])
def test_a_generated_address_that_leaves_the_site_or_is_not_an_address_is_refused(src_uri):
    assert "cannot be a page of this site" in address_problem(src_uri)


@pytest.mark.parametrize("src_uri", ["go/break.md", "exercises/what-am-i-feeling/anger.md",
                                     "editors-report.md"])
def test_a_plain_generated_address_is_accepted(src_uri):
    assert address_problem(src_uri) == ""
