"""The practice's look, set in mkdocs.yml: colours for the light and the dark scheme under
`extra: look:`, written at build time as a small style sheet that the engine's CSS reads.

Logo and favicon are Material's own settings (`theme: logo:` or `theme: icon: logo:`, and
`theme: favicon:`). Colours are checked here, so a typo is named instead of silently ignored,
and only colour values can reach the style sheet.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from support.state import build

STYLESHEET = "assets/stylesheets/look.css"
# Each colour a practice may set, and the engine's CSS variable that carries it.
COLOURS = {
    "background": "--site-bg",
    "text": "--site-fg",
    "text_soft": "--site-fg-soft",
    "accent": "--site-accent",
    "accent_strong": "--site-accent-strong",
    "link": "--site-link",
    "surface": "--site-surface",
    "border": "--site-border",
    "urgent_background": "--site-urgent-bg",
    "urgent_border": "--site-urgent-border",
    "help_background": "--site-help-bg",
    "help_text": "--site-help-fg",
    "footer_background": "--md-footer-bg-color",
}
SCHEMES = {"light": ":root", "dark": None}
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\Z")


def on_config(config, **kwargs):
    build.look_css = look_css(config["extra"].get("look"))
    return config


def on_files(files, config, **kwargs):
    if build.look_css:
        files.append(File.generated(config, STYLESHEET, content=build.look_css))
    return files


def on_page_context(context, page, config, nav, **kwargs):
    context["look_stylesheet"] = STYLESHEET if build.look_css else None
    return context


def look_css(look) -> str:
    """CSS that sets the engine's colour variables, or "" when the practice sets none."""
    if look is None:
        return ""
    if not isinstance(look, dict) or set(look) - set(SCHEMES):
        raise PluginError("mkdocs.yml, extra: look: give colours under 'light:' and 'dark:' "
                          "(see README.md, \"Your site's look\").")
    rules, problems = [], []
    for scheme, colours in look.items():
        if not isinstance(colours, dict):
            problems.append(f"mkdocs.yml, extra: look: {scheme}: list colours under it, one per "
                            "line, like 'accent: \"#2c5d63\"'.")
            continue
        declarations = []
        for name, value in colours.items():
            if name not in COLOURS:
                problems.append(f"mkdocs.yml, extra: look: {scheme}: '{name}' is not a colour "
                                f"the engine uses. Use one of: {', '.join(COLOURS)}.")
            elif not isinstance(value, str) or not HEX_COLOUR.match(value):
                problems.append(f"mkdocs.yml, extra: look: {scheme}: {name}: '{value}' is not a "
                                "colour. Write it as a hex code in quotes, like \"#2c5d63\".")
            else:
                declarations.append(f"  {COLOURS[name]}: {value};")
        if declarations:
            body = "\n".join(declarations)
            # Each scheme in its own media query, so a light colour never wins in dark mode.
            media = "(prefers-color-scheme: dark)" if scheme == "dark" else \
                "not all and (prefers-color-scheme: dark)"
            rules.append(f"@media {media} {{\n:root {{\n{body}\n}}\n}}\n")
    if problems:
        raise PluginError("\n".join(problems))
    return "/* The practice's colours, from mkdocs.yml (extra: look:). */\n" + "".join(rules)
