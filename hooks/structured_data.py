"""Structured data for search engines and link previews: schema.org JSON-LD (a MedicalWebPage
with its author and, where one is recorded, its clinical review) for authored pages."""

from authors import in_language
from support import report
from support.html_text import plain, script_json
from support.languages import language_of, practice_name
from support.page_types import AUTHORED_TYPES, page_type
from support.state import build


def on_page_context(context, page, config, nav, **kwargs):
    if page_type(page) not in AUTHORED_TYPES:
        return context
    key = page.meta.get("author")
    language = language_of(page)
    author = in_language(build.authors.get(key), language) if isinstance(key, str) else None
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": plain(page.title),
        "url": page.canonical_url,
        "inLanguage": language,
        "publisher": {"@type": "Organization", "name": practice_name(config, language)},
    }
    if page.meta.get("description"):
        data["description"] = " ".join(str(page.meta["description"]).split())
    if author:
        data["author"] = _agent(author)
    for key, field in (("date", "datePublished"), ("updated", "dateModified")):
        if page.meta.get(key):
            data[field] = str(page.meta[key])
    review = report.for_page(page.file.src_uri).get("review") or {}
    if review.get("state") in ("reviewed", "due"):
        data["reviewedBy"] = _agent(review["reviewer"])
        data["lastReviewed"] = review["date"].isoformat()
    context["json_ld"] = script_json(data)
    return context


def _agent(person) -> dict:
    if person.get("kind") == "person":
        agent = {"@type": "Person", "name": person["name"]}
        if person.get("credentials"):
            agent["jobTitle"] = person["credentials"]
        return agent
    return {"@type": "Organization", "name": person["name"]}
