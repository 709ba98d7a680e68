"""The steps of a guide or exercise, as readers and clinicians see them: anchor, heading and
short link. Which parts of a page are steps is decided once, by hooks/short_links.py, which
also gives each its short link (build.steps_by_page)."""

from markupsafe import Markup

from support.state import build
from support.trees import every_item


def page_steps(page) -> list[dict]:
    """[{"anchor", "title", "address", "short_link"}] for each step of `page`, in order."""
    titles = {item.id: Markup(item.title) for item in every_item(page.toc)}  # HTML already
    exercise = page.meta.get("exercise")
    if isinstance(exercise, dict):
        titles.update({section["id"]: section.get("heading", section["id"])
                       for section in exercise.get("sections") or []
                       if isinstance(section, dict) and isinstance(section.get("id"), str)})
    return [{"anchor": anchor, "title": titles.get(anchor, anchor),
             "address": f"{page.canonical_url}#{anchor}", "short_link": short_link}
            for anchor, short_link in build.steps_by_page.get(page.file.src_uri, [])]
