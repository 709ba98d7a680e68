"""What the checks found during a build, gathered for the editors' report.

Each check records its findings for a page here (in the build's shared state), and
hooks/editors_report.py turns them into a page.
"""

from support.state import build


def for_page(src_uri: str) -> dict:
    return build.findings.setdefault(src_uri, {"flagged": []})
