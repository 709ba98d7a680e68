"""Every value an author, a data file or the configuration gives reaches the reader as text.

The fixture site is built with markup-breaking text written into every kind of field: page
titles and descriptions, navigation and site names, authors, references, help lines, the
feelings guide, exercise fields and labels. Then every built file is searched, the search index
and the sitemap included: none of that text may turn into markup, and each value must still read
exactly as written.
"""

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

from conftest import build_site, fixture_site, read_html

# Ends a <title>, opens a script, leaves an attribute, opens a comment: each on its own would
# break a page that printed it raw. "<inner critic>" is how an author might write an aside.
PAYLOAD = '</title><script>alert(1)</script>"\'><b>bold</b> <inner critic> <!--'
MARKUP_SIGNS = ("<script>alert", "<b>bold</b>", "<inner critic>")
# A description that, printed raw into its meta tag, would turn the tag into a redirect.
REFRESH = '0; url=https://elsewhere.example/" http-equiv="refresh'



def _add(mapping: dict, key: str, text: str = PAYLOAD):
    mapping[key] = f"{mapping[key]} {text}"


def _edit_yaml(path: Path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _edit_front_matter(path: Path, change):
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    fields = yaml.safe_load(front)
    change(fields)
    path.write_text("---\n" + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True) +
                    "---\n" + body, encoding="utf-8")


def _exercise(fields):
    _add(fields, "title")
    _add(fields, "description")
    section = fields["exercise"]["sections"][0]
    _add(section, "heading")
    section["intro"] = PAYLOAD
    choice, words = section["fields"]
    _add(choice, "label")
    choice["hint"] = PAYLOAD
    choice["options"] = ["Calm", PAYLOAD]
    _add(words, "label")


def _feelings(data):
    _add(data, "question")
    _add(data, "back_label")
    for key in data["labels"]:
        _add(data["labels"], key)
    _add(data["groups"][0], "label")
    _add(data["groups"][0], "question")
    for feeling in data["feelings"]:
        for key in ("name", "signs", "telling_you", "makes_sense", "phrase"):
            _add(feeling, key)
        feeling["try"] = [PAYLOAD]


def _help_lines(data):
    for key in ("emergency_heading", "lines_heading", "lines_intro"):
        _add(data, key)
    _add(data["countries"][0], "name")
    line = data["countries"][0]["lines"][0]
    _add(line, "name")
    line["who"] = PAYLOAD
    line["note"] = PAYLOAD


def _references(data):
    article = data["gilbert-2009"]
    for key in ("title", "journal"):
        _add(article, key)
    article["authors"] = [f"Gilbert, P. {PAYLOAD}"]
    # A real DOI of the older SICI kind, with angle brackets in it.
    article["doi"] = "10.1002/(SICI)1097-4679(199905)55:5<549::AID-JCLP1>3.0.CO;2-F"
    _add(data["neff-2011"], "publisher")


def _authors(data):
    for key in ("name", "credentials", "bio"):
        _add(data["fixture-clinician"], key)
    _add(data["fixture-team"], "name")


def _config(path: Path):
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(PAYLOAD)  # a YAML double-quoted string
    for old, new in (
        ("site_name: Fixture Practice Library", f"site_name: {json.dumps('Fixture ' + PAYLOAD)}"),
        ("    name: Fixture Counseling Group", f"    name: {json.dumps('Fixture ' + PAYLOAD)}"),
        ("  - Articles:", f"  - {json.dumps('Articles ' + PAYLOAD)}:"),
        ("    help_link: Get help", f"    help_link: {json.dumps('Get help ' + PAYLOAD)}"),
        ("extra:\n", f"copyright: {quoted}\nextra:\n"),
        # The markup-breaking text reads, of course, far above any reading grade.
        ("extra:\n", "extra:\n  readability:\n    max_grade: 20\n"),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("escaping")
    site = fixture_site(root / "project")
    docs = site / "docs"
    _edit_front_matter(docs / "articles/first.md",
                       lambda f: (_add(f, "title"), _add(f, "description"), _add(f, "series")))
    _edit_front_matter(docs / "articles/second.md", lambda f: (
        _add(f, "title"), _add(f, "description", REFRESH)))
    _edit_front_matter(docs / "exercises/try.md", _exercise)
    _edit_yaml(docs / "_data/feelings.yml", _feelings)
    _edit_yaml(docs / "_data/help-lines.yml", _help_lines)
    _edit_yaml(docs / "_data/references.yml", _references)
    _edit_yaml(docs / "_data/authors.yml", _authors)
    services = docs / "services.md"
    services.write_text(services.read_text(encoding="utf-8") + "\nWe are <!-- practice:name -->.\n",
                        encoding="utf-8")
    _config(site / "mkdocs.yml")
    result = build_site(site, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_value_turns_into_markup_in_any_built_file(built):
    checked = 0
    for path in built.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8")
            for sign in MARKUP_SIGNS:
                assert sign not in text, f"{path.relative_to(built)} contains {sign!r}"
            checked += 1
    assert checked > 20


def test_no_page_redirects_but_the_engines_redirect_pages(built):
    for path in built.rglob("*.html"):
        page = read_html(built, "/" + path.relative_to(built).as_posix())
        for refresh in page.select('meta[http-equiv="refresh" i]'):
            assert refresh.parent.name == "noscript" and page.select_one("a[data-redirect]"), \
                path
    second = read_html(built, "/articles/second/")
    assert second.select_one('meta[name="description"]')["content"].endswith(REFRESH)


def test_titles_and_descriptions_read_exactly_as_written(built):
    page = read_html(built, "/articles/first/")
    assert PAYLOAD in page.title.get_text()
    assert PAYLOAD in page.select_one("h1").get_text()
    assert PAYLOAD in page.select_one('meta[property="og:title"]')["content"]
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert page.select_one(selector)["content"].endswith(PAYLOAD)
    assert PAYLOAD in page.select_one('meta[name="author"]')["content"]
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["name"].endswith(PAYLOAD) and data["description"].endswith(PAYLOAD)


def test_the_whole_page_survives_a_comment_opener_in_its_description(built):
    page = read_html(built, "/articles/first/")
    # Everything after <head> is still there: the article, the care note, the footer.
    assert page.select_one("article h1") and page.select_one("footer")
    assert "Being kind to yourself" in page.select_one("article").get_text()


def test_names_from_configuration_and_navigation_are_text(built):
    page = read_html(built, "/help/")
    assert PAYLOAD in page.select_one(".site-title").get_text()
    assert page.title.get_text().endswith(PAYLOAD)
    assert PAYLOAD in page.select_one(".site-help-link").get_text()
    sections = [label.get_text() for label in page.select(".md-nav__item--section > label")]
    assert any(PAYLOAD in text for text in sections), sections
    assert PAYLOAD in page.select_one(".md-copyright").get_text()


def test_the_practice_name_written_into_a_page_is_text(built):
    text = " ".join(read_html(built, "/services/").select_one("article").get_text().split())
    assert "We are Fixture " + " ".join(PAYLOAD.split()) in text


def test_exercise_fields_keep_quotes_in_labels_values_and_names(built):
    page = read_html(built, "/exercises/try/")
    form = page.select_one("form.exercise")
    assert PAYLOAD in form["aria-label"]
    values = [box["value"] for box in form.select('input[type="radio"]')]
    assert PAYLOAD in values
    texts = " ".join(form.get_text().split())
    assert texts.count(" ".join(PAYLOAD.split())) >= 4  # heading, intro, label, hint, option


def test_data_file_text_is_text_on_every_page_that_shows_it(built):
    help_page = " ".join(read_html(built, "/help/").get_text().split())
    feeling = " ".join(read_html(built, "/exercises/feelings/sadness/").get_text().split())
    author = " ".join(read_html(built, "/authors/clinician/").get_text().split())
    references = " ".join(read_html(built, "/references/").get_text().split())
    payload = " ".join(PAYLOAD.split())
    assert help_page.count(payload) >= 6
    assert feeling.count(payload) >= 6
    assert author.count(payload) >= 3
    assert references.count(payload) >= 4


def test_a_doi_with_angle_brackets_links_to_the_right_address(built):
    page = read_html(built, "/references/")
    link = next(a for a in page.select("a") if "SICI" in a.get_text())
    assert link["href"] == ("https://doi.org/10.1002/(SICI)1097-4679(199905)55:5%3C549::"
                            "AID-JCLP1%3E3.0.CO;2-F")
    assert link.get_text() == "https://doi.org/10.1002/(SICI)1097-4679(199905)55:5<549::AID-JCLP1>3.0.CO;2-F"


def test_search_index_and_sitemap_stay_well_formed(built):
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    # Material shows these titles as HTML, so they are stored escaped.
    assert any("&lt;script&gt;" in title for title in titles)
    ElementTree.parse(built / "sitemap.xml")
