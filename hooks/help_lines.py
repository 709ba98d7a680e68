"""Crisis and help lines (docs/_data/help-lines.yml), offered to every template as `help_lines`.

Every number is shown with the date it was last checked, so each entry must carry one.
"""

import datetime

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.data_files import LineMap, load_data_file
from support.dates import months_between, today
from support.shapes import INVALID, Date, Fields, Id, ListOf, Pattern, Text, conform
from support.urls import dial

log = get_plugin_logger(__name__)

WHERE = "docs/_data/help-lines.yml"
TEXT_FIELDS = ("emergency_heading", "lines_heading", "lines_intro")
# Shapes only: which fields an entry needs before it is shown is checked by _valid below.
# In quotes: YAML reads 000 (Australia's emergency number) as the number 0.
NUMBER = Text("a phone number in quotes, like \"988\"", numbers=False,
              hint="Put it in quotes, like \"000\", or YAML reads it as a number.")
WEB = Pattern(r"https://[^\s\"'<>\\`]+", "a full https:// address")
LINE = Fields({}, {"name": Text(), "who": Text(), "call": NUMBER,
                   "press": Text("the key to press after calling, in quotes, like \"2\"",
                                 numbers=False), "text": NUMBER,
                   "text_keyword": Text(), "web": WEB, "web_label": Text(), "note": Text(),
                   "verified": Date()})
# A line checked longer ago than this is named at every build (never a failure), and a deploy
# stops once one is older than STALE_AFTER_MONTHS (hooks/deploy_guard.py).
RECHECK_AFTER_MONTHS = 6
STALE_AFTER_MONTHS = 12
# Ids the help lines' own headings use (partials/help-lines.html); a country's id, or an
# exercise section's, must not repeat one.
PAGE_IDS = {"emergency-numbers", "crisis-lines", "help-by-country"}
HELP_LINES = Fields({}, {
    **{field: Text() for field in TEXT_FIELDS},
    "emergency": ListOf(Fields({}, {"number": NUMBER, "where": Text(), "verified": Date()}),
                        entry="emergency number"),
    "countries": ListOf(Fields({"id": Id()}, {"name": Text(), "lines": ListOf(LINE, entry="line")}),
                        entry="country"),
})
_help_lines = {}


def on_config(config, **kwargs):
    global _help_lines
    _help_lines, problems = conform(load_data_file(config, "help-lines"), HELP_LINES, WHERE)
    for problem in problems:
        if checks_enabled():
            log.warning(problem)
    if _help_lines is INVALID:
        _help_lines = LineMap()
    for field in TEXT_FIELDS:
        if not isinstance(_help_lines.get(field), str):
            _warn(_help_lines.line, f"'{field}' is missing. Add the text shown for it on the "
                  "help page.")
    _help_lines["emergency"] = _valid(_help_lines.get("emergency"), "emergency",
                                      ("number", "where"))
    countries = _valid(_help_lines.get("countries"), "countries", ("name", "id"), dated=False)
    seen_ids = set(PAGE_IDS)
    for index, country in enumerate(list(countries)):
        if country["id"] in seen_ids:
            _warn(getattr(country, "line", 1),
                  f"the id '{country['id']}' is already used on the help page. Give each "
                  "country its own id, like united-states.")
            countries.remove(country)
            continue
        seen_ids.add(country["id"])
        country["lines"] = _valid(country.get("lines"), f"lines of {country['name']}",
                                  ("name",), needs_contact=True)
    _help_lines["countries"] = countries
    return config


def on_env(env, config, files, **kwargs):
    env.globals["help_lines"] = _help_lines
    env.filters["dial"] = dial
    return env


def _valid(items, section, required, needs_contact=False, dated=True) -> list:
    """The entries of a list that can be shown; each one left out is reported."""
    if not isinstance(items, list) or not items:
        _warn(_help_lines.line, f"the '{section}' list is missing or empty. Every page shows "
              "these numbers, so the site cannot be built without them.")
        return []
    kept = []
    for index, item in enumerate(items):
        line = items.line_of(index)
        if not isinstance(item, dict):
            _warn(line, f"each entry of '{section}' must be a set of fields, each on its own "
                  "indented line.")
            continue
        missing = [field for field in required if not item.get(field)]
        if needs_contact and not any(item.get(k) for k in ("call", "text", "web")):
            missing.append("call, text or web")
        if dated and not isinstance(item.get("verified"), datetime.date):
            missing.append("verified (the date you last checked it, as YYYY-MM-DD)")
        elif dated and item["verified"] > today():
            _warn(line, f"'verified: {item['verified']}' is in the future. Give the day you "
                  "last checked this entry.")
            continue
        elif dated and months_between(item["verified"], today()) >= RECHECK_AFTER_MONTHS:
            log.info(f"{WHERE}, line {line}: this entry was last checked on "
                     f"{item['verified']}, more than {RECHECK_AFTER_MONTHS} months ago. Check it "
                     "with the service's own page and set 'verified:' to today. A deploy stops "
                     f"once it is {STALE_AFTER_MONTHS} months old.")
        if missing:
            _warn(line, f"this entry of '{section}' has no {', '.join(missing)}. Add "
                  f"{'it' if len(missing) == 1 else 'them'}: a number is only shown once it "
                  "is complete and checked.")
            continue
        kept.append(item)
    return kept


def stale_entries(help_lines) -> list:
    """(line, name, date) of every entry checked STALE_AFTER_MONTHS or more months ago."""
    entries = list(help_lines.get("emergency") or [])
    for country in help_lines.get("countries") or []:
        entries += country.get("lines") or []
    return [(getattr(entry, "line", 0), entry.get("name") or entry.get("number"),
             entry["verified"]) for entry in entries
            if isinstance(entry.get("verified"), datetime.date)
            and months_between(entry["verified"], today()) >= STALE_AFTER_MONTHS]


def _warn(line, message):
    if checks_enabled():
        log.warning(f"{WHERE}, line {line}: {message}")
