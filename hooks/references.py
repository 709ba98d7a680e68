"""Citations and sources.

The bibliography is data (docs/_data/references.yml). A page cites entries by key in
Pandoc's style, `[@gilbert-2009]` or `[@gilbert-2009; @longe-2010]`, which becomes a short
author-year marker linking to the page's "Sources" list. The list itself is rendered by the
page's template from exactly the keys the page cites, so the two can never disagree.
"""

import re

from mkdocs.plugins import get_plugin_logger

from support.data_files import load_data_file

log = get_plugin_logger(__name__)

CITATION = re.compile(r"\[(@[\w-]+(?:\s*;\s*@[\w-]+)*)\]")
_references = {}
_cited_by_page = {}


def on_config(config, **kwargs):
    _references.clear()
    _references.update(load_data_file(config, "references"))
    for key, entry in _references.items():
        if isinstance(entry, dict):
            entry.setdefault("key", key)
    _cited_by_page.clear()
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    cited = []

    def replace(match):
        keys = [key.strip().lstrip("@") for key in match.group(1).split(";")]
        line = markdown.count("\n", 0, match.start()) + 1 + _front_matter_lines(page)
        markers = []
        for key in keys:
            if key not in _references:
                log.warning(
                    f"docs/{page.file.src_uri}, line {line}: the citation '@{key}' is not in "
                    "docs/_data/references.yml. Check the spelling of the key, or add the "
                    "source to that file."
                )
                continue
            if key not in cited:
                cited.append(key)
            markers.append(
                f'<a class="citation" href="#source-{key}">{short_label(_references[key])}</a>'
            )
        return f'<span class="citations">({"; ".join(markers)})</span>' if markers else ""

    markdown = CITATION.sub(replace, markdown)
    _cited_by_page[page.file.src_uri] = cited
    return markdown


def on_env(env, config, files, **kwargs):
    cited_by = {key: [] for key in _references}
    for file in files.documentation_pages():
        for key in _cited_by_page.get(file.src_uri, []):
            cited_by[key].append(file.page)
    env.globals["bibliography"] = [
        dict(entry, cited_by=cited_by[key])
        for key, entry in sorted(_references.items(), key=lambda item: _sort_key(item[1]))
    ]
    return env


def on_page_context(context, page, config, nav, **kwargs):
    context["page_sources"] = [_references[key] for key in _cited_by_page.get(page.file.src_uri, [])]
    return context


def short_label(entry) -> str:
    """Author-year label: "Gilbert, 2009", "Neff & Germer, 2013", "Longe et al., 2010"."""
    surnames = [str(name).split(",")[0].strip() for name in entry.get("authors") or []]
    year = entry.get("year", "n.d.")
    if len(surnames) == 1:
        names = surnames[0]
    elif len(surnames) == 2:
        names = f"{surnames[0]} &amp; {surnames[1]}"
    elif surnames:
        names = f"{surnames[0]} et al."
    else:
        names = "Unknown"
    return f"{names}, {year}"


def _sort_key(entry):
    first_author = (entry.get("authors") or [""])[0]
    return (str(first_author).lower(), str(entry.get("year", "")))


def _front_matter_lines(page) -> int:
    """How many lines the front matter took, so that line numbers match the file."""
    source = getattr(page, "_source_lines_before_markdown", None)
    if source is None:
        text = page.file.content_string
        source = 0
        if text.startswith("---"):
            end = text.find("\n---", 3)
            if end != -1:
                source = text.count("\n", 0, end) + 2
        page._source_lines_before_markdown = source
    return source
