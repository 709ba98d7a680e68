"""Published addresses: a link a clinician sent last year must still work.

docs/_data/published-addresses.yml lists every page address and step anchor the site has
published. The build fails if one of them is gone, unless a short link or a `moved:` entry in
docs/_data/short-links.yml now serves it. After publishing new pages, record their addresses
with `SITE_RECORD_ADDRESSES=1` (see README.md): the list only ever grows.
"""

import os
import re
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from support import site_index
from support.checks import checks_enabled
from support.data_files import LineList, data_file_path, load_data_file
from support.page_types import PAGE_TYPES, page_type

log = get_plugin_logger(__name__)

WHERE = "docs/_data/published-addresses.yml"
HEADER = """\
# Every page address and step anchor this site has published, relative to site_url.
# The build fails if one disappears, unless docs/_data/short-links.yml now serves it.
# Add new ones with: SITE_RECORD_ADDRESSES=1 .venv/bin/mkdocs build (the list only grows).
"""
STEP_ID = re.compile(r"^step-[a-z0-9-]+\Z")
_recorded = LineList()
_current = set()


def on_config(config, **kwargs):
    global _recorded
    _recorded = load_data_file(config, "published-addresses")
    _current.clear()
    return config


def on_post_page(output, page, config, **kwargs):
    if PAGE_TYPES.get(page_type(page), {}).get("indexed", True):
        _current.add(page.url)
        # Steps come from the rendered page, so steps an exercise template writes count too.
        for anchor in sorted(site_index.page_ids(output)):
            if STEP_ID.match(anchor):
                _current.add(f"{page.url}#{anchor}")
    return output


def on_post_build(config, **kwargs):
    if not checks_enabled():
        return
    missing = 0
    for index, address in enumerate(_recorded):
        if not site_index.has_address(str(address)):
            missing += 1
            log.warning(
                f"{WHERE}, line {_recorded.line_of(index)}: the address '{address}' was "
                "published, but the site no longer has it, and clinicians may have sent it to "
                "clients. Bring the page or step back, or add a 'moved:' entry for it to "
                "docs/_data/short-links.yml."
            )
    if missing:
        log.warning(
            f"{WHERE}: {missing} published address(es) are missing (listed above). If this site "
            "has never been published, the list came from another site: replace the file's "
            "entries with [] and build again (see README.md, \"Links that last\")."
        )
    if os.environ.get("SITE_RECORD_ADDRESSES") == "1":
        addresses = sorted(set(map(str, _recorded)) | _current)
        path = Path(data_file_path(config, "published-addresses"))
        path.write_text(HEADER + "".join(f'- "{a}"\n' for a in addresses), encoding="utf-8")
        log.info(f"{WHERE}: recorded {len(addresses)} published addresses.")


