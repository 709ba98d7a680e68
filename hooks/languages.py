"""Pages in more than one language, in one build (support/languages.py says how a page's
language is known). Each page gets its language's menu, site name, Material's words and the
engine's; a page and its translation link to each other; and a translation whose original has
changed since it was made says so, to the reader, in the build log and in the editors' report.

A translation names its original and the original's fingerprint (the editors' report lists
every page's) in its front matter:

    translation:
      of: help.md                   # the page it translates
      fingerprint: "0123456789ab"   # the original's fingerprint when it was translated
      by: editorial-team            # who translated it (docs/_data/authors.yml)
      review:                       # once a clinician who speaks its language has read it
        by: a-reviewer              # (docs/_data/authors.yml)
        date: 2027-01-15

Until a review is recorded, the page says that no clinician who speaks its language has
reviewed this translation. A page with a byline (an article, a guide, an exercise) has its own
`review:` for that, as every such page does, and no `review:` in its record.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import escape
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from authors import FINGERPRINT, in_language, review_problems, review_status
from labels import label
from support import report
from support.checks import checks_enabled
from support.fingerprint import text_fingerprint
from support.languages import language_name, language_of
from support.page_types import AUTHORED_TYPES, page_type
from support.source import find_line, where
from support.state import build

log = get_plugin_logger(__name__)

RECORD = {"of", "fingerprint", "by"}
RECORD_MAY_HAVE = {"review"}
HOW = ("Write it as three indented lines under 'translation:': 'of: <the original's file under "
       "docs/>', 'fingerprint: \"<the original's fingerprint, from the editors' report>\"' "
       "and 'by: <who translated it, from docs/_data/authors.yml>'.")

_navs: dict = {}          # language -> its menu
_files_by_src: dict = {}  # src_uri -> File, of the pages


def on_config(config, **kwargs):
    _navs.clear()
    return config


@event_priority(-110)  # after every hook has added the pages it makes (the topics pages…)
def on_files(files, config, **kwargs):
    _files_by_src.clear()
    _files_by_src.update({file.src_uri: file for file in files.documentation_pages()})
    return files


@event_priority(-50)  # after the titles are escaped (hooks/escaping.py)
def on_nav(nav, config, files, **kwargs):
    if not build.languages:
        return nav
    for language in [build.language, *build.languages]:
        _navs[language] = nav_in(nav, language, files)
    return nav


def on_page_content(html, page, config, files, **kwargs):
    """Markdown gives every heading's link one title for the whole site (the toc extension's
    `permalink_title`); each page's becomes the engine's words for it in the page's language."""
    written = (config["mdx_configs"].get("toc") or {}).get("permalink_title")
    wanted = label("section_link", in_language=language_of(page))
    if not written or written == wanted:
        return html
    return re.sub(rf'(<a class="headerlink" href="[^"]*" title="){re.escape(str(escape(written)))}"',
                  lambda match: f'{match.group(1)}{wanted}"', html)


@event_priority(10)  # before the hooks that list pages with their translations (clinician_links)
def on_env(env, config, files, **kwargs):
    build.translation_of.clear()
    build.translations.clear()
    for file in files.documentation_pages():
        page = file.page
        if page is not None and "translation" in page.meta:
            record_translation(page, files, config)
    env.globals["language_of"] = language_of
    env.globals["languages_of"] = languages_of
    return env


def languages_of(page) -> list[dict]:
    """[{"language", "address"}] of a page that has translations, itself included (for the
    sitemap); [] for a page that has none."""
    others = build.translations.get(page.file.src_uri, {})
    if not others:
        return []
    pages = [page] + [_files_by_src[src].page for src in others.values()]
    return sorted(({"language": language_of(one), "address": one.canonical_url} for one in pages),
                  key=lambda entry: entry["language"])


def on_page_context(context, page, config, nav, **kwargs):
    language = language_of(page)
    context["page_language"] = language
    if language in _navs:
        context["nav"] = _navs[language]
    settings = build.languages.get(language, {})
    changed = {key: escape(settings[key]) for key in ("site_name", "copyright") if settings.get(key)}
    if changed:
        context["config"] = ConfigInLanguage(config, **changed)
    context["page_translations"] = [
        {"language": other, "url": page_at(src).url}
        for other, src in sorted(build.translations.get(page.file.src_uri, {}).items())]
    context["page_translation"] = translation_context(page, config)
    return context


def record_translation(page, files, config):
    """Check a translation's record, and note it (both ways) when it holds."""
    record = page.meta["translation"]
    line = find_line(page, "translation:")
    problems = record_problems(page, record, files)
    if not problems and "review" in record:
        problems = [f"translation: {problem}" for problem in review_problems(record["review"])]
        if page_type(page) in AUTHORED_TYPES:
            problems = ["'translation:' has a 'review:', but this page's own 'review:' is the "
                        "review of this translation. Move the reviewer and date there."]
    if problems:
        if checks_enabled():
            for problem in problems:
                log.warning(f"{where(page, line)}: {problem}")
        return
    original = files.get_file_from_path(record["of"]).page
    now = text_fingerprint(original)
    outdated = record["fingerprint"] != now
    steps = [anchor for anchor, _ in build.steps_by_page.get(page.file.src_uri, [])]
    wanted = [anchor for anchor, _ in build.steps_by_page.get(original.file.src_uri, [])]
    if steps != wanted and checks_enabled():
        # A step's address then differs between languages only by the language's folder. While
        # the original has changed since (a step renamed there), that is part of the update the
        # note below asks for, not a failure.
        (log.info if outdated else log.warning)(
            f"{where(page, line)}: the steps of this translation are "
            f"{', '.join(steps) or 'none'}, and those of docs/{original.file.src_uri} are "
            f"{', '.join(wanted) or 'none'}. Give each step the same {{#step-…}} anchor as its "
            "original's, in the same order.")
    build.translation_of[page.file.src_uri] = {
        "of": original.file.src_uri, "fingerprint": record["fingerprint"], "now": now,
        "outdated": outdated, "by": record["by"],
        # A page with a byline has its own review (hooks/authors.py); this is the others'.
        "review": None if page_type(page) in AUTHORED_TYPES else
        review_status(record.get("review"), config, text_fingerprint(page))}
    for one, other in ((page, original), (original, page)):
        build.translations.setdefault(one.file.src_uri, {})[language_of(other)] = \
            other.file.src_uri
    report.for_page(page.file.src_uri)["translation"] = {
        "of": original.file.src_uri, "outdated": outdated, "now": now}
    if outdated:
        # A note, not a warning: the translation still serves its readers, and it says so.
        log.info(f"{where(page, line)}: docs/{original.file.src_uri} has changed since this "
                 f"translation was made from it (fingerprint {record['fingerprint']}, now {now}). "
                 f"Bring the translation up to date, then set 'fingerprint: \"{now}\"'.")


def record_problems(page, record, files) -> list[str]:
    """What is wrong with a page's `translation:` record, each with how to fix it."""
    if not isinstance(record, dict):
        return [f"'translation:' is not a translation record. {HOW}"]
    problems = [f"'translation:' has an unknown field '{field}'. {HOW}"
                for field in map(str, record) if field not in RECORD | RECORD_MAY_HAVE]
    problems += [f"'translation:' has no '{field}:'. {HOW}"
                 for field in sorted(RECORD - set(map(str, record)))]
    if problems:
        return problems
    of = str(record["of"])
    file = files.get_file_from_path(of)
    if file is None or file.page is None:
        return [f"'of: {of}' is not a page of this site. Write the path of the original's "
                "Markdown file under docs/, for example 'help.md'."]
    if file.page is page or language_of(file.page) == language_of(page):
        return [f"'of: {of}' is in this page's own language ({language_of(page)}). A "
                "translation names the page in another language that it translates."]
    if "translation" in file.page.meta:
        return [f"'of: {of}' is itself a translation. Name the page it was translated from."]
    fingerprint = text_fingerprint(file.page)
    if not isinstance(record["fingerprint"], str) or \
            not FINGERPRINT.fullmatch(record["fingerprint"]):
        return [f"'fingerprint: {record['fingerprint']}' is not a page's fingerprint. If this "
                f"translation is up to date with docs/{of}, write 'fingerprint: "
                f"\"{fingerprint}\"'."]
    if record["by"] not in build.authors:
        return [f"'by: {record['by']}': there is no such author in docs/_data/authors.yml. Use "
                f"one of: {', '.join(sorted(build.authors))}."]
    for src, known in build.translation_of.items():
        if known["of"] == file.src_uri and language_of(src) == language_of(page):
            return [f"docs/{src} is already the {language_of(page)} translation of docs/{of}. "
                    "A page has one translation per language: remove one record."]
    return []


def translation_context(page, config) -> dict | None:
    """What the page says about being a translation: who made it, whether a clinician who speaks
    its language has reviewed it, and whether its original has changed since."""
    known = build.translation_of.get(page.file.src_uri)
    if known is None:
        return None
    original = page_at(known["of"])
    language = language_of(page)
    author = in_language(build.authors.get(known["by"]), language)
    return {
        "by": author,
        "review": known["review"],
        "outdated": known["outdated"],
        "original_url": original.url,
        "original_language": language_of(original),
        # The original's language, and this page's, named in this page's language.
        "original_language_name": language_name(language_of(original), language),
        "language_name": language_name(language, language),
    }


def page_at(src_uri: str) -> Page:
    return _files_by_src[src_uri].page


def nav_in(nav, language: str, files) -> Navigation:
    """The menu of `language`: the site's menu with only that language's pages (and sections
    that keep some). When all that is left is one section, its pages are the menu."""
    items = [kept for kept in (_item_in(item, language) for item in nav.items) if kept]
    if len(items) == 1 and isinstance(items[0], Section):
        items = items[0].children
    pages = [item for item in _walk(items) if isinstance(item, Page)]
    menu = Navigation(items, pages)
    home = _files_by_src.get(posixpath.join(language, "index.md")) \
        if language != build.language else None
    menu.homepage = home.page if home is not None else nav.homepage
    for number, page in enumerate(pages):
        page.previous_page = pages[number - 1] if number else None
        page.next_page = pages[number + 1] if number + 1 < len(pages) else None
    return menu


def _item_in(item, language: str):
    if isinstance(item, Page):
        return item if language_of(item) == language else None
    if isinstance(item, Link):
        return item if language == build.language else None
    children = [kept for kept in (_item_in(child, language) for child in item.children) if kept]
    return SectionInLanguage(item, children) if children else None


def _walk(items):
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)


class SectionInLanguage(Section):
    """A section of one language's menu: MkDocs marks the site menu's own section active when
    one of its pages is shown, and this one follows it."""

    def __init__(self, original: Section, children: list):
        self._original = original
        super().__init__(original.title, children)

    @property
    def active(self) -> bool:
        return self._original.active

    @active.setter
    def active(self, value):
        pass  # MkDocs sets it on the site menu's section


class ConfigInLanguage:
    """The site's configuration as a page in another language sees it: its own site name and
    footer line (Material's templates read `config.site_name` and `config.copyright`);
    everything else is the site's."""

    def __init__(self, config, **changed):
        self._config, self._changed = config, changed

    def __getattr__(self, name):
        return self._changed[name] if name in self._changed else getattr(self._config, name)

    def __getitem__(self, key):
        return self._changed[key] if key in self._changed else self._config[key]

    def __contains__(self, key):
        return key in self._config

    def get(self, key, default=None):
        return self._changed.get(key, self._config.get(key, default))
