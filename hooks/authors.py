"""Authors and review status.

Authors are data (docs/_data/authors.yml), named by key in a page's front matter (`author:`).
Each authored page also states its clinical review: `review: pending`, or a reviewer from the
same file with the date of the review. A page may credit the notes another author added around
the author's text (`notes_by:`). Templates receive `page_author`, `page_notes_author`,
`page_review` and, for author pages, the list of pages written by that author, built from front
matter.
"""

import datetime
import re

from mkdocs.plugins import get_plugin_logger

from support import report
from support.checks import checks_enabled
from support.data_files import LineMap, load_data_file
from support.dates import add_months, months_between, today
from support.page_types import AUTHORED_TYPES, page_type
from support.shapes import INVALID, Choice, Entries, Fields, Text, conform
from support.fingerprint import text_fingerprint
from support.languages import language_of
from support.source import find_line, where
from support.state import build

log = get_plugin_logger(__name__)

WHERE = "docs/_data/authors.yml"
FINGERPRINT = re.compile(r"[0-9a-f]{12}")


def authors_shape(languages) -> Entries:
    """An author entry; under a further language's code, its name (a team's name is words; a
    person's stays as it is) and bio in that language."""
    return Entries(Fields({"name": Text(), "kind": Choice("person", "team"), "bio": Text(),
                           "page": Text()},
                          {"credentials": Text(),
                           **{code: Fields({}, {"name": Text(), "bio": Text()})
                              for code in languages}}),
                   entry="author")


def in_language(author, language: str):
    """The author as a page in `language` names them: with that language's name and bio, where
    docs/_data/authors.yml gives them."""
    if not author or not isinstance(author.get(language), dict):
        return author
    return {**author, **author[language]}


def on_config(config, **kwargs):
    authors, problems = conform(load_data_file(config, "authors"),
                                authors_shape(build.languages), WHERE)
    build.authors = authors if authors is not INVALID else LineMap()
    if checks_enabled():
        for problem in problems:
            log.warning(problem)
        for key, author in build.authors.items():
            _check_author_entry(key, author)
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page_type(page) in AUTHORED_TYPES:
        report.for_page(page.file.src_uri)["review"] = review_status(
            page.meta.get("review"), config, text_fingerprint(page))
    if not checks_enabled() or page_type(page) not in AUTHORED_TYPES | {"author"} or \
            page.file.abs_src_path is None:
        return markdown  # a generated page's author comes from data, checked where it is read
    for field in ("author", "notes_by"):
        key = page.meta.get(field)
        if key is not None and key not in build.authors:
            log.warning(
                f"{where(page, find_line(page, f'{field}:'))}: the author '{key}' is not in "
                f"docs/_data/authors.yml. Use one of: {', '.join(sorted(build.authors))}, or add "
                "the author to that file."
            )
    if page.meta.get("notes_by") is not None and \
            page.meta.get("notes_by") == page.meta.get("author"):
        log.warning(f"{where(page, find_line(page, 'notes_by:'))}: 'notes_by' names the page's "
                    "own author. Remove the line: it is only for notes another author added.")
    if page_type(page) in AUTHORED_TYPES and "review" in page.meta:
        for problem in review_problems(page.meta["review"]):
            log.warning(f"{where(page, find_line(page, 'review:'))}: {problem}")
    return markdown


def on_env(env, config, files, **kwargs):
    env.globals["site_authors"] = build.authors
    env.globals["pages_by_author"] = _pages_by_author(files)
    return env


def on_page_context(context, page, config, nav, **kwargs):
    key, language = page.meta.get("author"), language_of(page)
    context["page_author"] = in_language(build.authors.get(key), language) \
        if isinstance(key, str) else None
    notes_key = page.meta.get("notes_by")
    context["page_notes_author"] = in_language(build.authors.get(notes_key), language) \
        if isinstance(notes_key, str) and notes_key != key else None
    if page_type(page) in AUTHORED_TYPES:
        context["page_review"] = report.for_page(page.file.src_uri)["review"]
    return context


def review_problems(review) -> list[str]:
    """What is wrong with a page's `review:` front matter, each with how to fix it."""
    how = ("Write 'review: pending', or give the reviewer and date on two indented lines: "
           "'by: <author key>' and 'date: YYYY-MM-DD'.")
    if review == "pending":
        return []
    if not isinstance(review, dict):
        return [f"'review: {review}' is not a review status. {how}"]
    problems = [f"the review has an unknown field '{field}'. {how}"
                for field in review if field not in ("by", "date", "fingerprint")]
    if "fingerprint" in review and not (isinstance(review["fingerprint"], str) and
                                        FINGERPRINT.fullmatch(review["fingerprint"])):
        problems.append(f"the review's 'fingerprint: {review['fingerprint']}' is not a text "
                        "fingerprint. Copy the page's fingerprint from the editors' report "
                        "(/editors-report/).")
    reviewer = build.authors.get(review.get("by"))
    if reviewer is None:
        problems.append(f"the reviewer '{review.get('by')}' is not in docs/_data/authors.yml. "
                        "Add the clinician there first, with their credentials.")
    elif reviewer.get("kind") != "person":
        problems.append(f"the reviewer '{review.get('by')}' is a team. A review must be done "
                        "by a named clinician: give their key from docs/_data/authors.yml.")
    date = review.get("date")
    if isinstance(date, datetime.datetime):
        problems.append(f"the review date '{date}' has a time of day. Write only the date, "
                        "as YYYY-MM-DD, like 2026-03-15.")
    elif not isinstance(date, datetime.date):
        problems.append(f"the review date '{date}' is not a real date. Write it as YYYY-MM-DD, "
                        "like 2026-03-15.")
    elif date > today():
        problems.append(f"the review date {date.isoformat()} is in the future. Record a review "
                        "only on or after the day it happened.")
    return problems


def review_status(review, config, fingerprint: str = "") -> dict:
    """What the page should say about its clinical review.

    Returns {"state": "pending"} or {"state": "reviewed" | "due", "reviewer": …, "date": …,
    "next_due": …, "changed": …}. A review belongs to the text it reviewed: `fingerprint:` in
    the review holds that text's fingerprint, and when the page's text has changed since, the page
    and the editors' report say so.
    """
    if not isinstance(review, dict):
        return {"state": "pending"}
    reviewer = build.authors.get(review.get("by"))
    date = review.get("date")
    if reviewer is None or not isinstance(date, datetime.date) or \
            isinstance(date, datetime.datetime):
        return {"state": "pending"}
    max_age = config["extra"]["review_max_age_months"]  # a whole number (hooks/settings.py)
    due = months_between(date, today()) >= max_age
    reviewed_text = review.get("fingerprint")
    return {"state": "due" if due else "reviewed", "reviewer": reviewer, "date": date,
            "next_due": add_months(date, max_age),
            "changed": bool(fingerprint) and isinstance(reviewed_text, str)
            and reviewed_text != fingerprint}


def _pages_by_author(files) -> dict:
    index = {key: [] for key in build.authors}
    for file in files.documentation_pages():
        page = file.page
        if page is None or page_type(page) not in AUTHORED_TYPES:
            continue
        key = page.meta.get("author")
        if key in index:
            index[key].append(page)
    for pages in index.values():
        pages.sort(key=lambda p: (p.meta.get("type", ""), str(p.meta.get("series", "")),
                                  p.meta.get("series_part", 0), p.title or ""))
    return index


def _check_author_entry(key, author):
    if author["kind"] == "person" and not author.get("credentials"):
        log.warning(
            f"{WHERE}, line {build.authors.line_of(key)}: the person '{key}' has no "
            "'credentials'. Add their professional title exactly as licensed, for example "
            "'Licensed Professional Counselor'."
        )
