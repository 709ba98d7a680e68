"""Strict means strict: `mkdocs build -q` (or `gh-deploy -q`) would hide warnings, and a strict
build only fails on the warnings it sees, so a site with mistakes would be published. Keep
warnings visible, and so counted, whatever the command line says."""

import logging


def on_startup(command, dirty, **kwargs):
    logger = logging.getLogger("mkdocs")
    if logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
