"""Topics A to Z: every page a reader might look for, in one plain list of links.

Search needs JavaScript, and pages that run none (exercises, the feelings guide) or a reader's
browser with it turned off show no search box. This page takes its place: the header links to
it wherever search is not there. It lists every page that search would list, by title, A to Z,
with its description. It is also where search lives (overrides/partials/header.html): other
pages' search button leads here with `?q=`, which has Material open search at once, so that no
other page loads the search index or its worker before a reader asks to search.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from labels import label
from support.generated_pages import generated_page
from support.html_text import plain
from support.page_types import UNINDEXED_TYPES, page_type

TOPICS_SOURCE = "topics.md"


@event_priority(-90)  # after the pages other hooks make, before the editors' report
def on_files(files, config, **kwargs):
    if files.get_file_from_path(TOPICS_SOURCE) is not None:
        raise PluginError(f"docs/{TOPICS_SOURCE}: this name is kept for the A to Z list of "
                          "topics, which the build writes itself. Rename or remove the file.")
    files.append(generated_page(config, files, TOPICS_SOURCE,
                                {"type": "topics", "title": label("topics_title"),
                                 "search": {"exclude": True},
                                 # Its text is other pages' titles and descriptions, each graded
                                 # on its own page.
                                 "readability": {"exempt": "a list of the site's pages"}},
                                "the topics page"))
    return files


def on_env(env, config, files, **kwargs):
    env.globals["topics_page"] = TOPICS_SOURCE
    env.globals["topics"] = lambda: topics(files)
    return env


def topics(files) -> list:
    """Every page search would list, A to Z by title."""
    pages = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri == TOPICS_SOURCE or page_type(page) in UNINDEXED_TYPES:
            continue
        search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        if not search.get("exclude"):
            pages.append(page)
    return sorted(pages, key=lambda page: plain(page.title).lower().lstrip("\"'“"))
