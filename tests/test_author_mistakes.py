"""Every author mistake stops the strict build with a message a non-programmer can act on.

Each case in tests/broken/ holds one mistake: a broken page or data file (under files/) laid over
a copy of the fixture site (tests/fixtures/site, a second practice that reuses hooks/ and
overrides/ unchanged), small edits of its files (`edits:`), symbolic links (`symlinks:`) or
environment variables (`env:`), and the message the build must give: the file (or the setting),
the line where there is one, and the fix.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import SITE_PROJECT, build_site, fixture_site, read_html

CASES = sorted(path.parent for path in (Path(__file__).parent / "broken").glob("*/case.yml"))


def apply_case(case_dir: Path, site: Path) -> dict:
    case = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8"))
    overlay = case_dir / "files"
    if overlay.is_dir():
        for source in overlay.rglob("*"):
            if source.is_file():
                target = site / source.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
    for edit in case.get("edits", []):
        path = site / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["replace"] in text, f"{case_dir.name}: '{edit['replace']}' not found"
        path.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")
    for link, target in (case.get("symlinks") or {}).items():
        (site / link).symlink_to(target)
    return case


def test_the_corpus_has_at_least_thirty_mistakes():
    assert len(CASES) >= 30


def test_fixture_site_of_another_practice_builds_without_any_warning(tmp_path):
    site = fixture_site(tmp_path / "project")
    result = build_site(site, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    home = read_html(tmp_path / "site", "/")
    assert "Get help" in home.select_one("header .site-help-link").get_text()
    services = read_html(tmp_path / "site", "/services/")
    assert services.select_one('a[href="mailto:office@fixture.invalid"]')
    # A drawing (named with a space, alone in a list item) is placed in the page as a figure,
    # named by its alt text and captioned by its title.
    figure = read_html(tmp_path / "site", "/articles/second/").select_one("li > figure.drawing")
    assert figure.svg["role"] == "img"
    assert figure.svg["aria-label"] == "A filled circle beside the word Calm."
    assert figure.svg.title.get_text() == "A filled circle beside the word Calm."
    assert figure.figcaption.get_text() == "A calm circle"


def test_an_old_review_is_not_a_failure_but_shows_review_due(tmp_path):
    site = fixture_site(tmp_path / "project")
    result = build_site(site, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = read_html(tmp_path / "site", "/articles/second/")
    assert "(review due)" in page.select_one(".byline").get_text()
    fresh = read_html(tmp_path / "site", "/guides/steps/")
    assert "review due" not in fresh.select_one(".byline").get_text()
    assert "Reviewed by Fixture Clinician" in " ".join(fresh.select_one(".byline").get_text().split())
    report = read_html(tmp_path / "site", "/editors-report/")
    row = next(r for r in report.select("tbody tr") if "A second article" in r.get_text())
    assert "review due" in row.get_text()


def test_review_age_limit_is_configurable(tmp_path):
    site = fixture_site(tmp_path / "project")
    config = site / "mkdocs.yml"
    text = config.read_text()
    assert "review_max_age_months" not in text  # the engine's default (12) applies until set
    config.write_text(text.replace("extra:\n", "extra:\n  review_max_age_months: 36\n", 1))
    result = build_site(site, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = read_html(tmp_path / "site", "/articles/second/")
    assert "review due" not in page.select_one(".byline").get_text()


def test_editors_report_lists_every_page_and_is_not_in_the_navigation(tmp_path):
    site = fixture_site(tmp_path / "project")
    result = build_site(site, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    report = read_html(tmp_path / "site", "/editors-report/")
    titles = {row.select_one("th").get_text(strip=True) for row in report.select("tbody tr")}
    assert {"A first article", "A second article", "Two small steps", "Services"} <= titles
    assert report.select_one('meta[name="robots"][content="noindex"]')
    home = read_html(tmp_path / "site", "/")
    assert not home.select('nav a[href*="editors-report"]')
    first = next(r for r in report.select("tbody tr") if "A first article" in r.get_text())
    cells = [td.get_text(strip=True) for td in first.select("td")]
    assert cells[1] == "en"  # the page's language
    assert cells[2] == "Fixture Clinician" and cells[3] == "Not yet reviewed"
    assert re.fullmatch(r"[0-9a-f]{12}", cells[4])  # the text's fingerprint
    assert float(cells[5]) > 0


@pytest.mark.parametrize("case_dir", CASES, ids=[case.name for case in CASES])
def test_mistake_stops_the_build_with_a_message_naming_file_line_and_fix(case_dir, tmp_path):
    site = fixture_site(tmp_path / "project")
    case = apply_case(case_dir, site)
    result = build_site(site, tmp_path / "site", **case.get("env", {}))
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case['mistake']}: the build passed\n{output}"
    assert "Traceback" not in output, output
    expected = case["expect"]
    where = expected["file"] + (f", line {expected['line']}" if "line" in expected else "")
    matching = [line for line in output.splitlines()
                if where in line and expected["fix"] in line]
    assert matching, f"{case['mistake']}: no message naming '{where}' with the fix " \
                     f"'{expected['fix']}':\n{output}"


def test_site_checks_off_builds_the_same_pages(tmp_path):
    checked = build_site(SITE_PROJECT, tmp_path / "checked")
    unchecked = build_site(SITE_PROJECT, tmp_path / "unchecked", SITE_CHECKS="off")
    assert checked.returncode == 0 and unchecked.returncode == 0, unchecked.stderr
    differences = []
    for page in sorted((tmp_path / "checked").rglob("*.html")):
        relative = page.relative_to(tmp_path / "checked")
        if relative.parts[0] == "editors-report":
            continue
        if page.read_bytes() != (tmp_path / "unchecked" / relative).read_bytes():
            differences.append(str(relative))
    assert differences == []


def test_site_checks_off_skips_the_checks(tmp_path):
    site = fixture_site(tmp_path / "project")
    page = site / "docs/articles/first.md"
    page.write_text(page.read_text() + "\nKristen Neff wrote about this.\n")
    assert build_site(site, tmp_path / "site").returncode != 0
    assert build_site(site, tmp_path / "fast", SITE_CHECKS="off").returncode == 0


def test_a_quiet_build_cannot_hide_a_mistake(tmp_path):
    site = fixture_site(tmp_path / "project")
    apply_case(Path(__file__).parent / "broken" / "wording-misspelt-name", site)
    result = build_site(site, tmp_path / "site", "--quiet")
    assert result.returncode != 0
    assert "Kristin Neff" in result.stderr


def _replace(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build_cleanly(site: Path, site_dir: Path) -> Path:
    result = build_site(site, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def _byline(site_dir: Path, url_path: str) -> str:
    return " ".join(read_html(site_dir, url_path).select_one(".byline").get_text().split())


def _report_row(site_dir: Path, title: str):
    report = read_html(site_dir, "/editors-report/")
    return next(row for row in report.select("tbody tr") if title in row.get_text())


def test_a_reviewed_feelings_guide_builds_and_shows_its_review(tmp_path):
    site = fixture_site(tmp_path / "project")
    _replace(site / "docs/_data/feelings.yml", "review: pending",
             "review:\n  by: fixture-clinician\n  date: 2026-06-01")
    built = _build_cleanly(site, tmp_path / "site")
    assert "Reviewed by Fixture Clinician" in _byline(built, "/exercises/feelings/sadness/")


def test_a_review_belongs_to_the_text_it_reviewed(tmp_path):
    site = fixture_site(tmp_path / "project")
    built = _build_cleanly(site, tmp_path / "site")
    fingerprint = _report_row(built, "Two small steps").select_one("code").get_text()
    guide = site / "docs/guides/steps.md"
    _replace(guide, "  date: 2026-06-01\n", f"  date: 2026-06-01\n  fingerprint: {fingerprint}\n")
    built = _build_cleanly(site, tmp_path / "site")
    byline = _byline(built, "/guides/steps/")
    assert "Next review: June 1, 2027." in byline and "changed since" not in byline
    # An edit after the review: the page and the report say so.
    _replace(guide, "Stop for a moment.", "Stop for a short moment.")
    built = _build_cleanly(site, tmp_path / "site")
    assert "The page has changed since this review." in _byline(built, "/guides/steps/")
    assert "(text changed since)" in _report_row(built, "Two small steps").get_text()


def test_a_page_shows_when_it_was_last_updated(tmp_path):
    site = fixture_site(tmp_path / "project")
    _replace(site / "docs/articles/first.md", "series_part: 1\n",
             "series_part: 1\ndate: 2026-01-10\nupdated: 2026-03-02\n")
    built = _build_cleanly(site, tmp_path / "site")
    assert "Updated March 2, 2026" in _byline(built, "/articles/first/")
    page = read_html(built, "/articles/first/")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["dateModified"] == "2026-03-02" and data["datePublished"] == "2026-01-10"


def test_a_pemat_score_is_marked_when_its_page_changed_since(tmp_path):
    site = fixture_site(tmp_path / "project")
    (site / "docs/_data/pemat-scores.yml").write_text(
        "- page: guides/steps.md\n  scored: 2026-11-26\n  scorer: an outside reader\n"
        "  fingerprint: 0123456789ab\n"
        "  understandability: {items: {1: 1, 2: 1}, percent: 100}\n"
        "  actionability: {items: {20: 1, 21: 0}, percent: 50}\n", encoding="utf-8")
    built = _build_cleanly(site, tmp_path / "site")
    row = _report_row(built, "Two small steps")
    assert "100% / 50% (2026-11-26) (text changed since)" in " ".join(row.get_text().split())
