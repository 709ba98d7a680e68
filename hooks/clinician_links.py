"""The list on the clinicians' page (`type: clinicians`): every article, guide and exercise
with its full address, short link and step anchors, built from the site itself so that it can
never fall out of date."""

from handouts import handout_name
from labels import label
from support.page_types import PAGE_TYPES, page_type
from support.state import build
from support.steps import page_steps

# The kinds of page a clinician sends to clients, in the order the list shows them.
# Each kind's heading is a label (hooks/labels/).
LISTED = {"article": "clinicians_articles", "guide": "clinicians_guides",
          "exercise": "clinicians_exercises", "feelings": "clinicians_exercises"}


def on_env(env, config, files, **kwargs):
    site_url = config["site_url"] or "/"
    short_links = build.short_links_by_target
    groups = {heading: [] for heading in dict.fromkeys(LISTED.values())}
    for file in files.documentation_pages():
        page = file.page
        kind = page_type(page) if page else None
        if kind not in LISTED or (kind == "feelings" and page.meta.get("group")):
            continue
        groups[LISTED[kind]].append({
            "title": page.title,
            "address": site_url + page.url,
            "short_link": short_links.get(page.url),
            "steps": page_steps(page),
            "note": page.meta.get("for_clinicians"),
            "pdf": page.url + handout_name(page) if config["extra"]["handouts"] and
            PAGE_TYPES[kind].get("handout") else None,
        })
    env.globals["clinician_pages"] = {label(key): pages for key, pages in groups.items()
                                      if pages}
    return env

