"""Crisis and help lines (docs/_data/help-lines.yml), offered to every template as `help_lines`.

Every number is shown with the date it was last checked, so each entry must carry one.

On a site with further languages (support/languages.py), the words around the numbers come in
each language, under the language's code, beside the words they translate; numbers and dates are
written once:

    - number: "911"
      where: the United States and Canada
      es:
        where: Estados Unidos y Canadá

A service's name may stay as it is (it is a name); every other word a page shows must be
translated, and the build names each one that is not.
"""

import datetime

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.data_files import LineMap, load_data_file
from support.dates import months_between, today
from support.languages import language_of, overlaid
from support.shapes import INVALID, Date, Fields, Id, ListOf, Pattern, Text, conform
from support.state import build
from support.urls import dial

log = get_plugin_logger(__name__)

WHERE = "docs/_data/help-lines.yml"
TEXT_FIELDS = ("emergency_heading", "lines_heading", "lines_intro")
# Shapes only: which fields an entry needs before it is shown is checked by _valid below.
# In quotes: YAML reads 000 (Australia's emergency number) as the number 0.
NUMBER = Text("a phone number in quotes, like \"988\"", numbers=False,
              hint="Put it in quotes, like \"000\", or YAML reads it as a number.")
WEB = Pattern(r"https://[^\s\"'<>\\`]+", "a full https:// address")
# The words of each part that a page in another language shows in that language; the rest
# (numbers, keywords, addresses, dates) is the same in every language.
WORDS = {"help_lines": TEXT_FIELDS, "emergency": ("where",), "country": ("name",),
         "line": ("name", "who", "web_label", "note")}
# Words that may stay as written in every language: a service's name.
NAMES = {"line": ("name",)}
# A line checked longer ago than this is named at every build (never a failure), and a deploy
# stops once one is older than STALE_AFTER_MONTHS (hooks/deploy_guard.py).
RECHECK_AFTER_MONTHS = 6
STALE_AFTER_MONTHS = 12
# Ids the help lines' own headings use (partials/help-lines.html); a country's id, or an
# exercise section's, must not repeat one.
PAGE_IDS = {"emergency-numbers", "crisis-lines", "help-by-country"}
_help_lines = {}
_in_language = {}  # language -> the help lines with that language's words


def on_config(config, **kwargs):
    global _help_lines
    _help_lines, problems = conform(load_data_file(config, "help-lines"),
                                    help_lines_shape(build.languages), WHERE)
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
    _in_language.clear()
    for code in build.languages:
        _in_language[code] = in_language(_help_lines, code)
    return config


def on_env(env, config, files, **kwargs):
    env.globals["help_lines"] = _help_lines
    env.filters["dial"] = dial
    return env


def on_page_context(context, page, config, nav, **kwargs):
    if language_of(page) in _in_language:
        context["help_lines"] = _in_language[language_of(page)]
    return context


def help_lines_shape(languages) -> Fields:
    """The file's shape, with a set of translated words under each further language's code."""
    words = {part: {code: Fields({}, {field: Text() for field in fields}) for code in languages}
             for part, fields in WORDS.items()}
    line = Fields({}, {"name": Text(), "who": Text(), "call": NUMBER,
                       "press": Text("the key to press after calling, in quotes, like \"2\"",
                                     numbers=False), "text": NUMBER,
                       "text_keyword": Text(), "web": WEB, "web_label": Text(), "note": Text(),
                       "verified": Date(), **words["line"]})
    return Fields({}, {
        **{field: Text() for field in TEXT_FIELDS}, **words["help_lines"],
        "emergency": ListOf(Fields({}, {"number": NUMBER, "where": Text(), "verified": Date(),
                                        **words["emergency"]}),
                            entry="emergency number"),
        "countries": ListOf(Fields({"id": Id()}, {"name": Text(),
                                                  "lines": ListOf(line, entry="line"),
                                                  **words["country"]}),
                            entry="country"),
    })


def in_language(help_lines, code: str):
    """The help lines with `code`'s words in place of the site's; each word missing there is
    reported (a service's name may stay as written)."""
    missing = []

    def translate(entry, part):
        translated, not_there = overlaid(entry, entry.get(code), WORDS[part], NAMES.get(part, ()))
        missing.extend((getattr(entry, "line", 1), field) for field in not_there)
        return translated

    shown = translate(help_lines, "help_lines")
    shown["emergency"] = [translate(item, "emergency") for item in help_lines.get("emergency")]
    shown["countries"] = []
    for country in help_lines.get("countries"):
        translated = translate(country, "country")
        translated["lines"] = [translate(line, "line") for line in country.get("lines")]
        shown["countries"].append(translated)
    for line, field in missing:
        _warn(line, f"'{field}' has no words in '{code}', and pages in that language show it. "
              f"Add '{code}:' to this entry, with '{field}:' in that language indented under it.")
    return shown


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
