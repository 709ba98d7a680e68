"""Each kind of page gets style sheets holding only the CSS it can use, and waits before it paints
only for the part it can show at once, so that a page's render-blocking bytes fit in the first
round trip of a new connection (about 14 KB).

The style sheets a page waits for before it paints (Material's, the engine's, the practice's
colours: every `<link rel="stylesheet">` without a media query, in one folder) are replaced by
one sheet made for its kind of page (its type, or the template of a page such as 404.html). That
sheet holds, in their order, the rules of those sheets that can apply to some element of some
page of that kind, once everything a reader or a script can change is set aside:

- states: pseudo-classes such as :hover, :focus, :checked and :target, and :not(), which may
  hold a state; pseudo-elements count as their element;
- what a script changes: the classes and attributes that the scripts the pages run add or
  remove (read from the scripts themselves, so an upgrade of Material brings its own list), and
  `open`, which a reader changes on a <details>.

A kept rule keeps only the selectors of its list that can match (a `[dir=rtl]` variant on a site
written left to right goes). At-rules keep the rules they hold that are kept; keyframes and
custom properties stay when a kept rule uses them. A selector the matcher cannot read is kept,
with its rule.

The rules for the dark scheme (`@media (prefers-color-scheme: dark)` at the top level of a sheet)
and for paper (`@media print`, and the print style sheet) go to two more sheets of the kind,
linked with those media queries, so that a browser waits for them only when they apply.

On kinds of page that run a deferred script, what no reader can see before that script has run
or they have acted (rules that match only once the script has changed the page, or on :hover,
:focus and the like) goes to a fourth sheet, `<kind>.later.lean.css`, linked at the end of
<body> and fetched at low priority: a browser paints the page without waiting for it (Chromium
reports it "non-blocking"), and deferred scripts wait for it, so nothing they change shows
unstyled. For the cascade to stay as it was, the later sheet also repeats every later
declaration that could tie with one it holds (a property of the same family, as important, from
a selector as specific), and the dark and print sheets are linked again after it. Kinds of page
with no deferred script keep one sheet: a later one would save them a few bytes of :hover and
:focus and cost a request. (A pointer already resting on a link as the page paints shows the
link's hover colour a moment later, when the later sheet has come.) Sheets that use cascade
layers are not split: a layer ranks by where it is first named, which a second sheet would
change.

`SITE_LEAN_STYLES=off` in the environment leaves every page with the full style sheets, to compare
or to look into a style problem.

tests/test_lean_styles.py compares every element's computed style with the full style sheets and
with the trimmed ones, in the states a reader can bring about and as a page first paints, before
its later sheet; a Material upgrade that adds a state this hook does not know shows there.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import cssselect2
import tinycss2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from support.page_types import page_type
from support.site_files import refuse_to_overwrite
from support.state import build
from support.switches import switched_off

# A kind's sheets, beside the sheets they are made from: <kind>.lean.css holds what every
# screen needs before it paints; the dark scheme's rules and the paper's come in sheets of their
# own, with a media query, so a browser waits for them only when they apply.
log = get_plugin_logger(__name__)

SWITCH = "SITE_LEAN_STYLES"
NOTE = "/* The CSS this kind of page can use, made by hooks/lean_styles.py. */"
CHARSET = '@charset "UTF-8";\n'  # only a file that holds more than ASCII needs it
SHEET_NAME = "{kind}{part}.lean.css"
FIRST, LATER, DARK, PRINT = "", ".later", ".dark", ".print"
PARTS = {  # part of the file name: (the media attribute, the top-level @media that goes there)
    FIRST: (None, None),
    LATER: (None, None),
    DARK: ("(prefers-color-scheme: dark)", "@media (prefers-color-scheme: dark)"),
    PRINT: ("print", "@media print"),
}
# Where each part is linked: before the page paints, in <head>; and at the end of <body>, where
# the dark and print sheets come again after the later one, to keep their place in the cascade.
IN_HEAD = (FIRST, DARK)
AT_BODY_END = (LATER, DARK, PRINT)
STYLE_LINK = re.compile(
    r'<link rel="stylesheet" href="(?P<href>[^"]+)"(?: media="(?P<media>[^"]+)")?>\n?')
SCRIPT_SOURCE = re.compile(r'<script\b(?P<attrs>[^>]*)\bsrc="(?P<src>[^"]+)"(?P<more>[^>]*)>')
# A script that runs only once the page is read, and waits for its style sheets (those in <body>
# too): deferred, or a module, and not async (async wins over defer). Any other may run before
# the page first paints.
DEFERRED = re.compile(r'\sdefer\b|\stype="module"')
ASYNC = re.compile(r"\sasync\b")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(?P<body>.*?)</script>",
                           re.DOTALL | re.IGNORECASE)
# How a script changes an element's classes and attributes, and which elements it makes
# (Material's bundle writes new elements as x("li", {class: "…"}) and changes them with
# classList and setAttribute). A name cut short by a template's ${…} counts as a prefix.
SCRIPT_CLASS_VALUE = re.compile(r"""\bclass(?:Name)?\s*[:=]\s*(["'`])(.*?)\1""")
SCRIPT_CLASS_CALL = re.compile(r"""classList\.\w+\(([^()]*)\)""")
SCRIPT_ATTRIBUTES = re.compile(r"""(?:set|remove|toggle)Attribute\(\s*(["'`])(.*?)\1""")
SCRIPT_DATASET = re.compile(r"\bdataset\.(\w+)")
SCRIPT_ELEMENTS = re.compile(
    r"""\b[\w$]{1,2}\(\s*["']([a-z][a-z0-9]*)["']\s*,|createElement\(\s*["']([a-z][a-z0-9]*)["']\s*\)"""
    r"""|<([a-z][a-z0-9]*)[\s>]""")
STRING = re.compile(r"""(["'`])(.*?)\1""")
CUSTOM_PROPERTY = re.compile(r"--[\w-]+")
# An animation a page's style attribute or a script names (its keyframes must stay).
TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")
ANIMATION_NAME = re.compile(r"""animation(?:-name|Name)?\s*[:=]\s*["'`]?\s*([\w-]+)""")
# Attributes a reader changes without any script.
READER_ATTRIBUTES = {"open"}
# States that only a reader's pointer or keyboard brings about, never a page as it loads.
INTERACTION = {"hover", "focus", "focus-visible", "focus-within", "active"}
NO_ELEMENT = ":not(*)"
# Pseudo-classes that depend on the document alone, never on what a reader or a script does.
STRUCTURAL = {"root", "first-child", "last-child", "only-child", "first-of-type",
              "last-of-type", "only-of-type", "nth-child", "nth-last-child", "nth-of-type",
              "nth-last-of-type"}
# Functional pseudo-classes whose argument is itself a selector, set aside state by state.
SELECTOR_ARGUMENT = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}
ANY_ELEMENT = ":is(*)"
KEYFRAMES = {"keyframes", "-webkit-keyframes"}
# At-rules that describe a page box, a font or a property rather than set elements' properties:
# they take no part in the cascade of the rules around them.
DESCRIPTOR_AT_RULES = {"page", "font-face", "property", "counter-style", "font-feature-values",
                       "font-palette-values", "view-transition"}
_site_files: list = []  # the site's and the theme's files, so that none is overwritten
VENDOR_PSEUDO = re.compile(r"::?-[a-z]+-", re.IGNORECASE)
NTH_OF_SELECTOR = re.compile(r":nth-(?:last-)?child\([^)]*\bof\b", re.IGNORECASE)
GROUPING_AT_RULES = {"media", "supports", "container", "layer", "document", "scope",
                     "starting-style"}


def on_config(config, **kwargs):
    off = switched_off(SWITCH, "give each kind of page only the CSS it uses",
                       "give every page the full style sheets")
    # A --dirty build writes only the pages that changed, and a kind's sheet must cover all its
    # pages: such a build keeps the full style sheets.
    build.lean_styles_on = not off and not build.dirty
    if build.dirty and not off:
        log.info("A --dirty build keeps every page on the full style sheets.")
    return config


def on_files(files, config, **kwargs):
    _site_files[:] = [files]
    return files


@event_priority(-110)  # after content_security: the page's scripts are the ones it will run
def on_post_page(output, page, config, **kwargs):
    if not build.lean_styles_on:
        return output
    return one_sheet_for_its_kind(output, page.file.dest_uri, page_type(page), config)


def file_name_part(kind: str) -> str:
    return re.sub(r"[^\w-]", "-", kind)


@event_priority(-110)
def on_post_template(output_content, template_name, config, **kwargs):
    if not build.lean_styles_on or not template_name.endswith(".html"):
        return output_content
    return one_sheet_for_its_kind(output_content, template_name,
                                  template_name.removesuffix(".html"), config)


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    parsed = {}  # each set of style sheets is read once, however many kinds of page share it
    for (folder, kind), kind_pages in build.lean_sheets.items():
        sheets = kind_pages["sheets"]
        if sheets not in parsed:
            parsed[sheets] = StyleSheets([sheet_text(site / path, media)
                                          for path, media in sheets])
        texts = trimmed_sheets(site, parsed[sheets], kind_pages["pages"], config)
        if texts[LATER] is None:  # nothing waits for a script or a reader: no later sheet
            del texts[LATER]
            for dest in kind_pages["pages"]:
                without_later_sheet(site / dest, kind)
        for part, text in texts.items():
            (site / folder / SHEET_NAME.format(kind=kind, part=part)).write_text(
                text, encoding="utf-8")


def without_later_sheet(file: Path, kind: str):
    """The page with its kind's sheets all in <head>, as there is no later sheet to follow: the
    links at the end of <body> go, and the print sheet's moves up beside the dark one."""
    names = {part: re.escape(SHEET_NAME.format(kind=kind, part=part)) for part in PARTS}
    body_end = "".join(f'<link rel="stylesheet" href="[^"]*/{names[part]}"[^>]*>\n'
                       for part in AT_BODY_END)
    dark = f'<link rel="stylesheet" href="(?P<base>[^"]*)/{names[DARK]}"[^>]*>\n'
    html = file.read_text(encoding="utf-8")
    html, removed = re.subn(body_end, "", html, count=1)
    html, moved = re.subn(dark, lambda match: match[0] + link_tags(match["base"], kind, [PRINT]),
                          html, count=1)
    if removed != 1 or moved != 1:
        raise PluginError(f"{file}: its links to the {kind} style sheets are not where "
                          "hooks/lean_styles.py wrote them. Another hook changed the page after "
                          "it: run that hook earlier.")
    file.write_text(html, encoding="utf-8")


def sheet_text(path: Path, media: str | None) -> str:
    """A sheet's rules; a sheet linked with a media query keeps it, as an @media rule."""
    text = path.read_text(encoding="utf-8")
    return f"@media {media}{{{text}}}" if media else text


def one_sheet_for_its_kind(html: str, dest_uri: str, kind: str, config) -> str:
    """The page with its style sheets of one folder replaced by its kind's sheets."""
    links = [(match, site_path(match["href"], dest_uri, config))
             for match in STYLE_LINK.finditer(html)
             if match["media"] in (None, "all", "screen", "print")]
    local = [(match, path) for match, path in links if path is not None]
    if not local:
        return html
    folder = posixpath.dirname(local[0][1])
    merged = [(match, path) for match, path in local if posixpath.dirname(path) == folder]
    sheets = tuple((path, None if match["media"] in ("all", None) else match["media"])
                   for match, path in merged)
    kind = file_name_part(kind)
    if (folder, kind) not in build.lean_sheets:
        check_sheets(merged, folder, kind, dest_uri, config)
    kind_pages = build.lean_sheets.setdefault((folder, kind), {"sheets": sheets, "pages": []})
    if kind_pages["sheets"] != sheets:
        raise PluginError(f"{dest_uri}: its style sheets ({', '.join(p for p, _ in sheets)}) "
                          f"differ from other '{kind}' pages' "
                          f"({', '.join(p for p, _ in kind_pages['sheets'])}). Give every page "
                          "of one kind the same style sheets.")
    kind_pages["pages"].append(dest_uri)
    base = posixpath.dirname(merged[0][0]["href"])
    pieces, position = [], 0
    for index, (match, _) in enumerate(merged):
        pieces += [html[position:match.start()], link_tags(base, kind, IN_HEAD) if index == 0 else ""]
        position = match.end()
    html = "".join(pieces) + html[position:]
    body_end = html.rfind("</body>")
    if body_end < 0:
        raise PluginError(f"{dest_uri}: the page has no </body>, so its later style sheet has no "
                          "place. Make its template end with </body></html>.")
    return html[:body_end] + link_tags(base, kind, AT_BODY_END) + html[body_end:]


def check_sheets(merged, folder: str, kind: str, dest_uri: str, config):
    """Stop the build, naming the fix, where a linked sheet is missing or one of the site's own
    files has the name of a sheet this hook writes."""
    for match, path in merged:
        if not (Path(config["site_dir"]) / path).is_file():
            raise PluginError(f"{dest_uri}: it links the style sheet '{match['href']}', which "
                              "the site does not have. Check the file's name under extra_css in "
                              "mkdocs.yml (or in the template that links it).")
    for part in PARTS:
        refuse_to_overwrite(config, _site_files[0], posixpath.join(
            folder, SHEET_NAME.format(kind=kind, part=part)), f"the '{kind}' pages' style sheet",
            "Rename the file.")


def link_tags(base: str, kind: str, parts) -> str:
    # The later sheet is fetched at low priority, so that it does not share the connection with
    # what the page needs to paint.
    return "".join(
        f'<link rel="stylesheet" href="{posixpath.join(base, SHEET_NAME.format(kind=kind, part=part))}"'
        + (f' media="{PARTS[part][0]}"' if PARTS[part][0] else "")
        + (' fetchpriority="low"' if part == LATER else "") + ">\n" for part in parts)


def site_path(href: str, dest_uri: str, config) -> str | None:
    """The site file a link leads to ("assets/stylesheets/engine.css"), or None if another site's."""
    site_root = urlsplit(config["site_url"] or "/").path.rstrip("/") + "/"
    address = urlsplit(urljoin("https://site.invalid" + site_root + dest_uri, href))
    if address.netloc != "site.invalid" or not address.path.startswith(site_root):
        return None
    return address.path[len(site_root):]


def trimmed_sheets(site: Path, sheets: StyleSheets, dests: list[str],
                   config) -> dict[str, str | None]:
    """{part: CSS} of the kind's sheets: the rules that can apply to one of its pages, those it
    can show before any script runs or reader acts apart ({LATER: None} if that is all)."""
    pages = [(site / dest).read_text(encoding="utf-8") for dest in dests]
    script_text = scripts_of(site, dests, pages, config)
    selectors = {}  # {rule index: places of its selectors that can match}
    used = sheets.used_rules(pages, relaxer_for(pages, script_text), selectors=selectors)
    early = scripts_of(site, dests, pages, config, early_only=True)
    first = first_paint_rules(sheets, pages, used, script_text, early)
    mentioned = set(CUSTOM_PROPERTY.findall(script_text))
    animations = set(ANIMATION_NAME.findall(script_text))
    for page in pages:
        mentioned.update(CUSTOM_PROPERTY.findall(page))
        animations.update(ANIMATION_NAME.findall(page))
    return {part: (CHARSET if not text.isascii() else "") + f"{NOTE}\n{text}\n"
            if text or part != LATER else None
            for part, text in sheets.write(used, mentioned, animations, first, selectors).items()}


def first_paint_rules(sheets: StyleSheets, pages: list[str], used: set[int], script_text: str,
                      early: str) -> set[int]:
    """Those of the `used` rules that a page can show as it first paints, before its deferred
    scripts (`script_text` is all its scripts, `early` those that may run before) or its reader
    have changed anything."""
    if early == script_text or sheets.layered:
        # No script waits: the page's one sheet holds it all, as a later one costs a request and
        # more bytes in all to save a few blocking ones. Cascade layers rank by where each is
        # first named, which a second sheet would change.
        return used
    return sheets.used_rules(pages, relaxer_for(pages, early, interaction=False), among=used)


def relaxer_for(pages: list[str], script_text: str, interaction: bool = True) -> "Relaxer":
    """What to set aside in selectors, for pages that run these scripts; without `interaction`,
    what a reader changes (:hover, :focus, opening a <details>) is not set aside but never
    matches, as on a page that has only just painted."""
    classes, attributes, elements = what_scripts_change(script_text)
    # A class name a script completes at run time ("md-source__fact--${t}") belongs to a
    # component (the part before "__"): it can only appear where that component is.
    classes = {name for name in classes if not name.endswith("*") or "__" not in name
               or any(name.split("__", 1)[0] in page for page in pages)}
    # An element a script makes, of a type none of these pages has (a search hit's <mark>),
    # may be anywhere: its type is set aside too.
    present = {tag.lower() for page in pages for tag in TAG_NAME.findall(page)}
    return Relaxer(classes, (READER_ATTRIBUTES if interaction else set()) | attributes,
                   elements - present, interaction)


def scripts_of(site: Path, dests: list[str], pages: list[str], config,
               early_only: bool = False) -> str:
    """The text of every script the pages run, inline or from a file of the site; with
    `early_only`, of those that may run before the page first paints (all but deferred ones)."""
    texts, files = [], set()
    for dest, html in zip(dests, pages):
        texts += [match["body"] for match in INLINE_SCRIPT.finditer(html)]
        for match in SCRIPT_SOURCE.finditer(html):
            attributes = " " + match["attrs"] + " " + match["more"]
            if early_only and DEFERRED.search(attributes) and not ASYNC.search(attributes):
                continue
            path = site_path(match["src"], dest, config)
            if path is not None and (site / path).is_file():
                files.add(path)
    texts += [(site / path).read_text(encoding="utf-8", errors="replace") for path in sorted(files)]
    return "\n".join(texts)


def what_scripts_change(script_text: str) -> tuple[set[str], set[str], set[str]]:
    """(classes, attributes, element names) the scripts may add, remove or create. A name ending
    in "*" stands for every name it begins."""
    values = [value for _, value in SCRIPT_CLASS_VALUE.findall(script_text)]
    values += [value for call in SCRIPT_CLASS_CALL.findall(script_text)
               for _, value in STRING.findall(call)]
    classes = {as_prefix(name) for value in values for name in value.split()}
    attributes = {as_prefix(name) for _, name in SCRIPT_ATTRIBUTES.findall(script_text)}
    attributes |= {"data-" + re.sub(r"[A-Z]", lambda m: "-" + m[0].lower(), name)
                   for name in SCRIPT_DATASET.findall(script_text)}
    if re.search(r"\.hidden\s*=", script_text):
        attributes.add("hidden")
    elements = {"".join(names) for names in SCRIPT_ELEMENTS.findall(script_text)}
    # A whole name made by a script ("${p}") could be any name: it is not read as "every class",
    # which would keep every rule; the twin test shows what such a name would have needed.
    return classes - {"", "*"}, attributes - {"", "*"}, elements


def as_prefix(name: str) -> str:
    """`md-source__fact--${t}` -> `md-source__fact--*`; a name without ${ is itself."""
    return name.split("${", 1)[0] + "*" if "${" in name else name


def complex_selectors(prelude) -> list[list]:
    """A selector list's selectors, split at its top-level commas, without comments (in a
    selector a comment is nothing: `.a/**/.b` is `.a.b`)."""
    selectors = [[]]
    for token in prelude:
        if token == ",":
            selectors.append([])
        elif token.type != "comment":
            selectors[-1].append(token)
    return [selector for selector in selectors
            if any(token.type != "whitespace" for token in selector)]


PARENTHESES = re.compile(r"\([^()]*\)")
SIMPLE_NAME = re.compile(r"([.#]?)(-?[_a-zA-Z][\w-]*)")


class PageReader(HTMLParser):
    """Reads a page once, into what the matcher needs: its <html> element as a tree, the names a
    selector may require (".class", "#id", "element", "[attribute", "[attribute=value]"), and
    its skeleton, a key equal for pages that differ only in text and in values no selector
    compares. Python's own HTML reader, with the structure HTML lets a page leave implied, is
    eight times faster than a full HTML5 parser; the pages are the engine's own, checked by the
    Nu HTML Checker in the tests."""

    def __init__(self, valued: set[str]):
        super().__init__(convert_charrefs=True)
        self.valued = valued
        self.root = ElementTree.Element("document")
        self.open = [self.root]
        self.names: set[str] = set()
        self.events: list[str] = []

    @classmethod
    def read(cls, html: str, valued: set[str]) -> "PageReader":
        reader = cls(valued)
        reader.feed(html)
        reader.close()
        return reader

    @property
    def tree(self) -> ElementTree.Element:
        return next(iter(self.root.iter("html")), self.root)

    @property
    def skeleton(self) -> str:
        return "\n".join(self.events)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=tag in VOID)

    def handle_startendtag(self, tag, attrs):
        # "/>" closes an element only in SVG and MathML (and void elements): elsewhere a browser
        # ignores the slash.
        foreign = any(element.tag in ("svg", "math") for element in self.open)
        self._start(tag, attrs, closed=tag in VOID or foreign or tag in ("svg", "math"))

    def handle_endtag(self, tag):
        self.events.append("/" + tag)
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def _start(self, tag, attrs, closed):
        self._close_implied(tag)
        if tag == "tr" and self.open[-1].tag == "table":
            self.open.append(ElementTree.SubElement(self.open[-1], "tbody"))
            self.names.add("tbody")
        attributes = {name.lower(): value or "" for name, value in attrs}
        element = ElementTree.SubElement(self.open[-1], tag, attributes)
        if not closed:
            self.open.append(element)
        self.names.add(tag)
        for name, value in attributes.items():
            self.names |= {"[" + name, f"[{name}={value.lower()}]"}
        self.names |= {"." + name for name in attributes.get("class", "").split()}
        if "id" in attributes:
            self.names.add("#" + attributes["id"])
        kept = " ".join(f'{name}="{value}"' if name in ("class", "id") or name in self.valued
                        else name for name, value in sorted(attributes.items()))
        self.events.append(f"{tag} {kept}{' /' if closed else ''}")

    def _close_implied(self, tag):
        """End the elements a start tag ends by itself (an open <p>, a list item, a row…)."""
        if tag in CLOSES_P:
            self._pop_to("p", SCOPE)
        for closes, scope in CLOSES_SIBLING.get(tag, ()):
            self._pop_to(closes, scope)

    def _pop_to(self, tag, scope):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return
            if self.open[depth].tag in scope:
                return


# Elements with no end tag; elements whose start ends an open <p>; and elements that end an
# open sibling of theirs, looking no further out than the given elements.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param"}
CLOSES_P = {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
            "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hgroup", "hr", "listing", "main", "menu", "nav", "ol",
            "p", "plaintext", "pre", "search", "section", "summary", "table", "ul", "xmp"}
SCOPE = {"button", "table", "td", "th", "caption", "html", "template", "svg", "math",
         "object", "marquee", "applet"}
LIST_SCOPE = SCOPE | {"ul", "ol"}
CLOSES_SIBLING = {
    "li": [("li", LIST_SCOPE)],
    "dt": [("dt", SCOPE | {"dl"}), ("dd", SCOPE | {"dl"})],
    "dd": [("dt", SCOPE | {"dl"}), ("dd", SCOPE | {"dl"})],
    "tr": [("tr", {"table", "html", "template"})],
    "td": [("td", {"tr", "table", "html", "template"}), ("th", {"tr", "table", "html"})],
    "th": [("td", {"tr", "table", "html", "template"}), ("th", {"tr", "table", "html"})],
    "option": [("option", {"select", "datalist", "html"})],
}


ATTRIBUTE_SELECTOR = re.compile(
    r"""\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*[is]?\s*)?\]""")


def required_names(selector: str) -> set[str]:
    """The classes, ids, element names and attributes a selector requires, outside parentheses
    (what :is() or :has() hold may be one of several). None are read from a selector with
    escaped characters or a namespace, so it is always matched."""
    if not selector.isascii() or re.search(r"""[\\|"']|[.#]-""", selector):
        return set()  # escapes, namespaces, quoted values, unusual names: always matched
    while PARENTHESES.search(selector):
        selector = PARENTHESES.sub("", selector)
    required = set()
    for name, operator, *values in ATTRIBUTE_SELECTOR.findall(selector):
        value = next((v for v in values if v), "")
        # Values compared in lower case: some attributes' values ignore case, and a looser
        # requirement only keeps more.
        required.add(f"[{name.lower()}={value.lower()}]" if operator == "=" else "[" + name.lower())
    selector = re.sub(r"\[[^\]]*\]|::?[\w-]+", "", selector)
    return required | {(sign + name) if sign else name.lower()
                       for sign, name in SIMPLE_NAME.findall(selector)}


class Relaxer:
    """Turns a selector into one that matches whatever state a reader or a script may bring."""

    def __init__(self, classes: set[str], attributes: set[str], elements: set[str] = frozenset(),
                 interaction: bool = True):
        self.classes, self.attributes, self.elements = classes, attributes, elements
        self.interaction = interaction  # False: :hover, :focus and the like never match

    @staticmethod
    def _among(name: str, names: set[str]) -> bool:
        return name in names or any(other.endswith("*") and name.startswith(other[:-1])
                                    for other in names)

    def selector(self, tokens) -> list:
        out, tokens = [], list(tokens)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if token == ":" and following == ":":  # a pseudo-element: its element matches
                index += 3
                out.append(self._any())
                continue
            if token == ":" and following is not None:
                out.append(self._pseudo_class(following))
                index += 2
                continue
            if token == "." and following is not None and following.type == "ident" \
                    and self._among(following.value, self.classes):
                out.append(self._any())
                index += 2
                continue
            if token.type == "[] block" and self._among(self.attribute_name(token) or "",
                                                        self.attributes):
                out.append(self._any())
                index += 1
                continue
            previous = tokens[index - 1] if index else None
            if token.type == "ident" and token.lower_value in self.elements \
                    and not (previous is not None and previous.type == "literal"
                             and previous.value in (".", ":", "|")):
                out.append(_Raw("*"))  # an element a script may make where there is none yet
                index += 1
                continue
            out.append(token)
            index += 1
        return out

    def _pseudo_class(self, token):
        if not self.interaction and token.type == "ident" and token.lower_value in INTERACTION:
            return _Raw(NO_ELEMENT)
        if token.type == "ident" and token.lower_value in STRUCTURAL:
            return _Raw(":" + token.serialize())
        if token.type == "function" and token.lower_name in SELECTOR_ARGUMENT:
            return _Raw(f":{token.lower_name}(" + tinycss2.serialize(self.selector(token.arguments))
                        + ")")
        if token.type == "function" and token.lower_name in STRUCTURAL:
            return _Raw(":" + token.serialize())
        return self._any()

    @staticmethod
    def attribute_name(block) -> str | None:
        names = [t for t in block.content if t.type == "ident"]
        return names[0].lower_value if names else None

    @staticmethod
    def _any():
        return _Raw(ANY_ELEMENT)


class _Raw:
    """Selector text spliced into a token list (tinycss2.serialize calls ._serialize_to())."""

    def __init__(self, text: str):
        self.text, self.type = text, "raw"

    def _serialize_to(self, write):
        write(self.text)


@dataclass
class StyleRule:
    index: int               # its place among the style rules, counted across the sheets
    selectors: list          # its complex selectors, as tokens
    selector_text: str
    selector_texts: list     # each of its complex selectors, as text
    declarations: list       # (name, value as text, important)


@dataclass
class GroupRule:
    """An at-rule holding rules (@media, @supports, …): kept when one of them is."""
    head: str
    children: list


@dataclass
class OtherRule:
    """Any other at-rule (@keyframes, @font-face, …), or a rule this hook does not take apart."""
    text: str
    keyframes: str | None = None  # the name, for @keyframes: kept when a kept rule uses it
    sets_properties: bool = True  # False for at-rules of descriptors (@page, @font-face, …)


class StyleSheets:
    """Style sheets read once: their rules as a tree, and what selectors can match."""

    def __init__(self, texts: list[str]):
        self.style_rules: list[StyleRule] = []
        self.tree = [node for text in texts for node in self._read(
            tinycss2.parse_stylesheet(text, skip_comments=False, skip_whitespace=True))]
        self.valued = {Relaxer.attribute_name(block) for rule in self.style_rules
                       for block in attribute_blocks(rule_tokens(rule.selectors))
                       if any(part.type == "literal" and part.value.endswith("=")
                              for part in block.content)}
        self._candidates, self._compiled, self._specificities = {}, {}, {}
        self._selectors: dict = {}  # while writing: {rule index: places of its kept selectors}
        self.layered = any("@layer" in text.lower() for text in texts)

    def _read(self, rules) -> list:
        nodes = []
        for rule in rules:
            if rule.type == "qualified-rule":
                # Comments kept inside values, where one may stand between two words.
                content = [item for item in tinycss2.parse_blocks_contents(
                    rule.content, skip_comments=False, skip_whitespace=True)
                    if item.type != "comment"]
                if any(item.type != "declaration" for item in content):
                    # Nested rules (CSS nesting): kept whole rather than taken apart.
                    nodes.append(OtherRule(tinycss2.serialize([rule])))
                    continue
                selectors = complex_selectors(rule.prelude)
                texts = [_compact(selector, SELECTOR_PUNCTUATION) for selector in selectors]
                node = StyleRule(len(self.style_rules), selectors, ",".join(texts), texts,
                                 [(item.lower_name if not item.name.startswith("--")
                                   else item.name, _compact(item.value), item.important)
                                  for item in content])
                self.style_rules.append(node)
                nodes.append(node)
            elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_AT_RULES \
                    and rule.content is not None:
                children = self._read(tinycss2.parse_blocks_contents(
                    rule.content, skip_comments=True, skip_whitespace=True))
                nodes.append(GroupRule(f"@{rule.at_keyword} {_compact(rule.prelude)}".strip(),
                                       children))
            elif rule.type == "at-rule" and rule.lower_at_keyword in KEYFRAMES:
                nodes.append(OtherRule(f"@{rule.at_keyword} {_compact(rule.prelude)}"
                                       f"{{{_compact(rule.content or [])}}}",
                                       keyframes=_compact(rule.prelude).strip("\"'")))
            elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
                nodes.append(OtherRule(tinycss2.serialize([rule]), sets_properties=(
                    rule.lower_at_keyword not in DESCRIPTOR_AT_RULES)))
        return nodes  # (@charset may only open a file: each written sheet opens with its own)

    def candidates(self, relax) -> list:
        """[(rule index, the selector's place in its list, names it requires, compiled selectors
        or None)], once per relaxer; a selector that relaxes to the same text is compiled once."""
        key = (frozenset(relax.classes), frozenset(relax.attributes), frozenset(relax.elements),
               relax.interaction)
        if key not in self._candidates:
            found = []
            for rule in self.style_rules:
                first_of_rule = len(found)
                for selector in rule.selectors:
                    relaxed = tinycss2.serialize(relax.selector(selector))
                    if relaxed not in self._compiled:
                        try:
                            self._compiled[relaxed] = cssselect2.compile_selector_list(relaxed)
                        except cssselect2.SelectorError:
                            self._compiled[relaxed] = None  # unreadable: always kept
                    found.append((rule.index, len(found) - first_of_rule, required_names(relaxed),
                                  self._compiled[relaxed]))
            self._candidates[key] = found
        return self._candidates[key]

    def used_rules(self, pages: list[str], relax, among: set[int] | None = None,
                   selectors: dict | None = None) -> set[int]:
        """The indexes of the style rules (`among` these, if given) that match an element of one
        of the pages; `selectors`, if given, gets {rule index: the places of those of its
        selectors that do}."""
        readers = {}
        for html in pages:  # pages that differ only in their text are matched once
            reader = PageReader.read(html, self.valued)
            readers.setdefault(reader.skeleton, reader)
        present = set().union(*(reader.names for reader in readers.values()))
        matched, waiting = set(), []
        for index, place, required, compiled in self.candidates(relax):
            if among is not None and index not in among:
                continue
            if not required <= present:
                continue  # it names a class, id or element that no page of this kind has
            if compiled is None:
                matched.add((index, place))  # a selector the matcher cannot read is kept
            else:
                waiting.append(((index, place), required, compiled))
        for reader in readers.values():
            # Only selectors not yet matched, whose names this page has: most pages need no
            # matching.
            waiting = [entry for entry in waiting if entry[0] not in matched]
            matcher, any_selector = cssselect2.Matcher(), False
            for key, required, compiled in waiting:
                if required <= reader.names:
                    for selector in compiled:
                        matcher.add_selector(selector, key)
                        any_selector = True
            if not any_selector:
                continue
            for element in cssselect2.ElementWrapper.from_html_root(reader.tree).iter_subtree():
                matched.update(payload for *_, payload in matcher.match(element))
        if selectors is not None:
            for index, place in matched:
                selectors.setdefault(index, set()).add(place)
        return {index for index, _ in matched}

    def write(self, used: set[int], mentioned: set[str], animations: set[str] = frozenset(),
              first: set[int] | None = None, selectors: dict | None = None) -> dict[str, str]:
        """{part: the kept rules as compact CSS}, with the custom properties and keyframes they
        use (also in rules kept whole, in custom properties, in pages and scripts). The rules in
        `first` (all, if not given) make the FIRST part; the others the LATER part. A rule named
        in `selectors` ({rule index: places}) keeps only those of its selectors: the others
        match nothing on these pages, in any state."""
        first = used if first is None else first & used
        self._selectors = selectors or {}
        kept = [rule for rule in self.style_rules if rule.index in used]
        whole = " ".join(node.text for node in self._others(self.tree))
        mentioned = mentioned | set(CUSTOM_PROPERTY.findall(whole))
        needed = needed_properties(kept, mentioned)
        needed_first = needed_properties([rule for rule in kept if rule.index in first], mentioned)
        words = {word for rule in kept for name, value, _ in rule.declarations
                 if not name.startswith("--") or name in needed
                 for word in re.findall(r"[\w-]+", value)}
        words |= set(re.findall(r"[\w-]+", whole)) | animations
        # A dark or print block moves to its own sheet, which comes after the main one, only
        # when no rule after it in the main sheet sets one of its properties: the cascade stays
        # as it was. Decided from the last block back, so "after it" is known.
        placed, later = [], set()
        for node in reversed(self.tree):
            part = next((part for part, (_, head) in PARTS.items()
                         if head and isinstance(node, GroupRule) and node.head == head), FIRST)
            families = self._families([node], used)
            if part and overlap(families, later):
                part = FIRST
            if not part:
                later |= families
            placed.append((part, node))
        parts = {part: [] for part in PARTS}
        pulled = {}  # {family: {(important, specificity)}} of what the later sheet sets so far
        for part, node in reversed(placed):
            if part:
                parts[part].append(self._write(node.children, used, needed, words))
                continue
            parts[FIRST].append(self._write([node], first, needed_first, words))
            parts[LATER].append(self._write_later([node], used, first, needed, needed_first,
                                                  pulled))
        return {part: "".join(texts) for part, texts in parts.items()}

    def _write_later(self, nodes, used, first, needed, needed_first, pulled: dict) -> str:
        """The LATER part of `nodes`: the declarations of rules not in `first`, custom
        properties only they use, and, so that the cascade stays as it was, every declaration
        after one of those that could tie with it (the same property, importance and
        specificity): in the later sheet, it comes after it again."""
        out = []
        for node in nodes:
            if isinstance(node, StyleRule) and node.index in used:
                body = []
                specificities = self.specificities(node)
                for name, value, important in node.declarations:
                    if name.startswith("--") and name not in needed:
                        continue
                    family = property_family(name)
                    if node.index not in first or ties(pulled, family, important, specificities) \
                            or (name.startswith("--") and name not in needed_first):
                        body.append(f"{name}:{value}{'!important' if important else ''}")
                        pulled.setdefault(family, set()).update(
                            (important, specificity) for specificity in specificities or [None])
                if body:
                    out.append(f"{self._selector_text(node)}{{{';'.join(body)}}}")
            elif isinstance(node, GroupRule):
                body = self._write_later(node.children, used, first, needed, needed_first,
                                         pulled)
                if body:
                    out.append(f"{node.head}{{{body}}}")
            elif isinstance(node, OtherRule) and node.keyframes is None \
                    and node.sets_properties and pulled:
                # A rule kept whole may set anything: it comes again after the later rules
                # before it, and everything after it follows.
                out.append(node.text)
                pulled.setdefault("*", set()).update({(False, None), (True, None)})
        return "".join(out)

    def specificities(self, rule: StyleRule) -> frozenset | None:
        """The specificities of the rule's selectors; None, standing for any, when the matcher
        cannot read one, or when cascade layers, which rank before specificity, are in use."""
        if rule.index not in self._specificities:
            try:
                found = frozenset(selector.specificity for selector
                                  in cssselect2.compile_selector_list(rule.selector_text))
            except cssselect2.SelectorError:
                found = None
            if NTH_OF_SELECTOR.search(rule.selector_text):
                found = None  # cssselect2 leaves out the specificity of S in :nth-child(… of S)
            self._specificities[rule.index] = None if self.layered else found
        return self._specificities[rule.index]

    def _families(self, nodes, used) -> set[str]:
        """The properties the kept rules among `nodes` set, as families (a rule kept whole:
        "*", any)."""
        found = set()
        for node in nodes:
            if isinstance(node, StyleRule) and node.index in used:
                found |= {property_family(name) for name, _, _ in node.declarations}
            elif isinstance(node, GroupRule):
                found |= self._families(node.children, used)
            elif isinstance(node, OtherRule) and node.keyframes is None \
                    and node.sets_properties:
                found.add("*")
        return found

    def _others(self, nodes):
        for node in nodes:
            if isinstance(node, OtherRule) and node.keyframes is None:
                yield node
            elif isinstance(node, GroupRule):
                yield from self._others(node.children)

    def _selector_text(self, rule: StyleRule) -> str:
        places = self._selectors.get(rule.index)
        # A browser drops a whole rule for one selector it does not know (a prefixed one from
        # another browser): such a list is kept whole, so the rule stays dropped where it was.
        if not places or VENDOR_PSEUDO.search(rule.selector_text):
            return rule.selector_text
        return ",".join(text for place, text in enumerate(rule.selector_texts) if place in places)

    def _write(self, nodes, used, needed, words) -> str:
        out = []
        for node in nodes:
            if isinstance(node, StyleRule) and node.index in used:
                body = ";".join(f"{name}:{value}{'!important' if important else ''}"
                                for name, value, important in node.declarations
                                if not name.startswith("--") or name in needed)
                if body:
                    out.append(f"{self._selector_text(node)}{{{body}}}")
            elif isinstance(node, GroupRule):
                body = self._write(node.children, used, needed, words)
                if body:
                    out.append(f"{node.head}{{{body}}}")
            elif isinstance(node, OtherRule) and (node.keyframes is None
                                                  or node.keyframes in words):
                out.append(node.text)
        return "".join(out)


# Properties that set or reset one another belong to one family: a shorthand and its parts
# (`margin` and `margin-top`, `font` and `line-height`), a physical property and its logical
# twin (`left` and `inset-inline-start`, `width` and `inline-size`), and an old name and the new
# (`word-wrap` and `overflow-wrap`). Any other property is its own family. A family too wide only
# moves more to the later sheet; one too narrow would change the cascade.
SHORTHAND_ROOTS = {"margin", "padding", "border", "outline", "background", "font", "list",
                   "flex", "transition", "animation", "mask", "scroll", "overflow", "offset",
                   "container", "marker", "inset", "overscroll", "contain", "caret", "view",
                   "position"}
FAMILY_OF_WORD = {
    "top": "inset", "right": "inset", "bottom": "inset", "left": "inset",
    "width": "size", "height": "size", "inline": "size", "block": "size", "min": "size",
    "max": "size",
    "gap": "gap", "row": "gap", "column": "gap", "columns": "gap", "grid": "gap",
    "line": "font",
    "align": "place", "justify": "place", "place": "place",
    "word": "overflow",  # word-wrap is overflow-wrap
    "break": "break",
    "all": "*",  # resets every property
}


def property_family(name: str) -> str:
    """The family a property belongs to; a custom property is its own."""
    if name.startswith("--"):
        return name
    name = re.sub(r"^-(?:webkit|moz|ms|o)-", "", name.lower())
    if name in ("white-space", "white-space-collapse") or name.startswith("text-wrap"):
        return "white-space"  # white-space sets white-space-collapse and text-wrap-mode
    if re.fullmatch(r"(?:column-|page-)?break-\w+", name):
        return "break"  # page-break-before and -webkit-column-break-before are break-before
    words = name.split("-")
    if words[0] in FAMILY_OF_WORD and name not in ("line-break", "word-break", "word-spacing"):
        return FAMILY_OF_WORD[words[0]]
    if words[0] in SHORTHAND_ROOTS:
        return words[0]
    if words[0] == "text" and len(words) > 2:  # text-decoration-color: text-decoration
        return "-".join(words[:2])
    return name


def ties(pulled: dict, family: str, important: bool, specificities: frozenset | None) -> bool:
    """Whether a declaration could tie in the cascade with one the later sheet holds: a property
    of the same family, as important, from a selector as specific (None: any specificity)."""
    families = pulled.keys() if family == "*" else (family, "*")
    return any(other_important == important
               and (specificity is None or specificities is None or specificity in specificities)
               for name in families for other_important, specificity in pulled.get(name, ()))


def overlap(families: set[str], others: set[str]) -> bool:
    """Whether two sets of families share a property ("*" shares every one)."""
    return bool(families & others) or bool(others and "*" in families) \
        or bool(families and "*" in others)


def rule_tokens(selectors):
    for selector in selectors:
        yield from selector


def attribute_blocks(tokens):
    """Every [attribute] of a selector, inside :is(), :where(), :has() and :not() too."""
    for token in tokens:
        if token.type == "[] block":
            yield token
        elif token.type == "function":
            yield from attribute_blocks(token.arguments)


def needed_properties(kept: list[StyleRule], mentioned: set[str]) -> set[str]:
    """Custom properties that kept declarations, pages or scripts use, however indirectly."""
    uses, needed = {}, set(mentioned)
    for rule in kept:
        for name, value, _ in rule.declarations:
            names = set(CUSTOM_PROPERTY.findall(value))
            if name.startswith("--"):
                uses.setdefault(name, set()).update(names)
            else:
                needed |= names
    waiting = list(needed)
    while waiting:
        for name in uses.get(waiting.pop(), ()):
            if name not in needed:
                needed.add(name)
                waiting.append(name)
    return needed


def _compact(tokens, tight=(",",)) -> str:
    """Tokens as CSS text: comments left out, each run of whitespace one space, and none beside
    the `tight` punctuation (commas; in selectors, combinators too)."""
    # A comment separates what is on either side of it, as whitespace does.
    tokens = [tinycss2.ast.WhitespaceToken(0, 0, " ") if token.type == "comment" else token
              for token in tokens]
    text = []
    for index, token in enumerate(tokens):
        if token.type == "whitespace":
            beside = tokens[index - 1:index] + tokens[index + 1:index + 2]
            if not any(other.type == "literal" and other.value in tight for other in beside):
                text.append(" ")
        else:
            text.append(_compact_token(token, tight))
    return "".join(text).strip()


def _compact_token(token, tight) -> str:
    if token.type == "function":
        return f"{tinycss2.serialize([tinycss2.ast.IdentToken(0, 0, token.name)])}(" \
               f"{_compact(token.arguments, tight)})"
    if token.type in BLOCKS:
        opening, closing = BLOCKS[token.type]
        return opening + _compact(token.content, tight) + closing
    return token.serialize()


SELECTOR_PUNCTUATION = (",", ">", "+", "~")
BLOCKS = {"() block": ("(", ")"), "[] block": ("[", "]"), "{} block": ("{", "}")}
