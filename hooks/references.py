"""Citations and sources.

The bibliography is data (docs/_data/references.yml). A page cites entries by key in
Pandoc's style, `[@gilbert-2009]` or `[@gilbert-2009; @longe-2010]`, which becomes a short
author-year marker linking to the page's "Sources" list. The list itself is rendered by the
page's template from exactly the keys the page cites, so the two can never disagree.
"""

import datetime
import re
from urllib.parse import quote

from markupsafe import escape

from mkdocs.plugins import get_plugin_logger

from support.checks import checks_enabled
from support.data_files import load_data_file
from support.shapes import what_it_is
from support.source import line_at, page_path
from support.state import build

log = get_plugin_logger(__name__)

CITATION = re.compile(r"\[(@[\w-]+(?:\s*;\s*@[\w-]+)*)\]")
DOI = re.compile(r"^10\.\d{4,9}/\S+\Z")
REQUIRED_FIELDS = {
    "article": ("authors", "year", "title", "journal", "volume", "pages", "doi"),
    "book": ("authors", "year", "title", "publisher", "isbn"),
}
WHERE = "docs/_data/references.yml"
# Fields printed as they are; numbers (a volume, pages) are fine, lists and fields are not.
TEXT_FIELDS = ("title", "journal", "publisher", "edition", "volume", "issue", "pages", "doi",
               "isbn")
_references = {}
_cited_by_page = {}


def on_config(config, **kwargs):
    global _references
    _references = load_data_file(config, "references")
    for key, entry in list(_references.items()):
        problems = entry_problems(entry) if checks_enabled() else []
        for problem in problems:
            log.warning(f"{WHERE}, line {_line_of(key, entry, problem)}: the reference "
                        f"'{key}' {problem[1]}")
        if isinstance(entry, dict):
            entry.setdefault("key", key)
            for field in TEXT_FIELDS:  # reported above; never printed as a list
                if field in entry and not _is_text(entry[field]):
                    del entry[field]
        else:
            del _references[key]
    _cited_by_page.clear()
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    cited = []

    def replace(match):
        keys = [key.strip().lstrip("@") for key in match.group(1).split(";")]
        markers = []
        for key in keys:
            if key not in _references:
                line = line_at(page, markdown, match.start())
                log.warning(
                    f"{page_path(page)}, line {line}: the citation '@{key}' is not in "
                    "docs/_data/references.yml. Check the spelling of the key, or add the "
                    "source to that file."
                )
                continue
            if key not in cited:
                cited.append(key)
            markers.append(
                f'<a class="citation" href="#source-{key}">{escape(short_label(_references[key]))}</a>'
            )
        return f'<span class="citations">({"; ".join(markers)})</span>' if markers else ""

    markdown = CITATION.sub(replace, markdown)
    _cited_by_page[page.file.src_uri] = cited
    return markdown


def on_env(env, config, files, **kwargs):
    env.filters["doi_url"] = doi_url
    cited_by = {key: [] for key in _references}
    for file in files.documentation_pages():
        for key in _cited_by_page.get(file.src_uri, []):
            cited_by[key].append(file.page)
    unused = [key for key, pages in cited_by.items() if not pages]
    build.unused_references[:] = unused
    if checks_enabled():
        for key in unused:
            log.warning(f"{WHERE}, line {_references.line_of(key)}: no page cites the reference "
                        f"'{key}'. Cite it with [@{key}] where it supports a claim, or remove it.")
    env.globals["bibliography"] = [
        dict(entry, cited_by=cited_by[key])
        for key, entry in sorted(_references.items(), key=lambda item: _sort_key(item[1]))
    ]
    return env


def on_page_context(context, page, config, nav, **kwargs):
    context["page_sources"] = [_references[key] for key in _cited_by_page.get(page.file.src_uri, [])]
    return context


def doi_url(doi) -> str:
    """The doi.org address of a DOI. Characters that cannot stand in an address as they are
    (older DOIs hold '<', '>' and '#') are percent-encoded, as the DOI handbook advises."""
    return "https://doi.org/" + quote(str(doi), safe="/:;()[]._-+,=@!$*'~")


def short_label(entry) -> str:
    """Author-year label: "Gilbert, 2009", "Neff & Germer, 2013", "Longe et al., 2010"."""
    surnames = [str(name).split(",")[0].strip() for name in entry.get("authors") or []]
    year = entry.get("year", "n.d.")
    if len(surnames) == 1:
        names = surnames[0]
    elif len(surnames) == 2:
        names = f"{surnames[0]} & {surnames[1]}"
    elif surnames:
        names = f"{surnames[0]} et al."
    else:
        names = "Unknown"
    return f"{names}, {year}"


def _sort_key(entry):
    first_author = (entry.get("authors") or [""])[0]
    return (str(first_author).lower(), str(entry.get("year", "")))


def entry_problems(entry) -> list[tuple[str, str]]:
    """What is wrong with one bibliography entry, as (field, message with the fix)."""
    if not isinstance(entry, dict):
        return [("", "must be a set of fields (type, authors, year, title, …). See README.md.")]
    kind = entry.get("type")
    if kind not in REQUIRED_FIELDS:
        return [("type", f"has type '{kind}'. Use 'article' or 'book'.")]
    problems = [(field, f"has no '{field}'. Every {kind} needs one; add it to the entry.")
                for field in REQUIRED_FIELDS[kind] if entry.get(field) in (None, "", [])]
    problems += [(field, f"has a '{field}' that is {what_it_is(entry[field])}. Write it as "
                         "plain text, in quotes if it contains a colon.")
                 for field in TEXT_FIELDS if field in entry and not _is_text(entry[field])]
    authors = entry.get("authors")
    if authors and (not isinstance(authors, list)
                    or not all(isinstance(name, str) and "," in name for name in authors)):
        problems.append(("authors", "must list its authors as [\"Surname, I.\", …], in "
                                    "square brackets and quotes."))
    year = entry.get("year")
    if year and (not isinstance(year, int) or not 1800 <= year <= datetime.date.today().year + 1):
        problems.append(("year", f"has the year '{year}'. Write the year of publication as four "
                                 "digits, like 2019."))
    doi = entry.get("doi")
    if doi and not DOI.match(str(doi)):
        problems.append(("doi", f"has a malformed DOI '{doi}'. Write only the DOI itself, which "
                                "starts with '10.', like 10.1037/a0023861 (no https://doi.org/)."))
    isbn = entry.get("isbn")
    if isbn and not isbn_is_valid(str(isbn)):
        problems.append(("isbn", f"has the ISBN '{isbn}', whose check digit is wrong. Copy the "
                                 "ISBN again from the book's copyright page or the publisher."))
    return problems


def _is_text(value) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def isbn_is_valid(isbn: str) -> bool:
    """True when an ISBN-10 or ISBN-13 has the right length and check digit."""
    digits = re.sub(r"[\s-]", "", isbn).upper()
    if re.fullmatch(r"\d{13}", digits):
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
        return (10 - total % 10) % 10 == int(digits[12])
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if d == "X" else int(d)) for i, d in enumerate(digits))
        return total % 11 == 0
    return False


def _line_of(key, entry, problem) -> int:
    field = problem[0]
    if isinstance(entry, dict) and field in entry:
        return entry.line_of(field)
    return _references.line_of(key)
