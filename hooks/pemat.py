"""PEMAT-P scores: how understandable and actionable each client page is, rated item by item by
someone who did not write the page (docs/_data/pemat-scores.yml, optional).

Each score records the fingerprint of the text it rated (hooks/support/fingerprint.py). The
editors' report shows every page's scores, and marks a score whose page has changed since, so
that it is rated again. A score whose percentages do not follow from its item ratings is a
mistake with its line; one that names a page the site does not have is named by hooks/links.py,
which checks every `page:` in the data files.
"""

from mkdocs.plugins import get_plugin_logger

from support import report
from support.checks import checks_enabled
from support.data_files import LineList, load_data_file
from support.fingerprint import text_fingerprint
from support.shapes import (INVALID, AnyOf, Choice, Date, Fields, ListOf, Pattern, Text, ValuesOf,
                            WholeNumber, conform)

log = get_plugin_logger(__name__)

WHERE = "docs/_data/pemat-scores.yml"
RATING = AnyOf(Choice(0, 1, "na"), describe="1 (agree), 0 (disagree) or na (not applicable)")
PART = Fields({"items": ValuesOf(RATING), "percent": WholeNumber(0, 100)})
SCORE = Fields(
    {"page": Text("the page's file under docs/, like help.md"), "scored": Date(),
     "scorer": Text("who rated it (never the page's writer), as they wish to be named"),
     "fingerprint": Pattern(r"[0-9a-f]{12}", "the page's text fingerprint, from the editors' "
                            "report"),
     "understandability": PART, "actionability": PART},
    {"reasons": ValuesOf(Text()), "to_improve": Text()})
SCORES = ListOf(SCORE, entry="score")

_scores = LineList()


def on_config(config, **kwargs):
    global _scores
    scores, problems = conform(load_data_file(config, "pemat-scores"), SCORES, WHERE)
    _scores = scores if scores is not INVALID else LineList()
    if checks_enabled():
        for problem in problems + list(percent_problems(_scores)):
            log.warning(problem)
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    fingerprint = text_fingerprint(page)  # every page's, for the editors' report
    for score in _scores:
        if score["page"] == page.file.src_uri:
            report.for_page(page.file.src_uri)["pemat"] = {
                **score, "changed": score["fingerprint"] != fingerprint}
    return markdown


def percent_problems(scores):
    """A percentage must follow from its items: agreed ÷ rated (leaving out na) × 100."""
    for index, score in enumerate(scores):
        for part in ("understandability", "actionability"):
            ratings = [value for value in score[part]["items"].values() if value != "na"]
            # Rounded half up, as people do (62.5 is 63), not to the even number.
            expected = int(100 * sum(ratings) / len(ratings) + 0.5) if ratings else 0
            if score[part]["percent"] != expected:
                yield (f"{WHERE}, line {scores.line_of(index)}: the {part} of '{score['page']}' "
                       f"is given as {score[part]['percent']}%, but its items give {expected}% "
                       "(agreed ÷ rated, leaving out na). Correct the percent or the items.")
