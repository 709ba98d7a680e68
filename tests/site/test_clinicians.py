"""For clinicians: short links, published addresses that keep working, share panels with QR
codes that a phone can read, printouts that lead back, and pages that share well."""

import json
import re
import subprocess

import pytest
import yaml
from pypdf import PdfReader

from conftest import (PROJECT, REDIRECT, all_page_paths, build_site, copy_project, handout_pdf,
                      pages_with, pdf_text, printed, read_html)

SITE_URL = "http://127.0.0.1:8000/"  # the default site_url the test build uses
SHORT_LINKS = yaml.safe_load((PROJECT / "docs/_data/short-links.yml").read_text())["links"]
SHAREABLE = [
    "/articles/the-neuroscience-of-self-compassion/",
    "/articles/how-gratitude-can-help-you-through-hard-times/",
    "/learn/self-compassion-and-the-body/",
    "/guides/self-compassion-in-three-steps/",
    "/guides/the-self-compassion-break/",
    "/exercises/self-compassion-in-a-difficult-moment/",
    "/exercises/the-self-compassion-break/",
    "/exercises/self-kindness-check-in/",
    "/exercises/what-am-i-feeling/",
]


def target_url(target: str) -> str:
    path, _, anchor = target.partition("#")
    url = path[:-3] if path.endswith(".md") else path
    url = url[: -len("index")] if url.endswith("index") else url + "/"
    return url + (f"#{anchor}" if anchor else "")


# --- Short links ----------------------------------------------------------------------------

@pytest.mark.parametrize("entry", SHORT_LINKS, ids=[e["name"] for e in SHORT_LINKS])
def test_short_link_page_redirects_without_script_and_is_not_indexed(site, entry):
    soup = read_html(site, f"/go/{entry['name']}/")
    refresh = soup.select_one(REDIRECT)["content"]
    assert refresh.startswith("0; url=")
    visible = soup.select_one("article a")
    assert visible["href"] == refresh.split("url=", 1)[1]
    assert visible["href"].replace("../", "").endswith(target_url(entry["target"]).lstrip("/"))
    assert soup.select_one('meta[name="robots"][content="noindex"]')
    # Only the engine's redirect script (which keeps a '#step' part), approved by its hash.
    scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert len(scripts) == 1 and "location.replace" in scripts[0].string
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert re.search(r"script-src 'sha256-[^' ]+'; ", policy)
    assert soup.select_one("header .site-help-link")


def test_short_link_to_a_step_lands_on_that_step_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/go/make-sense/")
    page.wait_for_url("**/guides/self-compassion-in-three-steps/#step-2-make-sense-of-it")
    assert page.locator("#step-2-make-sense-of-it").is_visible()
    context.close()


def test_short_links_and_redirects_stay_out_of_the_sitemap(site):
    sitemap = (site / "sitemap.xml").read_text()
    assert "/go/" not in sitemap and "editors-report" not in sitemap
    assert f"{SITE_URL}guides/the-self-compassion-break/" in sitemap


# --- Published addresses --------------------------------------------------------------------

def test_every_address_the_site_has_is_recorded_as_published(tmp_path):
    project = copy_project(tmp_path / "project")
    recorded = (project / "docs/_data/published-addresses.yml").read_text()
    result = build_site(project, tmp_path / "site", SITE_RECORD_ADDRESSES="1")
    assert result.returncode == 0, result.stderr
    after = (project / "docs/_data/published-addresses.yml").read_text()
    assert after == recorded, "new addresses: run SITE_RECORD_ADDRESSES=1 mkdocs build"


def test_published_addresses_include_pages_and_step_anchors():
    recorded = yaml.safe_load((PROJECT / "docs/_data/published-addresses.yml").read_text())
    assert "guides/the-self-compassion-break/" in recorded
    assert "guides/self-compassion-in-three-steps/#step-2-make-sense-of-it" in recorded
    assert "exercises/self-compassion-in-a-difficult-moment/#step-1-notice-the-feeling" in recorded
    assert not [address for address in recorded if address.startswith("go/")]


def test_a_moved_page_and_a_renamed_step_keep_their_old_addresses(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    guide = project / "docs/guides/self-compassion-in-three-steps.md"
    guide.rename(project / "docs/guides/three-steps.md")
    moved = project / "docs/guides/three-steps.md"
    moved.write_text(moved.read_text().replace("{#step-2-make-sense-of-it}",
                                               "{#step-2-understand-it}"))
    for path in project.rglob("*.md"):
        path.write_text(path.read_text().replace("self-compassion-in-three-steps.md",
                                                 "three-steps.md")
                        .replace("three-steps.md#step-2-make-sense-of-it",
                                 "three-steps.md#step-2-understand-it"))
    for name in ("mkdocs.yml", "docs/_data/short-links.yml"):
        path = project / name
        path.write_text(path.read_text().replace("guides/self-compassion-in-three-steps.md",
                                                 "guides/three-steps.md")
                        .replace("three-steps.md#step-2-make-sense-of-it",
                                 "three-steps.md#step-2-understand-it"))
    broken = build_site(project, tmp_path / "broken")
    assert broken.returncode != 0
    assert "guides/self-compassion-in-three-steps/" in broken.stderr
    assert "add a 'moved:' entry" in broken.stderr
    short_links = project / "docs/_data/short-links.yml"
    short_links.write_text(short_links.read_text().replace("moved: []", """moved:
  - from: guides/self-compassion-in-three-steps/
    target: guides/three-steps.md
  - from: guides/three-steps/#step-2-make-sense-of-it
    target: guides/three-steps.md#step-2-understand-it
"""))
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0  # the old step anchor on the old page still has to be served
    assert "guides/self-compassion-in-three-steps/#step-2-make-sense-of-it" in result.stderr


def test_a_renamed_step_keeps_its_old_anchor_on_the_same_page(tmp_path):
    project = copy_project(tmp_path / "project")
    guide = project / "docs/guides/self-compassion-in-three-steps.md"
    guide.write_text(guide.read_text().replace("{#step-2-make-sense-of-it}",
                                               "{#step-2-understand-it}"))
    for name in ("docs/_data/short-links.yml", "docs/for-clinicians.md"):
        path = project / name
        path.write_text(path.read_text().replace("step-2-make-sense-of-it",
                                                 "step-2-understand-it"))
    assert build_site(project, tmp_path / "broken").returncode != 0
    short_links = project / "docs/_data/short-links.yml"
    short_links.write_text(short_links.read_text().replace("moved: []", """moved:
  - from: guides/self-compassion-in-three-steps/#step-2-make-sense-of-it
    target: guides/self-compassion-in-three-steps.md#step-2-understand-it
"""))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = read_html(tmp_path / "site", "/guides/self-compassion-in-three-steps/")
    alias = soup.find(id="step-2-make-sense-of-it")
    assert alias is not None and alias.find_next(id="step-2-understand-it") is not None


# --- The clinicians' page -------------------------------------------------------------------

def test_clinicians_page_lists_every_page_with_address_short_link_and_steps(site):
    soup = read_html(site, "/for-clinicians/")
    text = " ".join(soup.select_one(".clinician-links").get_text(" ").split())
    for path in SHAREABLE:
        assert SITE_URL + path.lstrip("/") in text, path
    assert f"{SITE_URL}go/break/" in text
    assert f"{SITE_URL}guides/self-compassion-in-three-steps/#step-2-make-sense-of-it" in text
    assert f"{SITE_URL}exercises/self-compassion-in-a-difficult-moment/#step-3-offer-yourself-kindness" in text
    body = soup.select_one("article").get_text(" ")
    assert "Handouts" in body and "Privacy for clients" in body


# --- Share and print ------------------------------------------------------------------------

@pytest.mark.parametrize("path", SHAREABLE)
def test_share_panel_shows_address_and_a_qr_code_a_phone_can_read(site, browser, server, path,
                                                                  tmp_path):
    soup = read_html(site, path)
    panel = soup.select_one(".share-panel")
    address = SITE_URL + path.lstrip("/")
    assert address in panel.get_text()
    image = panel.select_one("img.share__qr")
    assert image["alt"] == f"QR code for {address}"
    svg = (site / path.lstrip("/") / image["src"]).read_text(encoding="utf-8")
    assert f"<title>QR code for {address}</title>" in svg
    context = browser.new_context(java_script_enabled=False, device_scale_factor=2)
    page = context.new_page()
    page.goto(server + path)
    page.locator("details.share-panel > summary").click()  # closed on screens
    image = tmp_path / "qr.png"
    page.locator(".share__qr").screenshot(path=str(image))
    context.close()
    decoded = subprocess.run(["zbarimg", "--raw", "--quiet", str(image)],
                             capture_output=True, text=True, timeout=60)
    assert decoded.stdout.strip() == address


def test_short_link_is_offered_in_the_share_panel(site):
    panel = read_html(site, "/guides/the-self-compassion-break/").select_one(".share-panel")
    assert f"{SITE_URL}go/break/" in panel.get_text()


@pytest.mark.parametrize("path", ["/articles/the-neuroscience-of-self-compassion/",
                                  "/guides/self-compassion-in-three-steps/"])
def test_printed_article_leads_back_to_the_page_and_to_every_link(browser, server, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + path)
    text = pdf_text(page)
    flat = text.replace(" ", "")
    context.close()
    assert "(" + SITE_URL + "guides/" in flat or "(" + SITE_URL + "learn/" in flat
    assert "If you need help now" in text and (SITE_URL + path.lstrip("/")) in flat
    assert "988" in text and "116 123" in text
    assert text.rfind("If you need help now") > text.rfind("Sources")
    for chrome in ("Table of contents", "Skip to content", "Previous", "Next "):
        assert chrome not in text, chrome


# --- Found and shared well ------------------------------------------------------------------

def test_every_page_has_canonical_address_description_and_link_preview(site):
    for path in all_page_paths(site):
        if path == "/404.html":
            continue
        soup = read_html(site, path)
        assert soup.select_one('link[rel="canonical"]')["href"].startswith(SITE_URL), path
        assert soup.select_one('meta[name="description"]')["content"].strip(), path
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert soup.select_one(f'meta[property="{prop}"]')["content"].strip(), (path, prop)


@pytest.mark.parametrize("path", SHAREABLE)
def test_authored_pages_carry_schema_org_data(site, path):
    soup = read_html(site, path)
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "MedicalWebPage" and data["url"] == SITE_URL + path.lstrip("/")
    assert data["author"]["name"]
    assert "reviewedBy" not in data  # no review has been recorded on this site yet


def test_a_recorded_review_appears_in_schema_org_data(tmp_path):
    from test_author_mistakes import fixture_site

    site = fixture_site(tmp_path / "project")
    assert build_site(site, tmp_path / "site").returncode == 0
    data = json.loads(read_html(tmp_path / "site", "/guides/steps/")
                      .select_one('script[type="application/ld+json"]').string)
    assert data["reviewedBy"] == {"@type": "Person", "name": "Fixture Clinician",
                                  "jobTitle": "Licensed Professional Counselor (test fixture)"}
    assert data["lastReviewed"] == "2026-06-01"


def test_not_found_page_is_helpful(site):
    soup = read_html(site, "/404.html")
    assert "can't find" in soup.select_one("h1").get_text()
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article a")}
    assert "Go to the home page" in links and "Get help now" in links
    assert soup.select_one("header .site-help-link")
    assert soup.select_one('meta[http-equiv="Content-Security-Policy"]')


# --- Handouts -------------------------------------------------------------------------------

WORDS = ("I felt tired and a bit lost after the meeting today and I kept telling myself that I "
         "should have done better but I know that most people feel like this sometimes").split()
# Printed pages at most, filled with about 80 words in every box. The safety plan's seven steps
# take three pages.
PAGE_LIMITS = {
    "/exercises/self-compassion-in-a-difficult-moment/": 2,
    "/exercises/the-self-compassion-break/": 2,
    "/exercises/self-kindness-check-in/": 2,
    "/exercises/three-small-things/": 2,
    "/exercises/my-safety-plan/": 3,
    "/guides/self-compassion-in-three-steps/": 2,
    "/guides/the-self-compassion-break/": 2,
    "/es/guides/self-compassion-in-three-steps/": 2,
    # Spanish runs about a fifth longer than English: this one takes a third page.
    "/es/guides/the-self-compassion-break/": 3,
    "/articles/the-neuroscience-of-self-compassion/": 4,
}


@pytest.mark.parametrize("path", PAGE_LIMITS)
def test_printed_handout_fits_its_pages_on_letter_and_a4_and_keeps_headings_with_text(
        browser, server, site, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + path)
    for box in page.eval_on_selector_all("form.exercise textarea", "els => els.map(e => e.id)"):
        page.fill(f"#{box}", " ".join(WORDS[i % len(WORDS)] for i in range(80)))
    headings = {" ".join(h.get_text(" ").replace("¶", "").split())
                for h in read_html(site, path).select("article h2, article h3, .field__label")}
    for paper in ("Letter", "A4"):
        reader = printed(page, paper)
        assert len(reader.pages) <= PAGE_LIMITS[path], f"{path}: {len(reader.pages)} {paper} pages"
        for number, sheet in enumerate(reader.pages[:-1], 1):
            lines = [line.strip() for line in sheet.extract_text().splitlines() if line.strip()]
            assert lines[-1] not in headings, f"{path}: page {number} ends with '{lines[-1]}'"
    blank = PdfReader(handout_pdf(site, path)) if path.startswith(("/exercises", "/guides")) \
        else None
    assert blank is None or len(blank.pages) <= PAGE_LIMITS[path], path
    context.close()


def test_clinicians_page_has_one_title_and_a_note_for_every_exercise(site):
    soup = read_html(site, "/for-clinicians/")
    assert len(soup.select("h1")) == 1
    exercises = [path for path in pages_with(site, "form.exercise")
                 if path.startswith("/exercises/")]
    table = soup.select_one("#what-each-page-is-for").find_next("table").get_text()
    notes = soup.select(".clinician-links__note")
    assert len(notes) == len(exercises) == 5
    for path in exercises:
        title = read_html(site, path).select_one("h1").get_text()
        assert title.split(":")[-1].strip()[:12].lower() in table.lower(), title
        assert site.joinpath(path.strip("/")).exists()
    for note in notes:
        terms = [dt.get_text() for dt in note.select("dt")]
        assert terms == ["When to use it", "When to hold it back", "Questions for the next session"]
        assert note.select("dd li"), note
    links = {a["href"] for a in soup.select("a[type='application/pdf']")}
    assert len(links) == 7, links


@pytest.mark.parametrize("path", ["/exercises/self-compassion-in-a-difficult-moment/",
                                  "/exercises/self-kindness-check-in/",
                                  "/exercises/three-small-things/"])
def test_worksheets_kept_in_several_copies_have_a_place_for_the_date(site, path):
    date = read_html(site, path).select_one("form.exercise input[type=date]")
    assert date is not None and date.find_previous("label").get_text() == "Date"


def test_a_page_with_a_spanish_translation_lists_it_for_clinicians_and_not_twice(site):
    page = read_html(site, "/for-clinicians/")
    entry = next(item for item in page.select(".clinician-links__pages > li")
                 if item.strong.get_text() == "Self-compassion in three steps")
    spanish = entry.select_one(".clinician-links__translation")
    text = " ".join(spanish.get_text(" ").split())
    assert text.startswith("In Spanish: La autocompasión en tres pasos"), text
    assert "/es/guides/self-compassion-in-three-steps/" in text and "/go/tres-pasos/" in text
    assert spanish.select_one('[lang="es"]').get_text() == "La autocompasión en tres pasos"
    titles = [item.strong.get_text() for item in page.select(".clinician-links__pages > li")]
    assert "La autocompasión en tres pasos" not in titles


def test_the_spanish_clinicians_page_lists_the_spanish_pages_with_their_english_ones(site):
    page = read_html(site, "/es/for-clinicians/")
    assert page.html["lang"] == "es"
    titles = [item.strong.get_text() for item in page.select(".clinician-links__pages > li")]
    assert "La pausa de autocompasión" in titles
    addresses = [item.select_one(".clinician-links__address").get_text()
                 for item in page.select(".clinician-links__pages > li")]
    assert all(read_html(site, "/" + address.removeprefix(SITE_URL)).html["lang"] == "es"
               for address in addresses), addresses
    entry = next(item for item in page.select(".clinician-links__pages > li")
                 if item.strong.get_text() == "La pausa de autocompasión")
    english = " ".join(entry.select_one(".clinician-links__translation").get_text(" ").split())
    assert english.startswith("En inglés: The self-compassion break"), english
