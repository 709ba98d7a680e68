"""Privacy of the configuration: nothing in mkdocs.yml, or in a style sheet in docs/, may make
a reader's browser contact another site. Web fonts from a font service, `repo_url`, analytics,
a cookie consent banner and outside scripts or styles all stop the build, before anything is
written; a style sheet that imports or loads a file from another site is reported with its
line."""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.urls import OUTSIDE

log = get_plugin_logger(__name__)

# Any address of another site in CSS, wherever it stands (@import, url(), image-set(), over
# several lines): a quote or parenthesis, then "//" or "https://" ("\\" counts as "/").
CSS_OUTSIDE = re.compile(r"""(?:@import|[("',])\s*(?:[a-z][a-z0-9+.-]*:)?[/\\]{2}""",
                         re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


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


def on_files(files, config, **kwargs):
    if not checks_enabled():
        return files
    docs = Path(config["docs_dir"])
    for file in files:
        if file.src_uri.endswith(".css") and file.abs_src_path and \
                Path(file.abs_src_path).is_relative_to(docs):
            text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
            # Comments are blanked (keeping their lines), so an address in one is not counted.
            text = CSS_COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
            for match in CSS_OUTSIDE.finditer(text):
                number = text.count("\n", 0, match.end()) + 1
                log.warning(f"docs/{file.src_uri}, line {number}: this style sheet loads "
                            "a file from another site, which would tell that site who is "
                            "reading, and the site's policy blocks it. Save the file (a "
                            "font or image) in docs/ and give its path instead.")
    return files


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
