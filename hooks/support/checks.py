"""Switching the site's checks off for a fast preview (SITE_CHECKS=off).

Only the checks stop: every page renders exactly as it does with checks on.
"""

import os

OFF_VALUES = {"off", "0", "false", "no"}


def checks_enabled() -> bool:
    return os.environ.get("SITE_CHECKS", "on").strip().lower() not in OFF_VALUES
