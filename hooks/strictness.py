"""Strict means strict: `mkdocs build -q` (or `gh-deploy -q`) would hide warnings, and a strict
build only fails on the warnings it sees, so a site with mistakes would be published. Keep
warnings visible, and so counted, whatever the command line says.

It is first in the engine's hook list, so it also starts each build with a fresh shared state
(hooks/support/state.py) and records which command is running.
"""

import logging

from mkdocs.plugins import event_priority

from support.state import build


def on_startup(command, dirty, **kwargs):
    build.reset(command, dirty)
    logger = logging.getLogger("mkdocs")
    if logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)


@event_priority(100)  # before every other hook: each rebuild of `mkdocs serve` starts clean
def on_config(config, **kwargs):
    build.reset()
    return config
