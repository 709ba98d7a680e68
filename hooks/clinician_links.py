"""The list on the clinicians' page (`type: clinicians`): every article, guide and exercise
with its full address, short link and step anchors, built from the site itself so that it can
never fall out of date."""

from labels import label
from support.page_types import page_type
from support.state import build
from support.trees import every_item

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
            "steps": [{"title": title, "address": f"{site_url}{page.url}#{anchor}",
                       "short_link": short_links.get(f"{page.url}#{anchor}")}
                      for anchor, title in _steps(page)],
        })
    env.globals["clinician_pages"] = {label(key): pages for key, pages in groups.items()
                                      if pages}
    return env


def _steps(page):
    """(anchor, heading) of each step: Markdown headings and exercise sections alike."""
    steps = [(item.id, item.title) for item in every_item(page.toc) if item.id.startswith("step-")]
    exercise = page.meta.get("exercise")
    if isinstance(exercise, dict):
        steps += [(section["id"], section.get("heading", section["id"]))
                  for section in exercise.get("sections") or []
                  if isinstance(section, dict) and str(section.get("id", "")).startswith("step-")]
    return steps

