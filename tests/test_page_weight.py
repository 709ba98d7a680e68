"""Bytes per page against the first round trip of a new connection: TCP's initial window of 10
segments carries about 14 KB (14,600 bytes). Every page's render-blocking bytes (its HTML and the
style sheets that apply on screen, gzipped as GitHub Pages sends them) fit in it, and a page that
runs no script fetches no more than that in all. Bytes do not vary from run to run, so these are
tests; tests/benchmarks/page_weight.py measures the same in a browser.

A page that does not fit yet (a long article, say) is listed with its bytes today in the site's
tests/site/page-weight-budget.yml: it may shrink, never grow, and leaves the list once it fits."""

import gzip
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from conftest import REDIRECT, SITE_PROJECT, all_page_paths, read_html

WINDOW = 14_600  # bytes: 10 segments of 1,460
BUDGET = SITE_PROJECT / "tests" / "site" / "page-weight-budget.yml"
FETCHED = re.compile(r'<(?:link rel="(?:stylesheet|icon)" href|img\b[^>]*\bsrc)="(?P<href>[^"]+)"'
                     r'(?: media="(?P<media>[^"]+)")?')
BLOCKS_ON_SCREEN = (None, "all", "screen")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def page_file(site: Path, path: str) -> Path:
    return site / path.lstrip("/") if path.endswith(".html") else site / path.lstrip("/") / "index.html"


def weights(site: Path, path: str) -> dict:
    """{"blocking": HTML and the sheets that apply on screen, "total": all it fetches}, gzipped."""
    file = page_file(site, path)
    html = file.read_text(encoding="utf-8")
    blocking = total = gzipped(html.encode())
    for match in FETCHED.finditer(html):
        href = match["href"]
        if href.startswith("data:"):
            continue
        target = site / href.lstrip("/") if href.startswith("/") else \
            Path(posixpath.normpath(file.parent / href.split("#")[0]))
        size = gzipped(target.read_bytes())
        total += size
        if match[0].startswith('<link rel="stylesheet"') and match["media"] in BLOCKS_ON_SCREEN:
            blocking += size
    return {"blocking": blocking, "total": total}


@pytest.fixture(scope="module")
def measured(site):
    paths = [path for path in all_page_paths(site) if not read_html(site, path).select_one(REDIRECT)]
    return {path: {**weights(site, path),
                   "scripts": bool(read_html(site, path).select_one("script[src]"))}
            for path in paths}


@pytest.fixture(scope="module")
def budget():
    if not BUDGET.is_file():
        return {"render_blocking": {}, "script_free_total": {}}
    data = yaml.safe_load(BUDGET.read_text(encoding="utf-8")) or {}
    return {key: data.get(key) or {} for key in ("render_blocking", "script_free_total")}


def over_the_window(pages: dict, allowed: dict, what: str) -> list[str]:
    problems = []
    for path, size in pages.items():
        limit = allowed.get(path)
        if limit is None and size > WINDOW:
            problems.append(f"{path}: {what} {size:,} bytes, over the 14 KB window ({WINDOW:,}). "
                            "Make it lighter, or record it in tests/site/page-weight-budget.yml "
                            "with its bytes and why.")
        elif limit is not None and size > limit:
            problems.append(f"{path}: {what} {size:,} bytes, more than the {limit:,} recorded in "
                            "tests/site/page-weight-budget.yml. Make it lighter again.")
        elif limit is not None and size <= WINDOW:
            problems.append(f"{path}: {what} {size:,} bytes, within the window now: take it out "
                            "of tests/site/page-weight-budget.yml, so it stays there.")
    problems += [f"{path}: listed in tests/site/page-weight-budget.yml, but the site has no such "
                 "page. Take it out." for path in set(allowed) - set(pages)]
    return problems


def test_every_page_paints_after_one_round_trip_of_render_blocking_bytes(measured, budget):
    blocking = {path: row["blocking"] for path, row in measured.items()}
    assert over_the_window(blocking, budget["render_blocking"], "renders after") == []


def test_a_page_that_runs_no_script_fetches_one_round_trip_of_bytes_in_all(measured, budget):
    totals = {path: row["total"] for path, row in measured.items() if not row["scripts"]}
    assert over_the_window(totals, budget["script_free_total"], "fetches") == []


def test_the_help_page_fits_the_first_round_trip_with_all_it_fetches(site, measured, budget):
    # The page a reader in crisis opens (the header's help link) is never on the budget list.
    link = read_html(site, "/").select_one("a.site-help-link")
    assert link is not None, "the home page has no help link in its header"
    path = "/" + posixpath.normpath(link["href"]).strip("./") + "/"
    assert measured[path]["total"] <= WINDOW, (path, measured[path])
    assert path not in budget["render_blocking"] and path not in budget["script_free_total"]


def test_the_weight_check_counts_every_sheet_the_page_waits_for(tmp_path):
    # Broken example: a page with a blocking sheet and a print sheet.
    (tmp_path / "page").mkdir()
    (tmp_path / "a.css").write_text("body{color:red}" * 50)
    (tmp_path / "p.css").write_text("body{color:blue}" * 500)
    html = ('<link rel="stylesheet" href="../a.css">\n'
            '<link rel="stylesheet" href="../p.css" media="print">\n<p>Hi</p>')
    (tmp_path / "page" / "index.html").write_text(html)
    measured = weights(tmp_path, "/page/")
    sheet, paper = gzipped(("body{color:red}" * 50).encode()), gzipped(("body{color:blue}" * 500).encode())
    assert measured["blocking"] == gzipped(html.encode()) + sheet
    assert measured["total"] == gzipped(html.encode()) + sheet + paper
    assert over_the_window({"/page/": WINDOW + 1}, {}, "renders after") != []
    assert over_the_window({"/page/": 900}, {"/page/": 800}, "renders after") != []
    assert over_the_window({"/page/": 900}, {"/page/": 20_000}, "renders after") != []
    assert over_the_window({"/page/": 900}, {}, "renders after") == []
