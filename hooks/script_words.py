"""Material's script reads its words (search's "1 matching document", the version menu's label)
from a settings block in every page, `<script id="__config" type="application/json">`. Each page
keeps only the words of the parts it has: search's where the page has search (the topics page),
the version menu's where the site has versions. On every other page they were 0.2 KB gzipped
that no reader ever saw.

Words of a part Material adds in a later version are kept: only the parts named here are
trimmed, each when its element is not on the page. With Material's instant navigation on, a page
keeps every word: its settings then serve the pages a reader moves to without a full load.
"""

import json
import re

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

SETTINGS = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)',
                      re.DOTALL)
# A part of Material's script: the beginning of its words' keys, and how to tell that the page
# (or the site) has it.
PARTS = {
    "search.": lambda html, settings: 'data-md-component="search"' in html,
    "select.version": lambda html, settings: settings.get("version") is not None,
}


def on_post_page(output, page, config, **kwargs):
    return with_words_it_uses(output, f"docs/{page.file.src_uri}")


def on_post_template(output_content, template_name, config, **kwargs):
    if not template_name.endswith(".html"):
        return output_content
    return with_words_it_uses(output_content, template_name)


def with_words_it_uses(html: str, where: str) -> str:
    match = SETTINGS.search(html)
    if not match:
        return html
    try:
        settings = json.loads(match[2])
    except json.JSONDecodeError as error:
        log.warning(f"{where}: Material's settings block is not JSON ({error}): a template that "
                    "overrides its 'config' block wrote it. Make that block write JSON.")
        return html
    words = settings.get("translations")
    if not isinstance(words, dict) or "navigation.instant" in (settings.get("features") or []):
        return html
    unused = [prefix for prefix, has_part in PARTS.items() if not has_part(html, settings)]
    settings["translations"] = {key: text for key, text in words.items()
                                if not any(key.startswith(prefix) for prefix in unused)}
    # As Material writes it: escaped so that no text in it can end the script element.
    return (html[:match.start()] + match[1] + str(htmlsafe_json_dumps(settings)) + match[3]
            + html[match.end():])
