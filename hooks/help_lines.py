"""Crisis and help lines (docs/_data/help-lines.yml), offered to every template as `help_lines`."""

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.data_files import load_data_file

log = get_plugin_logger(__name__)

_help_lines = {}


def on_config(config, **kwargs):
    _help_lines.clear()
    _help_lines.update(load_data_file(config, "help-lines"))
    for section in ("emergency", "countries"):
        if checks_enabled() and not _help_lines.get(section):
            log.warning(
                f"docs/_data/help-lines.yml: the '{section}' list is missing or empty. Every page "
                "shows these numbers, so the site cannot be built without them."
            )
    return config


def on_env(env, config, files, **kwargs):
    env.globals["help_lines"] = _help_lines
    env.filters["dial"] = dial
    return env


def dial(number) -> str:
    """The digits to dial for a number as written ("1-800-668-6868" -> "18006686868")."""
    text = str(number)
    digits = "".join(ch for ch in text if ch.isdigit())
    return ("+" + digits) if text.strip().startswith("+") else digits
