"""Search finds what a reader sees, and a reader in crisis finds help first.

Material's search indexes each page's Markdown text. Pages whose text comes from data through
their layout (the help lines, the feelings guide, exercises) would be found by their title
alone, or not at all. So, once the site is written:

- the finished text of those pages replaces (or adds) their entry in search/search_index.json;
- words a page lists in its front matter `search_terms:` (the help page lists crisis words such
  as "suicide" or "988") go into the entry's tags, which Material's search weighs above titles,
  so those searches put that page first;
- "no results" says where help is, in the engine's words (label `search_no_results`);
- each further language gets its own index of its own pages (`es/search/search_index.json`),
  which the search on its topics page reads (its settings' `base` is the language's folder),
  with Material's word rules for that language; the site's index keeps the first language's.

Without JavaScript there is no search at all; hooks/topics.py makes the A to Z list of pages
that takes its place.
"""

import json
from pathlib import Path

from markupsafe import escape
from mkdocs.plugins import event_priority

from labels import label
from support.languages import language_of
from support.html_text import ENGINE_PARTS, main_content, plain, script_json, visible_text
from support.page_types import DATA_TEXT_TYPES, page_type
from support.state import build

SKIPPED_CLASSES = ENGINE_PARTS | {"headerlink"}
CONFIG_BLOCK = '<script id="__config" type="application/json">'
SEARCH_HERE = 'data-md-component="search"'  # Material's search box (the topics page has it)

_entries = {}  # page URL -> {"title", "text", "tags"}


def on_config(config, **kwargs):
    _entries.clear()
    return config


def on_post_page(output, page, config, **kwargs):
    search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    terms = [str(term) for term in page.meta.get("search_terms") or []]
    # A page left out of the index may still offer search (the topics page does).
    if not search.get("exclude") and (page_type(page) in DATA_TEXT_TYPES or terms):
        text = visible_text(main_content(output), skip_tags={"script", "style", "svg"},
                            skip_classes=SKIPPED_CLASSES)
        _entries[page.url] = {"title": str(escape(plain(page.title))),
                              "text": str(escape(" ".join(text.split()))), "tags": terms}
    return _search_settings(output, language_of(page))


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config, **kwargs):
    index_path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for url, entry in _entries.items():
        doc = by_location.get(url)
        if doc is None:
            doc = {"location": url, "title": entry["title"], "text": ""}
            index["docs"].append(doc)
        doc["text"] = entry["text"]
        if entry["tags"]:
            doc["tags"] = entry["tags"]
    for code in build.languages:
        _write(Path(config["site_dir"]) / code / "search" / "search_index.json",
               index_in_language(index, code))
    index["docs"] = [doc for doc in index["docs"] if language_of(doc["location"]) == build.language]
    _write(index_path, index)


def index_in_language(index: dict, code: str) -> dict:
    """The index of one further language's pages, their addresses from its folder."""
    prefix = f"{code}/"
    return {"config": {**index["config"], "lang": [code]},
            "docs": [{**doc, "location": doc["location"][len(prefix):]}
                     for doc in index["docs"] if doc["location"].startswith(prefix)]}


def _write(path: Path, index: dict):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


def _search_settings(output: str, language: str) -> str:
    """Material's "No matching documents" becomes the engine's words, which point to help; and
    search on a page in a further language reads that language's index, from its folder."""
    start = output.find(CONFIG_BLOCK)
    if start == -1:
        return output
    start += len(CONFIG_BLOCK)
    end = output.find("</script>", start)
    settings = json.loads(output[start:end])
    translations = settings.get("translations") or {}
    if "search.result.none" not in translations:
        return output
    translations["search.result.none"] = plain(label("search_no_results", in_language=language))
    if language != build.language and SEARCH_HERE in output:
        settings["base"] = f"{settings['base'].rstrip('/')}/{language}/"
    return output[:start] + str(script_json(settings)) + output[end:]
