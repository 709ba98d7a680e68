"""What the checks found during a build, gathered for the editors' report.

Hooks are separate modules, but they share this one, so each check records its findings here
and hooks/editors_report.py turns them into a page.
"""

pages = {}  # page src_uri -> {"grade": float, "smog": float, "flagged": [str, ...]}
unused_references = []


def reset():
    pages.clear()
    unused_references.clear()


def for_page(src_uri: str) -> dict:
    return pages.setdefault(src_uri, {"flagged": []})
