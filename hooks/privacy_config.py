"""Privacy of the configuration: nothing in mkdocs.yml may make a reader's browser contact
another site. Web fonts from a font service, `repo_url`, analytics, a cookie consent banner and
outside scripts or styles all stop the build, before anything is written."""

import re

from mkdocs.exceptions import PluginError

from support.checks import checks_enabled

OUTSIDE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:)?//")


def on_config(config, **kwargs):
    if not checks_enabled():
        return config
    problems = list(privacy_problems(config))
    if problems:
        raise PluginError(
            "\n".join(f"mkdocs.yml: {problem}" for problem in problems)
            + "\nThese settings would let other sites see who reads this site, so the build "
            "stopped before writing anything."
        )
    return config


def privacy_problems(config):
    theme = config["theme"]
    if theme.get("font") is not False:
        yield ("theme: font: loads web fonts from Google Fonts. Set 'font: false' under "
               "'theme:' (the site then uses the reader's own system fonts).")
    if config.get("repo_url"):
        yield ("repo_url: makes every page fetch data from the code host. Remove the "
               "'repo_url:' line.")
    extra = config["extra"]
    if extra.get("analytics"):
        yield "extra: analytics: sends readers' visits to an analytics service. Remove it."
    if extra.get("consent"):
        yield ("extra: consent: a cookie banner is only needed for tracking, which this site "
               "must not do. Remove it.")
    for key in ("extra_javascript", "extra_css"):
        for item in config.get(key) or []:
            path = str(getattr(item, "path", item))
            if OUTSIDE.match(path):
                yield (f"{key}: '{path}' loads from another site. Download the file into "
                       "docs/ and give its local path instead.")
    for key in ("logo", "favicon"):
        value = str(theme.get(key) or "")
        if OUTSIDE.match(value):
            yield (f"theme: {key}: '{value}' loads from another site. Put the image in docs/ "
                   "and give its local path instead.")
    for script in extra.get("polyfills") or []:
        if OUTSIDE.match(str(script)):
            yield f"extra: polyfills: '{script}' loads from another site. Remove it."
