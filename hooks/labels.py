"""The engine's words for readers: one labels file per language (hooks/labels/<language>.yml),
which a practice can override key by key in mkdocs.yml, under `extra: labels:` for the site's
language and under `extra: languages: <code>: labels:` for another (hooks/languages.py).

Templates write `{{ label("review_pending") }}` or `{{ label("byline_by", author=link) }}`, and
dates with `{{ format_date(value) }}`: both in the language of the page being written. Python
gives the language: `label("search", in_language=language_of(page))`.
"""

from __future__ import annotations

import difflib
import string
from pathlib import Path

from babel.dates import format_date as babel_format_date
from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support.data_files import parse_yaml
from support.languages import language_of, site_languages
from support.state import build

LABELS_DIR = Path(__file__).parent / "labels"


@event_priority(90)  # before every hook that writes words for readers
def on_config(config, **kwargs):
    build.language = str(config["theme"]["language"] or "en")
    build.labels = {build.language: load_labels(build.language, config["extra"].get("labels"))}
    for code, settings in site_languages(config).items():
        where = f"extra: languages: {code}: labels:"
        build.labels[code] = load_labels(code, settings.get("labels"), where)
    return config


def on_env(env, config, files, **kwargs):
    env.globals["label"] = label_on_page
    env.globals["label_in"] = lambda language, key, **values: label(key, in_language=language, **values)
    env.globals["format_date"] = format_date_on_page
    return env


def label(key: str, in_language: str | None = None, **values) -> Markup:
    """The label's text in `in_language` (the site's first language when None), made safe for
    HTML, with {placeholders} filled in by `values`, each escaped unless it is already safe
    markup."""
    language = in_language or build.language
    try:
        text = build.labels[language][key]
    except KeyError:
        raise PluginError(f"The engine asked for the label '{key}', which "
                          f"hooks/labels/{language}.yml does not have. Add it there.") from None
    return Markup(escape(text)).format_map(values)


def format_date(value, language: str | None = None) -> str:
    return babel_format_date(value, format="long",
                             locale=(language or build.language).replace("-", "_"))


@pass_context
def label_on_page(context, key: str, **values) -> Markup:
    return label(key, in_language=language_of(context.get("page")), **values)


@pass_context
def format_date_on_page(context, value) -> str:
    return format_date(value, language=language_of(context.get("page")))


def load_labels(language: str, overrides, where: str = "extra: labels:") -> dict:
    """The labels of `language`, with a practice's overrides (from mkdocs.yml, at `where`)
    checked and applied."""
    path = LABELS_DIR / f"{language}.yml"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in LABELS_DIR.glob("*.yml")))
        setting = "theme: language:" if where == "extra: labels:" else "extra: languages:"
        raise PluginError(f"mkdocs.yml, {setting} the engine has no words for '{language}' "
                          f"yet (it has: {available}). Use one of those, or add "
                          f"hooks/labels/{language}.yml to the engine.")
    labels = dict(parse_yaml(path.read_text(encoding="utf-8"), f"hooks/labels/{path.name}"))
    if overrides is None:
        return labels
    if not isinstance(overrides, dict):
        raise PluginError(f"mkdocs.yml, {where} write each label you change on its own "
                          "line, as 'key: text', indented under 'labels:'.")
    problems = []
    for key, text in overrides.items():
        if key not in labels:
            close = difflib.get_close_matches(str(key), labels, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            problems.append(f"mkdocs.yml, {where} '{key}' is not a label of the engine. "
                            f"{hint}The labels are listed in hooks/labels/{language}.yml.")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"mkdocs.yml, {where} {key}: give the text to show, in quotes "
                            "if it contains a colon.")
        elif placeholders(text) != placeholders(labels[key]):
            wanted = ", ".join("{" + name + "}" for name in sorted(placeholders(labels[key])))
            problems.append(f"mkdocs.yml, {where} {key}: the text must contain exactly "
                            f"these parts in braces, which the engine fills in: {wanted or 'none'}.")
        else:
            labels[key] = text
    if problems:
        raise PluginError("\n".join(problems))
    return labels


def placeholders(text: str) -> set:
    """The {names} in a label. Anything else in braces ({name!r}, {name:>3}, {0}, {a.b}) is
    returned as written, so that it never matches: only plain names are filled in."""
    try:
        return {name if not (conversion or spec) and name.isidentifier()
                else "{" + name + (f"!{conversion}" if conversion else "") +
                (f":{spec}" if spec else "") + "}"
                for _, name, spec, conversion in string.Formatter().parse(text)
                if name is not None}
    except ValueError:  # an unpaired brace
        return {"(an unpaired brace)"}
