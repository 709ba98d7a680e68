"""The engine's settings and environment variables are checked before anything is built.

The practice's mkdocs.yml may change the engine's settings under `extra:` (README.md,
"Settings"), and the environment may set SITE_URL and SITE_TODAY. Each value's shape is declared
here once; a wrong one stops the build, naming the setting and the fix, instead of crashing a
later step.
"""

import difflib
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support.dates import site_today_problem
from support.shapes import INVALID, SLUG, Fields, Pattern, Place, Text

# A page of this site, as a path under docs/: help.md, guides/page.md#step-2-name.
PAGE_PATH = Pattern(r"[\w-]+(?:/[\w-]+)*\.md(?:#[\w-]+)?",
                    "the path of a Markdown page under docs/, like 'help.md' or "
                    "'guides/page.md#step-2-name'")
PAGE_OR_ADDRESS_FORM = r"[\w-]+(?:/[\w-]+)*\.md(?:#[\w-]+)?|https://[^\s\"'<>\\`]+"
PAGE_OR_ADDRESS_TEXT = ("a page under docs/ (like 'contact.md#phone') or a full https:// "
                        "address")
PAGE_OR_ADDRESS = Pattern(PAGE_OR_ADDRESS_FORM, PAGE_OR_ADDRESS_TEXT)
PAGE_OR_ADDRESS_OR_NONE = Pattern(PAGE_OR_ADDRESS_FORM, PAGE_OR_ADDRESS_TEXT, empty=True)
PRACTICE = Fields({"name": Text(numbers=False, hint="Put it in quotes."),
                   "services_page": PAGE_OR_ADDRESS},
                  {"contact": Fields({}, {"email": Text(numbers=False, empty=True),
                                          "phone": Text(numbers=False, empty=True),
                                          "page": PAGE_OR_ADDRESS_OR_NONE})})
# A file of the site or the theme (a logo, an icon), and a value Material prints into HTML.
FILE_PATH = re.compile(r"[\w-]+(?:/[\w.-]+)*\.[a-z]+\Z", re.IGNORECASE)
ICON_NAME = re.compile(r"[\w-]+(?:/[\w-]+)+\Z")
PALETTE_VALUE = re.compile(r"[\w (),:/.-]*\Z")

# Every setting under `extra:` that the engine reads (README.md, "Your site's settings").
# Material reads some others (such as `scope` and `homepage`) straight into its scripts and
# links, so an unknown one is refused rather than passed on unchecked. Analytics, consent and
# polyfills are refused with their own reasons by hooks/privacy_config.py.
KNOWN_EXTRA = ("practice", "labels", "look", "features", "help_page", "short_links_prefix",
               "review_max_age_months", "review_policy_page", "readability", "generator",
               "handout_paper", "languages")
LEFT_TO_PRIVACY = ("analytics", "consent", "polyfills")
PLACE = "mkdocs.yml, extra"  # where shape messages say a setting is
FEATURES = ("share_panel", "qr_codes")
HANDOUT_PAPERS = ("letter", "a4")  # CSS page sizes
# Characters that never belong in an address as written, and would break the pages it lands in.
UNSAFE_IN_ADDRESS = re.compile(r"[\s\"'<>\\`{}|^]")


@event_priority(95)  # before every hook that reads these settings
def on_config(config, **kwargs):
    problems = list(setting_problems(config["extra"]))
    problems += list(theme_problems(config))
    site_url = site_url_form_problem(config["site_url"])
    if site_url:
        problems.append(site_url)
    today = site_today_problem()
    if today:
        problems.append(today)
    if problems:
        raise PluginError("\n".join(problems))
    return config


def setting_problems(extra):
    where = "mkdocs.yml, extra:"
    for name in extra:
        if name not in KNOWN_EXTRA and name not in LEFT_TO_PRIVACY:
            close = difflib.get_close_matches(str(name), KNOWN_EXTRA, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            yield (f"{where} '{name}' is not a setting of the engine. {hint}Remove it, or use "
                   f"one of: {', '.join(KNOWN_EXTRA)}.")
    months = extra.get("review_max_age_months")
    if not _whole_number(months) or months < 1:
        yield (f"{where} review_max_age_months is '{months}'. Write a whole number of months, "
               "like 'review_max_age_months: 12'.")
    readability = extra.get("readability")
    grade = readability.get("max_grade") if isinstance(readability, dict) else None
    if not isinstance(readability, dict):
        yield (f"{where} readability must be indented fields, like 'readability:' then "
               "'  max_grade: 8'.")
    elif isinstance(grade, bool) or not isinstance(grade, (int, float)) or not 1 <= grade <= 20:
        yield (f"{where} readability: max_grade is '{grade}'. Write a US school grade as a "
               "number from 1 to 20, like 'max_grade: 8'.")
    else:
        ease = readability.get("min_reading_ease_es")
        if isinstance(ease, bool) or not isinstance(ease, (int, float)) or not 0 <= ease <= 100:
            yield (f"{where} readability: min_reading_ease_es is '{ease}'. Write the least "
                   "Fernández Huerta reading ease for Spanish pages, a number from 0 to 100, "
                   "like 'min_reading_ease_es: 70'.")
    for key in ("help_page", "review_policy_page"):
        if key in extra or key == "help_page":
            _, problems = PAGE_PATH.conform(extra.get(key), Place(PLACE, 0, ((False, key),)))
            yield from problems
    practice, problems = PRACTICE.conform(extra.get("practice"),
                                          Place(PLACE, 0, ((False, "practice"),)))
    yield from problems
    if practice is not INVALID:
        extra["practice"] = practice  # numbers turned into text, empty optional values kept
    paper = extra.get("handout_paper")
    if not isinstance(paper, str) or paper.lower() not in HANDOUT_PAPERS:
        yield (f"{where} handout_paper is '{paper}'. Write 'handout_paper: letter' or "
               "'handout_paper: A4'.")
    else:
        extra["handout_paper"] = paper.lower()
    prefix = extra.get("short_links_prefix")
    if not isinstance(prefix, str) or not SLUG.match(prefix):
        yield (f"{where} short_links_prefix is '{prefix}'. Use one short word in lower-case "
               "letters, digits and dashes, like 'short_links_prefix: go'.")
    features = extra.get("features")
    if not isinstance(features, dict):
        yield f"{where} features must be indented fields, like 'features:' then '  qr_codes: false'."
        return
    for name, value in features.items():
        if name not in FEATURES:
            yield (f"{where} features: '{name}' is not a feature of the engine. Use one of: "
                   f"{', '.join(FEATURES)}.")
        elif not isinstance(value, bool):
            yield f"{where} features: {name} is '{value}'. Write true or false."


def theme_problems(config):
    """Material prints these settings into every page without escaping them."""
    theme = config["theme"]
    where = "mkdocs.yml, theme:"
    folders = [Path(config["docs_dir"]), *(Path(folder) for folder in theme.dirs)]
    for key in ("logo", "favicon"):
        value = theme.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not FILE_PATH.match(value) or ".." in value:
            yield (f"{where} {key} is '{value}'. Give the path of an image file in docs/, like "
                   f"'{key}: images/{key}.png'.")
        elif not any((folder / value).is_file() for folder in folders):
            yield (f"{where} {key} is '{value}', but there is no such file in docs/. Add the "
                   "file, or correct the path.")
    for key, value in (theme.get("icon") or {}).items():
        if isinstance(value, str) and not (ICON_NAME.match(value) and any(
                (folder / ".icons" / f"{value}.svg").is_file() for folder in folders)):
            yield (f"{where} icon: {key} is '{value}', which is not an icon Material has. Use "
                   "a name from https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/, "
                   "like 'material/leaf'.")
    palettes = theme.get("palette") or []
    for palette in palettes if isinstance(palettes, list) else [palettes]:
        for key, value in (palette.items() if isinstance(palette, dict) else ()):
            if isinstance(value, dict):
                value = " ".join(str(item) for item in value.values())
            if not PALETTE_VALUE.match(str(value)):
                yield (f"{where} palette: {key} is '{value}'. Use Material's colour names "
                       "(like 'indigo'); set your own colours under 'extra: look:' instead.")


def site_url_form_problem(site_url) -> str:
    """What is wrong with the address the site is built for, or "" when it is usable."""
    how = ("Set SITE_URL to the full address the site is published at, like "
           "https://practice.example/library/, or leave it unset for a local build.")
    if not site_url:
        return f"SITE_URL is empty. {how}"
    if UNSAFE_IN_ADDRESS.search(site_url):
        return (f"SITE_URL is '{site_url}', which has a space, a quote or an angle bracket in "
                f"it. {how}")
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return f"SITE_URL is '{site_url}', which is not a full web address. {how}"
    if parts.query or parts.fragment:
        return (f"SITE_URL is '{site_url}', which has a '?' or '#' part; a site's address "
                f"cannot have one. {how}")
    return ""


def _whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
