"""Values from front matter, data files, configuration and the environment reach a page as text,
never as markup.

- The engine's own templates (every file in the theme's custom_dir, overrides/) are compiled
  with Jinja's autoescape on, so every value they print is escaped for where it lands (element
  text or a quoted attribute). HTML the engine builds itself is marked safe where it is made:
  the page's rendered Markdown (`page.content | safe`), labels, macros and the hooks' own markup.
- Material's templates print page titles, navigation section titles, the site's name and the
  copyright line without escaping them. Those values are escaped here, once, before any template
  sees them, as markupsafe.Markup, which autoescaped templates do not escape a second time.
- Material's `striptags` filter turns escaped text back into markup, so overrides/main.html
  replaces the one block (htmltitle) that applies it to a title.

Python code that needs a title as plain text (JSON-LD, messages) uses support.html_text.plain.
"""

from html import unescape
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Link, Section

from support.html_text import plain
from support.trees import every_item


@event_priority(100)  # before any hook or template uses these values
def on_config(config, **kwargs):
    config["site_name"] = escape(plain(config["site_name"]))
    if config.get("copyright"):
        config["copyright"] = escape(plain(config["copyright"]))
    return config


def on_env(env, config, files, **kwargs):
    engine_templates = _engine_templates(config)
    env.autoescape = lambda name: name in engine_templates
    return env


def on_nav(nav, config, files, **kwargs):
    for item in every_item(nav.items):
        if isinstance(item, (Section, Link)) and item.title:
            item.title = escape(plain(item.title))
    return nav


@event_priority(100)  # before the search index and any template reads the title
def on_page_content(html, page, config, files, **kwargs):
    page.title = escape(title_text(page))
    if "title" in page.meta:
        # Material's search index reads the front matter title itself.
        page.meta["title"] = page.title
    return html


def title_text(page) -> str:
    """The page's title as plain text, wherever it came from.

    A front matter or navigation title is plain text already; a title MkDocs took from the
    page's first heading is HTML text, with entities such as &lt; still in it.
    """
    title = page.title
    if isinstance(title, Markup):
        return title.unescape()
    if title is None:
        return ""
    from_heading = "title" not in page.meta and getattr(page, "_title_from_render", None) == title
    return unescape(title) if from_heading else str(title)


def _engine_templates(config) -> set:
    custom_dir = config["theme"].custom_dir
    if not custom_dir:
        return set()
    root = Path(custom_dir)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}

