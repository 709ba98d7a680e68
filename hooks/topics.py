"""Topics A to Z: every page a reader might look for, in one plain list of links.

Search needs JavaScript, and pages that run none (exercises, the feelings guide) or a reader's
browser with it turned off show no search box. This page takes its place: the header links to
it wherever search is not there. It lists every page that search would list, by title, A to Z,
with its description. It is also where search lives (overrides/partials/header.html): other
pages' search button leads here with `?q=`, which has Material open search at once, so that no
other page loads the search index or its worker before a reader asks to search.

Each language has its own (`topics/`, and `es/topics/` for Spanish), which lists and searches
that language's pages (hooks/search_index.py writes each language's index): the two are
translations of each other, so a page's header leads to the one in its own language.
"""

from jinja2 import pass_context
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from labels import label
from support.generated_pages import generated_page
from support.html_text import plain
from support.languages import language_of
from support.page_types import UNINDEXED_TYPES, page_type
from support.state import build

TOPICS_SOURCE = "topics.md"


@event_priority(-90)  # after the pages other hooks make, before the editors' report
def on_files(files, config, **kwargs):
    for language in [build.language, *build.languages]:
        source = topics_source(language)
        if files.get_file_from_path(source) is not None:
            raise PluginError(f"docs/{source}: this name is kept for the A to Z list of "
                              "topics, which the build writes itself. Rename or remove the file.")
        files.append(generated_page(config, files, source,
                                    {"type": "topics",
                                     "title": label("topics_title", in_language=language),
                                     "search": {"exclude": True},
                                     # Its text is other pages' titles and descriptions, each
                                     # graded on its own page.
                                     "readability": {"exempt": "a list of the site's pages"}},
                                    "the topics page"))
    return files


def on_env(env, config, files, **kwargs):
    # After hooks/languages.py has recorded the translations (its on_env comes first).
    for language in build.languages:
        for one, other in ((TOPICS_SOURCE, topics_source(language)),
                           (topics_source(language), TOPICS_SOURCE)):
            build.translations.setdefault(one, {})[language_of(other)] = other
    env.globals["topics_page"] = TOPICS_SOURCE
    env.globals["topics"] = pass_context(lambda context: topics(files, context.get("page")))
    return env


def topics_source(language: str) -> str:
    return TOPICS_SOURCE if language == build.language else f"{language}/{TOPICS_SOURCE}"


def topics(files, on_page) -> list:
    """Every page search would list in the language of `on_page`, A to Z by title."""
    pages, language = [], language_of(on_page)
    for file in files.documentation_pages():
        page = file.page
        if page is None or page_type(page) in UNINDEXED_TYPES or page_type(page) == "topics" \
                or language_of(page) != language:
            continue
        search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        if not search.get("exclude"):
            pages.append(page)
    return sorted(pages, key=lambda page: plain(page.title).lower().lstrip("\"'“¿¡"))
