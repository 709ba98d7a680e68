"""Steps of the build that the environment can switch off (`SITE_LEAN_STYLES=off`), to compare
a page with and without them or to look into a problem."""

import os

from mkdocs.exceptions import PluginError


def switched_off(name: str, on_means: str, off_means: str) -> bool:
    """Whether the variable `name` is "off"; any value but "off" or none stops the build and
    says what each choice does."""
    value = os.environ.get(name, "").strip().lower()
    if value not in ("", "off"):
        raise PluginError(f"{name}={value!r} is not a choice. Leave it unset to {on_means}, or "
                          f"set {name}=off to {off_means}.")
    return value == "off"
