"""Article series: previous and next links from front matter.

A page joins a series with `series: <name>` and `series_part: <number>`; the template shows
links to the parts before and after it. Two pages claiming the same part is an error.
"""

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled

log = get_plugin_logger(__name__)

_neighbours = {}


def on_env(env, config, files, **kwargs):
    _neighbours.clear()
    series = {}
    for file in files.documentation_pages():
        page = file.page
        if page is None or "series" not in page.meta:
            continue
        part = page.meta.get("series_part")
        if not isinstance(part, int) or isinstance(part, bool):
            if checks_enabled():
                log.warning(
                    f"docs/{file.src_uri}: 'series_part' must be a whole number (1, 2, 3…) "
                    f"giving the page's place in the series '{page.meta['series']}'."
                )
            continue
        series.setdefault(str(page.meta["series"]), {}).setdefault(part, []).append(page)
    for name, parts in series.items():
        ordered = []
        for part in sorted(parts):
            pages = parts[part]
            if len(pages) > 1 and checks_enabled():
                others = ", ".join(f"docs/{p.file.src_uri}" for p in pages)
                log.warning(
                    f"{others}: these pages are all part {part} of the series '{name}'. Give "
                    "each page its own 'series_part' number."
                )
            ordered.append(pages[0])
        for index, page in enumerate(ordered):
            _neighbours[page.file.src_uri] = {
                "name": name,
                "previous": ordered[index - 1] if index > 0 else None,
                "next": ordered[index + 1] if index + 1 < len(ordered) else None,
            }
    return env


def on_page_context(context, page, config, nav, **kwargs):
    context["page_series"] = _neighbours.get(page.file.src_uri)
    return context
