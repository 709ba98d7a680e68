"""The list on the clinicians' page (`type: clinicians`): every article, guide and exercise
with its full address, short link and step anchors, built from the site itself so that it can
never fall out of date. Each language's clinicians' page lists the pages in its language, each
with the address and short link of the same page in the site's other languages under it, so
that a clinician can send a client the page in the client's language."""

from handouts import handout_name
from labels import label
from support.languages import language_name, language_of
from support.page_types import PAGE_TYPES, page_type
from support.state import build
from support.steps import page_steps

# The kinds of page a clinician sends to clients, in the order the list shows them.
# Each kind's heading is a label (hooks/labels/).
LISTED = {"article": "clinicians_articles", "guide": "clinicians_guides",
          "exercise": "clinicians_exercises", "feelings": "clinicians_exercises"}


def on_env(env, config, files, **kwargs):
    env.globals["clinician_pages_by_language"] = {
        language: pages_in(files, config, language)
        for language in [build.language, *build.languages]}
    return env


def pages_in(files, config, language: str) -> dict:
    """{heading, in `language`: [the listed pages in that language]}."""
    site_url = config["site_url"] or "/"
    short_links = build.short_links_by_target
    groups = {heading: [] for heading in dict.fromkeys(LISTED.values())}
    for file in files.documentation_pages():
        page = file.page
        kind = page_type(page) if page else None
        if kind not in LISTED or (kind == "feelings" and page.meta.get("group")) or \
                language_of(page) != language:
            continue
        groups[LISTED[kind]].append({
            "title": page.title,
            "address": site_url + page.url,
            "short_link": short_links.get(page.url),
            "steps": page_steps(page),
            "note": page.meta.get("for_clinicians"),
            "pdf": page.url + handout_name(page) if config["extra"]["handouts"] and
            PAGE_TYPES[kind].get("handout") else None,
            "translations": [translation(files, page, src, site_url) for _, src in
                             sorted(build.translations.get(file.src_uri, {}).items())],
        })
    return {label(key, in_language=language): pages for key, pages in groups.items() if pages}


def translation(files, listed, src_uri: str, site_url: str) -> dict:
    """The same page as a listed one, in another language: its language (named in the listed
    page's), title, address and short link."""
    page = files.get_file_from_path(src_uri).page
    language = language_of(page)
    return {"language": language, "language_name": language_name(language, language_of(listed)),
            "title": page.title, "address": site_url + page.url,
            "short_link": build.short_links_by_target.get(page.url)}
