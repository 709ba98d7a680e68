"""The editors' report: one page, outside the main navigation, that lists every page with its
author, review status, reading grade and flagged phrases, every translation whose original has
changed since it was made, and every unused reference.

The checks record what they find in the build's shared state (hooks/support/report.py); this
hook turns it into the page
`editors-report/`, rendered by overrides/editors-report.html.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support import report
from support.checks import checks_enabled
from support.generated_pages import generated_page
from support.languages import language_of
from support.page_types import DEFAULT_TYPE
from support.state import build

REPORT_SOURCE = "editors-report.md"
REPORT_PAGE = {"type": "editors-report", "title": "Editors' report", "search": {"exclude": True}}


@event_priority(-100)  # last: the report is written after every page it reports on
def on_files(files, config, **kwargs):
    if files.get_file_from_path(REPORT_SOURCE) is not None:
        raise PluginError(f"docs/{REPORT_SOURCE}: this name is kept for the editors' report, "
                          "which the build writes itself. Rename or remove the file.")
    files.append(generated_page(config, files, REPORT_SOURCE, REPORT_PAGE, "the editors' report"))
    return files


@event_priority(-50)  # after every hook's on_env, so that every finding is in
def on_env(env, config, files, **kwargs):
    rows = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri == REPORT_SOURCE:
            continue
        findings = report.for_page(file.src_uri)
        rows.append({
            "page": page,
            "type": page.meta.get("type", DEFAULT_TYPE),
            "language": language_of(page),
            "translation": _translation(files, findings.get("translation")),
            "author": page.meta.get("author"),
            "review": findings.get("review"),
            # Grades and flagged phrases come as each page is written; this page is written
            # last (its hook comes last), so the template reads them then.
            "findings": findings,
            "exempt": (page.meta.get("readability") or {}).get("exempt")
            if isinstance(page.meta.get("readability"), dict) else None,
        })
    env.globals["editors_report"] = {
        "checks_on": checks_enabled(),
        "rows": sorted(rows, key=lambda row: row["page"].url),
        "outdated": [row for row in sorted(rows, key=lambda row: row["page"].url)
                     if row["translation"] and row["translation"]["outdated"]],
        "unused_references": list(build.unused_references),
    }
    return env


def _translation(files, found) -> dict | None:
    """A translation's original (its page) and whether it has changed since, for the report."""
    if not found:
        return None
    return {**found, "original": files.get_file_from_path(found["of"]).page}
