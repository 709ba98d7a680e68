"""Pages in a second language (hooks/languages.py): each speaks its own language wherever the
engine writes, a page and its translation lead to each other, a translation says when the page
it translates has changed, and every mistake in a language's setup stops the build with its
file, line and fix.

The fixture practice (tests/fixtures/site) gets Spanish for these tests: tests/fixtures/spanish
is laid over it, and its mkdocs.yml names the language.
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from conftest import PROJECT, build_site, fixture_site, read_html

HOOKS_DIR = PROJECT / "hooks"

SPANISH = Path(__file__).parent / "fixtures" / "spanish"
LANGUAGES = ("extra:\n  languages:\n    es:\n      site_name: Biblioteca de prueba\n"
             "      practice_name: Grupo de Consejería de Prueba\n")
SPANISH_NAV = ("  - Español:\n      - es/index.md\n      - es/help.md\n"
               "      - es/guides/steps.md\n      - es/exercises/feelings/index.md\n")
# A translation in the overlay names the fingerprint of the page it translates as
# "of <its file>", filled in with that page's fingerprint from the editors' report.
FINGERPRINT_OF = re.compile(r'fingerprint: "of ([^"]+)"')


def spanish_site(destination: Path) -> Path:
    """The fixture site with Spanish, its translations' fingerprints those of their originals."""
    site = fixture_site(destination)
    for source in SPANISH.rglob("*"):
        if source.is_file() and source.name != "README.md":
            target = site / source.relative_to(SPANISH)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("extra:\n", LANGUAGES, 1)
                      + SPANISH_NAV, encoding="utf-8")
    fingerprints = fixture_fingerprints()
    for source in SPANISH.rglob("*.*"):
        target = site / source.relative_to(SPANISH)
        if source.suffix in (".md", ".yml") and source.name != "README.md":
            target.write_text(FINGERPRINT_OF.sub(
                lambda match: f'fingerprint: "{fingerprints[_report_link(match.group(1))]}"',
                target.read_text(encoding="utf-8")), encoding="utf-8")
    return site


@functools.cache
def fixture_fingerprints() -> dict[str, str]:
    """{address: fingerprint} of the fixture site's pages (those made from data too), as its
    editors' report links to them ("../guides/steps/")."""
    with tempfile.TemporaryDirectory() as folder:
        site = fixture_site(Path(folder) / "project")
        result = build_site(site, Path(folder) / "site")
        assert result.returncode == 0, result.stderr
        report = read_html(Path(folder) / "site", "/editors-report/")
        return {row.select_one("th a")["href"]: row.select_one("td code").get_text()
                for row in report.select("tbody tr") if row.select_one("td code")}


def _report_link(file: str) -> str:
    """How the editors' report links to a page's file: guides/steps.md -> ../guides/steps/."""
    path = file[:-3]
    address = path[:-len("index")] if path.endswith("index") else path + "/"
    return "../" + address if address else ".."


@pytest.fixture(scope="module")
def spanish(tmp_path_factory) -> tuple[Path, Path, str]:
    """(project, built site, build log) of the fixture site with Spanish."""
    root = tmp_path_factory.mktemp("spanish")
    project = spanish_site(root / "project")
    result = build_site(project, root / "site")
    assert result.returncode == 0, result.stderr
    return project, root / "site", result.stderr


def english_engine_words() -> set[str]:
    """Every engine sentence (and part between its {placeholders}) that Spanish words
    differently, from the two labels files."""
    english = yaml.safe_load((HOOKS_DIR / "labels" / "en.yml").read_text(encoding="utf-8"))
    spanish = yaml.safe_load((HOOKS_DIR / "labels" / "es.yml").read_text(encoding="utf-8"))
    words = set()
    for key, text in english.items():
        if text == spanish[key] or key == "read_in_language":
            continue
        parts = [part.strip(" :.,()\"") for part in re.split(r"\{\w+\}", text)]
        # A whole label, however short; of a label with {placeholders}, the parts of two words
        # or more ("Text" of "Text: {author}" is also a word of names, like "Crisis Text Line").
        words |= {part for part in parts if len(part) >= 4 and
                  (len(parts) == 1 or len(part.split()) >= 2)}
    return words


def seen_in_page_language(soup) -> str:
    """The words a reader of the page's own language sees or hears (names and alternatives
    included), leaving out what is marked as another language (the switch to a translation)."""
    language = soup.html["lang"]
    for other in soup.select("body [lang]"):
        if other["lang"] != language:
            other.decompose()
    for hidden in soup.select("script, style, template"):
        hidden.decompose()
    said = [soup.body.get_text(" ")]
    said += [element[name] for name in ("aria-label", "title", "alt", "placeholder")
             for element in soup.body.select(f"[{name}]")]
    said.append(soup.title.get_text())
    return " ".join(" ".join(said).split())


def test_both_labels_files_have_the_same_words_with_the_same_placeholders():
    english = yaml.safe_load((HOOKS_DIR / "labels" / "en.yml").read_text(encoding="utf-8"))
    spanish = yaml.safe_load((HOOKS_DIR / "labels" / "es.yml").read_text(encoding="utf-8"))
    assert set(english) == set(spanish)
    braces = re.compile(r"\{\w+\}")
    assert {key: sorted(braces.findall(text)) for key, text in english.items()} == \
        {key: sorted(braces.findall(text)) for key, text in spanish.items()}


def test_a_spanish_page_says_it_is_spanish_and_shows_no_english_engine_words(spanish):
    _, site, _ = spanish
    english = english_engine_words()
    for path in ("/es/", "/es/help/"):
        soup = read_html(site, path)
        assert soup.html["lang"] == "es", path
        said = seen_in_page_language(soup)
        found = sorted(words for words in english if re.search(rf"\b{re.escape(words)}\b", said))
        assert found == [], (path, found)
        assert "Biblioteca de prueba" in soup.title.get_text()
        # Its menu holds the Spanish pages only, and its home is the Spanish home.
        menu = [a.get_text(strip=True) for a in soup.select(".md-nav--primary .md-nav__link")]
        assert "Ayuda" in menu and "A first article" not in menu, menu
        assert soup.select_one("header a.md-logo")["href"] in ("./", "../")
    # The English pages keep English, and a menu without the Spanish pages.
    home = read_html(site, "/")
    assert home.html["lang"] == "en"
    assert "Ayuda" not in [a.get_text(strip=True) for a in home.select(".md-nav__link")]


def test_the_header_help_link_leads_to_the_help_page_in_the_page_language(spanish):
    _, site, _ = spanish
    assert read_html(site, "/es/").select_one("a.site-help-link")["href"] == "help/"
    assert read_html(site, "/articles/first/").select_one("a.site-help-link")["href"] == \
        "../../help/"


def test_a_translation_credits_its_translator_and_says_no_spanish_speaking_clinician_reviewed_it(
        spanish):
    _, site, _ = spanish
    credit = read_html(site, "/es/help/").select_one(".page-languages__credit")
    text = " ".join(credit.get_text().split())
    assert "Traducción: The fixture team (en inglés)." in text
    assert "Todavía no la ha revisado un profesional clínico que hable español." in text
    assert credit.a["href"] == "../../authors/team/"


def test_a_page_and_its_translation_name_each_other_in_the_sitemap_for_search_engines(spanish):
    _, site, _ = spanish
    with warnings.catch_warnings():  # an XML file, read with the parser this project has
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"),
                                "html.parser")
    for path in ("help/", "es/help/"):
        entry = next(url for url in sitemap.find_all("url")
                     if url.find("loc").text.endswith("/" + path))
        languages = {link["hreflang"]: link["href"] for link in entry.find_all("xhtml:link")}
        assert set(languages) == {"en", "es"}, (path, languages)
        assert languages["es"].endswith("/es/help/") and languages["en"].endswith("/help/")
    # Not in the pages' heads, where Material's script would fetch a sitemap for each.
    assert read_html(site, "/help/").select('link[rel="alternate"]') == []


def test_the_switch_leads_to_the_same_page_in_the_other_language_and_back(spanish, browser):
    from conftest import serving

    _, site, _ = spanish
    with serving(site) as base:
        page = browser.new_page()
        try:
            page.goto(base + "/help/")
            page.get_by_role("link", name="Lea esta página en español").click()
            page.wait_for_url(base + "/es/help/")
            assert page.locator("html").get_attribute("lang") == "es"
            assert page.locator("h1").inner_text() == "Ayuda"
            page.get_by_role("link", name="Read this page in English").click()
            page.wait_for_url(base + "/help/")
            assert page.locator("html").get_attribute("lang") == "en"
        finally:
            page.close()


def test_the_spanish_help_page_gives_988s_spanish_option_with_its_checked_date(spanish):
    _, site, _ = spanish
    lines = read_html(site, "/es/help/").select_one(".help-lines")
    text = " ".join(lines.get_text().split())
    assert "988 Lifeline en español: llame al 988 y oprima el 2" in text, text
    assert "envíe AYUDA por mensaje de texto al 988" in text, text
    assert "Revisado el 25 de noviembre de 2026." in text, text


def test_a_changed_original_gives_its_translation_a_notice_a_note_and_a_report_line(tmp_path):
    project = spanish_site(tmp_path / "project")
    original = project / "docs" / "help.md"
    original.write_text(original.read_text(encoding="utf-8") + "\nA sentence added later.\n",
                        encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr  # a note, never a failure of a strict build
    note = [line for line in result.stderr.splitlines() if "docs/es/help.md" in line]
    assert note and "INFO" in note[0] and "has changed since this translation" in note[0], \
        result.stderr
    notice = read_html(tmp_path / "site", "/es/help/").select_one(".page-languages__outdated")
    assert notice is not None
    assert "La página en inglés cambió después de esta traducción" in notice.get_text()
    assert notice.a["href"] == "../../help/"
    report = read_html(tmp_path / "site", "/editors-report/")
    listed = report.select_one("#translations-to-update").find_next("ul")
    assert listed is not None and "Ayuda" in listed.get_text()
    # The other translation, whose original did not change, says nothing of the kind.
    assert read_html(tmp_path / "site", "/es/").select_one(".page-languages__outdated") is None


def test_the_feelings_guide_in_spanish_leads_from_spanish_page_to_spanish_page(spanish):
    _, site, _ = spanish
    start = read_html(site, "/es/exercises/feelings/")
    assert start.html["lang"] == "es"
    assert start.select_one(".feelings__question").get_text() == "¿Cómo se siente?"
    assert [(a.strong.get_text(), a["href"]) for a in start.select(".feelings__choice")] == \
        [("Pesado", "heavy/")]
    group = read_html(site, "/es/exercises/feelings/heavy/")
    assert [(a.strong.get_text(), a["href"]) for a in group.select(".feelings__choice")] == \
        [("Tristeza", "../sadness/"), ("Cansancio", "../tiredness/")]
    feeling = read_html(site, "/es/exercises/feelings/sadness/")
    said = seen_in_page_language(read_html(site, "/es/exercises/feelings/sadness/"))
    assert feeling.h1.get_text() == "Tristeza"
    for words in ("Lo que puede decir", "Algo le importaba.", "Puedo tratarme con cariño.",
                  "Pruebe esto", "La tristeza sigue a una pérdida."):
        assert words in said, words
    english = {"Sadness", "What it may mean", "Something mattered", "A kind word", "Try this",
               "Start again"} | english_engine_words()
    assert sorted(words for words in english if re.search(rf"\b{re.escape(words)}\b", said)) == []
    assert [a["href"] for a in feeling.select(".feelings__next a")] == ["../heavy/", "../"]
    # Each page of the guide and its English page lead to each other.
    assert feeling.select_one('.page-languages__switch a')["href"] == \
        "../../../../exercises/feelings/sadness/"
    assert read_html(site, "/exercises/feelings/sadness/").select_one(
        '.page-languages__switch a')["href"] == "../../../es/exercises/feelings/sadness/"


def test_a_changed_feeling_gives_only_its_own_spanish_page_the_notice_naming_its_data_line(
        tmp_path):
    project = spanish_site(tmp_path / "project")
    data = project / "docs" / "_data" / "feelings.yml"
    text = data.read_text(encoding="utf-8")
    # The English words of one feeling change; the Spanish words of another change too, which
    # leaves its English page as it was.
    text = text.replace("telling_you: Something mattered.", "telling_you: Something mattered a lot.")
    text = text.replace("telling_you: Le hace falta dormir.", "telling_you: Le falta dormir.")
    data.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    noted = [line for line in result.stderr.splitlines() if "has changed since" in line]
    assert len(noted) == 1 and "INFO" in noted[0], result.stderr
    assert noted[0].startswith("INFO    -  hooks/languages: docs/_data/feelings.yml, line 44 "
                               "(the page es/exercises/feelings/sadness/): "
                               "docs/exercises/feelings/sadness.md has changed"), noted[0]
    site = tmp_path / "site"
    notice = read_html(site, "/es/exercises/feelings/sadness/").select_one(
        ".page-languages__outdated")
    assert notice is not None and notice.a["href"] == "../../../../exercises/feelings/sadness/"
    for unchanged in ("/es/exercises/feelings/tiredness/", "/es/exercises/feelings/heavy/",
                      "/es/exercises/feelings/"):
        assert read_html(site, unchanged).select_one(".page-languages__outdated") is None


def test_a_page_is_checked_for_its_own_languages_flagged_phrases_and_the_practices(tmp_path):
    project = spanish_site(tmp_path / "project")
    spanish = project / "docs" / "es" / "help.md"
    spanish.write_text(spanish.read_text(encoding="utf-8") + "\nKristen Neff lo dice. Su "
                       "hermano cometió suicidio.\n\nYou are depressed.\n", encoding="utf-8")
    english = project / "docs" / "articles" / "first.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nIn Spanish, \"cometió "
                       "suicidio\" is a phrase to avoid.\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    flagged = [line for line in result.stderr.splitlines() if "is a flagged phrase" in line]
    lines = len(spanish.read_text(encoding="utf-8").splitlines())
    assert sorted(flagged) == sorted([
        # The practice's own entries check every language; the engine's, their own language.
        f"WARNING -  hooks/wording: docs/es/help.md, line {lines - 2}: 'Kristen Neff' is a "
        "flagged phrase. Write 'Kristin Neff' instead (her first name is spelled Kristin).",
        f"WARNING -  hooks/wording: docs/es/help.md, line {lines - 2}: 'cometió suicidio' is a "
        "flagged phrase. Write 'murió por suicidio' instead (\"cometer\" suggests a crime or a "
        "sin)."]), result.stderr


def test_the_spanish_reading_ease_counts_spanish_syllables():
    import sys

    sys.path.insert(0, str(HOOKS_DIR))
    try:
        from readability import reading_ease_es, spanish_syllables
    finally:
        sys.path.remove(str(HOOKS_DIR))
    # Two vowels that a written accent splits, or two strong vowels, are two syllables.
    assert {word: spanish_syllables(word) for word in
            ("día", "leer", "país", "oído", "corazón", "autocompasión", "ayuda", "guion")} == \
        {"día": 2, "leer": 2, "país": 2, "oído": 3, "corazón": 3, "autocompasión": 5,
         "ayuda": 3, "guion": 1}
    easy = "Usted no está solo. Hay ayuda. Llame hoy."
    hard = ("La autocompasión constituye una disposición psicológica caracterizada por la "
            "comprensión benevolente de las dificultades experimentadas individualmente.")
    assert reading_ease_es(easy) > 90 > 70 > reading_ease_es(hard)


def test_a_spanish_page_below_the_reading_ease_stops_the_build_naming_its_hardest_sentence(
        tmp_path):
    project = spanish_site(tmp_path / "project")
    page = project / "docs" / "es" / "help.md"
    hard = ("La autocompasión constituye una disposición psicológica caracterizada por la "
            "comprensión benevolente de las dificultades experimentadas individualmente, "
            "circunstancia reconocida internacionalmente.")
    page.write_text(page.read_text(encoding="utf-8") + "\n" + (hard + " ") * 4 + "\n",
                    encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/es/help.md: this page's reading ease (Fernández Huerta)" in result.stderr
    assert "below the 70 this site aims for in Spanish" in result.stderr
    assert "La autocompasión constituye" in result.stderr


# Each mistake: (what is wrong, a change to the Spanish fixture site, the file, its line or
# None, and words of the fix the message must give).
MISTAKES = [
    ("a language that is not a code", ("mkdocs.yml", "    es:\n", "    Spanish:\n"),
     "mkdocs.yml, extra: languages:", None, "is not a language code"),
    ("the site's first language listed again", ("mkdocs.yml", "    es:\n", "    en:\n"),
     "mkdocs.yml, extra: languages:", None, "is the site's first language already"),
    ("a language's site name left empty",
     ("mkdocs.yml", "      site_name: Biblioteca de prueba\n", "      site_name: \"\"\n"),
     "mkdocs.yml, extra: languages:", None, "site_name: give the text"),
    ("a misspelt language setting", ("mkdocs.yml", "      site_name:", "      sitename:"),
     "mkdocs.yml, extra: languages:", None, "'sitename' is not a language setting"),
    ("a language the engine has no words for", ("mkdocs.yml", "    es:\n", "    fr:\n"),
     "mkdocs.yml, extra: languages:", None, "has no words for 'fr'"),
    ("a Spanish label that is not the engine's",
     ("mkdocs.yml", "      site_name: Biblioteca de prueba\n",
      "      site_name: Biblioteca de prueba\n      labels:\n        helplink: Ayuda\n"),
     "mkdocs.yml, extra: languages: es: labels:", None, "Did you mean 'help_link'?"),
    ("a translation of a page that does not exist",
     ("docs/es/help.md", "  of: help.md", "  of: ayuda.md"),
     "docs/es/help.md", 4, "is not a page of this site"),
    ("a translation of a page in its own language",
     ("docs/es/help.md", "  of: help.md", "  of: es/index.md"),
     "docs/es/help.md", 4, "is in this page's own language"),
    ("a translation without its original's fingerprint",
     ("docs/es/help.md", "  fingerprint: ", "  fingerprints: "),
     "docs/es/help.md", 4, "'translation:' has an unknown field 'fingerprints'"),
    ("a fingerprint that is not one", ("docs/es/help.md", "  fingerprint: \"", "  fingerprint: \"x"),
     "docs/es/help.md", 4, "is not a page's fingerprint. If this translation is up to date"),
    ("a translator who is not an author", ("docs/es/help.md", "  by: fixture-team", "  by: nobody"),
     "docs/es/help.md", 4, "there is no such author in docs/_data/authors.yml"),
    ("two translations of one page into one language",
     ("docs/es/index.md", "  of: index.md", "  of: help.md"),
     "docs/es/", None, "is already the es translation of docs/help.md"),
    ("a help line whose words are not in Spanish",
     ("docs/_data/help-lines.yml", "    es: {where: Estados Unidos}\n", ""),
     "docs/_data/help-lines.yml", 9, "'where' has no words in 'es'"),
    ("a translated step with another anchor than its original's",
     ("docs/es/guides/steps.md", "{#step-2-be-kind}", "{#step-2-sea-amable}"),
     "docs/es/guides/steps.md", 4, "the same {#step-…} anchor as its original"),
    ("a feeling whose name is not in Spanish",
     ("docs/_data/feelings.yml", "      name: Tristeza\n", ""),
     "docs/_data/feelings.yml", 44, "'name' has no words in 'es'"),
    ("a Spanish group without its original's fingerprint",
     ("docs/_data/feelings.yml", "      fingerprint: ", "      # fingerprint: "),
     "docs/_data/feelings.yml", 31, "has no 'fingerprint:' in 'es'. Write the fingerprint"),
    ("a Spanish start page that is not a page",
     ("docs/_data/feelings.yml", "  start_page: es/exercises/feelings/index.md",
      "  start_page: es/exercises/sentimientos/index.md"),
     "docs/_data/feelings.yml", 14, "is not a page of this site. Give the path"),
    ("a guide translator who is not an author",
     ("docs/_data/feelings.yml", "  by: fixture-team", "  by: nobody"),
     "docs/_data/feelings.yml", 15, "(who translated the guide) is not in docs/_data/authors"),
    ("a flagged phrase for a language the site does not have",
     ("docs/_data/flagged-phrases.yml", "  why: her first name is spelled Kristin\n",
      "  why: her first name is spelled Kristin\n  language: fr\n"),
     "docs/_data/flagged-phrases.yml", 1, "'language: fr' is not one of this site's languages"),
    ("a translation record that is a sentence",
     ("docs/es/help.md", "translation:\n  of: help.md\n", "translation: help.md\nx:\n  of: help.md\n"),
     "docs/es/help.md", None, "translation"),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[mistake[0] for mistake in MISTAKES])
def test_a_language_mistake_stops_the_build_naming_file_line_and_fix(mistake, tmp_path):
    _, (file, old, new), where, line, fix = mistake
    project = spanish_site(tmp_path / "project")
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    place = where + (f", line {line}" if line else "")
    assert [said for said in output.splitlines() if place in said and fix in said], output


def test_every_page_of_the_site_in_another_language_shows_no_english_engine_words(site):
    from conftest import all_page_paths

    first = read_html(site, "/").html["lang"]
    english = english_engine_words()
    found = {}
    for path in all_page_paths(site):
        soup = read_html(site, path)
        if soup.html.get("lang") in (first, None):
            continue
        said = seen_in_page_language(soup)
        words = sorted(words for words in english if re.search(rf"\b{re.escape(words)}\b", said))
        if words:
            found[path] = words
    assert found == {}


def test_a_printed_translation_keeps_its_numbers_and_credit_and_leaves_out_the_switch(
        spanish, browser):
    from conftest import pdf_text, serving

    _, site, _ = spanish
    with serving(site) as base:
        page = browser.new_page()
        try:
            page.goto(base + "/es/help/")
            printed = pdf_text(page)
        finally:
            page.close()
    for words in ("En una emergencia", "988 Lifeline en español", "llame al 988 y oprima el 2",
                  "Traducción: The fixture team (en inglés)."):
        assert words in printed, (words, printed)
    assert "Read this page in English" not in printed


def test_each_language_has_its_own_topics_list_and_search(spanish, browser):
    from conftest import serving

    _, site, _ = spanish
    listed = [a.get_text() for a in read_html(site, "/es/topics/").select(".topics a")]
    assert sorted(listed) == ["Ayuda", "Cansancio", "Dos pasos pequeños", "Inicio", "Pesado",
                              "Tristeza", "¿Qué sentimiento?"], listed
    english = [a.get_text() for a in read_html(site, "/topics/").select(".topics a")]
    assert "Ayuda" not in english and "Get help" in english
    assert read_html(site, "/es/").select_one("a.site-topics-link")["href"] == "topics/"
    with serving(site) as base:
        context = browser.new_context(bypass_csp=True)  # for wait_for_function's own script
        page = context.new_page()
        try:
            page.goto(base + "/es/", wait_until="networkidle")
            page.click("header .site-search-link")
            page.wait_for_url(base + "/es/topics/?q=")
            page.wait_for_function(
                "() => document.activeElement?.matches('input.md-search__input')")
            page.keyboard.type("emergencia")
            page.wait_for_selector(".md-search-result__item a")
            found = {link.get_attribute("href").replace(base, "")
                     for link in page.locator(".md-search-result__link").all()}
            assert found and all(href.startswith("/es/") for href in found), found
            assert "/es/help/" in found
        finally:
            context.close()


def test_the_practice_shortcodes_speak_the_page_language(tmp_path):
    project = spanish_site(tmp_path / "project")
    page = project / "docs" / "es" / "help.md"
    page.write_text(page.read_text(encoding="utf-8") +
                    "\nSi tiene preguntas sobre <!-- practice:name -->, por favor, "
                    "<!-- practice:contact -->.\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    text = " ".join(read_html(tmp_path / "site", "/es/help/").select_one("article").get_text().split())
    # The contact page is in English, and the link says so, as the engine's own links do.
    assert "Si tiene preguntas sobre Grupo de Consejería de Prueba, por favor, escriba a " \
        "office@fixture.invalid o comuníquese con el consultorio (en inglés)." in text, text


def test_a_step_renamed_in_the_original_is_noted_not_failed_until_the_translation_is_updated(
        tmp_path):
    project = spanish_site(tmp_path / "project")
    guide = project / "docs" / "guides" / "steps.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("{#step-2-be-kind}",
                                                               "{#step-2-kindness}"),
                     encoding="utf-8")
    links = project / "docs" / "_data" / "short-links.yml"
    links.write_text(links.read_text(encoding="utf-8").replace("moved: []", (
        "moved:\n  - from: guides/steps/#step-2-be-kind\n"
        "    target: guides/steps.md#step-2-kindness\n")), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    noted = [line for line in result.stderr.splitlines() if "docs/es/guides/steps.md" in line]
    assert any("INFO" in line and "step-2-kindness" in line for line in noted), result.stderr


def test_an_engine_link_to_a_page_in_another_language_says_so(spanish):
    _, site, _ = spanish
    byline = read_html(site, "/es/guides/steps/").select_one(".byline__author a")
    assert " ".join(byline.get_text().split()) == "The fixture team (en inglés)"
    english = read_html(site, "/guides/steps/").select_one(".byline__author a")
    assert "(" not in english.get_text()  # the team's page is in English, like this one
