"""The engine's settings and environment variables are checked before anything is built.

The practice's mkdocs.yml may change the engine's settings under `extra:` (README.md,
"Settings"), and the environment may set SITE_URL and SITE_TODAY. Each value's shape is declared
here once; a wrong one stops the build, naming the setting and the fix, instead of crashing a
later step.
"""

import difflib
import re
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support.dates import site_today_problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Every setting under `extra:` that the engine reads (README.md, "Your site's settings").
# Material reads some others (such as `scope` and `homepage`) straight into its scripts and
# links, so an unknown one is refused rather than passed on unchecked. Analytics, consent and
# polyfills are refused with their own reasons by hooks/privacy_config.py.
KNOWN_EXTRA = ("practice", "labels", "look", "features", "help_page", "short_links_prefix",
               "review_max_age_months", "review_policy_page", "readability", "generator")
LEFT_TO_PRIVACY = ("analytics", "consent", "polyfills")
FEATURES = ("share_panel", "qr_codes")
# Characters that never belong in an address as written, and would break the pages it lands in.
UNSAFE_IN_ADDRESS = re.compile(r"[\s\"'<>\\`{}|^]")


@event_priority(95)  # before every hook that reads these settings
def on_config(config, **kwargs):
    problems = list(setting_problems(config["extra"]))
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
    if not isinstance(extra.get("help_page"), str) or not extra["help_page"].endswith(".md"):
        yield (f"{where} help_page is '{extra.get('help_page')}'. Give the help page's file in "
               "docs/, like 'help_page: help.md'.")
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
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username:
        return f"SITE_URL is '{site_url}', which is not a full web address. {how}"
    if parts.query or parts.fragment:
        return (f"SITE_URL is '{site_url}', which has a '?' or '#' part; a site's address "
                f"cannot have one. {how}")
    return ""


def _whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
