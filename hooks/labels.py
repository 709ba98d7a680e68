"""The engine's words for readers: one labels file per language (hooks/labels/<language>.yml),
which a practice can override key by key in mkdocs.yml under `extra: labels:`.

Templates write `{{ label("review_pending") }}` or `{{ label("byline_by", author=link) }}`, and
dates with `{{ format_date(value) }}`, written by the rules of the site's language.
"""

from __future__ import annotations

import difflib
import string
from pathlib import Path

from babel.dates import format_date as babel_format_date
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support.data_files import parse_yaml
from support.state import build

LABELS_DIR = Path(__file__).parent / "labels"


@event_priority(90)  # before every hook that writes words for readers
def on_config(config, **kwargs):
    build.language = str(config["theme"]["language"] or "en")
    build.labels = load_labels(build.language, config["extra"].get("labels"))
    return config


def on_env(env, config, files, **kwargs):
    env.globals["label"] = label
    env.globals["format_date"] = format_date
    return env


def label(key: str, **values) -> Markup:
    """The label's text, made safe for HTML, with {placeholders} filled in by `values`, each
    escaped unless it is already safe markup."""
    try:
        text = build.labels[key]
    except KeyError:
        raise PluginError(f"The engine asked for the label '{key}', which "
                          f"hooks/labels/{build.language}.yml does not have. Add it there.") from None
    return Markup(escape(text)).format_map(values)


def format_date(value) -> str:
    return babel_format_date(value, format="long", locale=build.language.replace("-", "_"))


def load_labels(language: str, overrides) -> dict:
    """The labels of `language`, with a practice's overrides checked and applied."""
    path = LABELS_DIR / f"{language}.yml"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in LABELS_DIR.glob("*.yml")))
        raise PluginError(f"mkdocs.yml, theme: language: the engine has no words for '{language}' "
                          f"yet (it has: {available}). Use one of those, or add "
                          f"hooks/labels/{language}.yml to the engine.")
    labels = dict(parse_yaml(path.read_text(encoding="utf-8"), f"hooks/labels/{path.name}"))
    if overrides is None:
        return labels
    if not isinstance(overrides, dict):
        raise PluginError("mkdocs.yml, extra: labels: write each label you change on its own "
                          "line, as 'key: text', indented under 'labels:'.")
    problems = []
    for key, text in overrides.items():
        if key not in labels:
            close = difflib.get_close_matches(str(key), labels, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            problems.append(f"mkdocs.yml, extra: labels: '{key}' is not a label of the engine. "
                            f"{hint}The labels are listed in hooks/labels/{language}.yml.")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"mkdocs.yml, extra: labels: {key}: give the text to show, in quotes "
                            "if it contains a colon.")
        elif placeholders(text) != placeholders(labels[key]):
            wanted = ", ".join("{" + name + "}" for name in sorted(placeholders(labels[key])))
            problems.append(f"mkdocs.yml, extra: labels: {key}: the text must contain exactly "
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
