"""Each kind of page gets one style sheet holding only the CSS it can use, so that a page's
render-blocking bytes fit in the first round trip of a new connection (about 14 KB).

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

At-rules keep the rules they hold that are kept; keyframes and custom properties stay when a kept
rule uses them. A selector the matcher cannot read keeps its rule.

The rules for the dark scheme (`@media (prefers-color-scheme: dark)` at the top level of a sheet)
and for paper (`@media print`, and the print style sheet) go to two more sheets of the kind,
linked with those media queries, so that a browser waits for them only when they apply.

`SITE_LEAN_STYLES=off` in the environment leaves every page with the full style sheets, to compare
or to look into a style problem.

tests/test_lean_styles.py compares every element's computed style with the full style sheets and
with the trimmed one, in the states a reader can bring about; a Material upgrade that adds a state
this hook does not know shows there.
"""

from __future__ import annotations

import os
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
from mkdocs.plugins import event_priority

from support.page_types import page_type
from support.state import build

# A kind's sheets, beside the sheets they are made from: <kind>.lean.css holds what every
# screen needs before it paints; the dark scheme's rules and the paper's come in sheets of their
# own, with a media query, so a browser waits for them only when they apply.
SWITCH = "SITE_LEAN_STYLES"
NOTE = "/* The CSS this kind of page can use, made by hooks/lean_styles.py. */"
CHARSET = '@charset "UTF-8";\n'  # only a file that holds more than ASCII needs it
SHEET_NAME = "{kind}{part}.lean.css"
PARTS = {  # part of the file name: (the media attribute, the top-level @media that goes there)
    "": (None, None),
    ".dark": ("(prefers-color-scheme: dark)", "@media (prefers-color-scheme: dark)"),
    ".print": ("print", "@media print"),
}
STYLE_LINK = re.compile(
    r'<link rel="stylesheet" href="(?P<href>[^"]+)"(?: media="(?P<media>[^"]+)")?>\n?')
SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\bsrc="(?P<src>[^"]+)"')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(?P<body>.*?)</script>",
                           re.DOTALL | re.IGNORECASE)
# How a script changes an element's classes and attributes (Material's bundle writes new
# elements as h("li", {class: "…"}) and changes them with classList and setAttribute).
SCRIPT_CLASSES = re.compile(r"""(?:\bclass(?:Name)?\s*[:=]\s*|classList\.\w+\(\s*)["'`]([^"'`]+)""")
SCRIPT_ATTRIBUTES = re.compile(r"""(?:set|remove|toggle)Attribute\(\s*["'`]([\w:-]+)""")
SCRIPT_DATASET = re.compile(r"\bdataset\.(\w+)")
CUSTOM_PROPERTY = re.compile(r"--[\w-]+")
# Attributes a reader changes without any script.
READER_ATTRIBUTES = {"open"}
# Pseudo-classes that depend on the document alone, never on what a reader or a script does.
STRUCTURAL = {"root", "first-child", "last-child", "only-child", "first-of-type",
              "last-of-type", "only-of-type", "nth-child", "nth-last-child", "nth-of-type",
              "nth-last-of-type"}
# Functional pseudo-classes whose argument is itself a selector, set aside state by state.
SELECTOR_ARGUMENT = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}
ANY_ELEMENT = ":is(*)"
KEYFRAMES = {"keyframes", "-webkit-keyframes"}
GROUPING_AT_RULES = {"media", "supports", "container", "layer", "document", "scope",
                     "starting-style"}


def on_config(config, **kwargs):
    switch = os.environ.get(SWITCH, "").strip().lower()
    if switch not in ("", "off"):
        raise PluginError(f"{SWITCH}={switch!r} is not a choice. Leave it unset to give each "
                          f"kind of page only the CSS it uses, or set {SWITCH}=off to give "
                          "every page the full style sheets.")
    build.lean_styles_on = switch != "off"
    return config


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
        for part, text in trimmed_sheets(site, parsed[sheets], kind_pages["pages"]).items():
            (site / folder / SHEET_NAME.format(kind=kind, part=part)).write_text(
                text, encoding="utf-8")


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
    kind_pages = build.lean_sheets.setdefault((folder, kind), {"sheets": sheets, "pages": []})
    if kind_pages["sheets"] != sheets:
        raise PluginError(f"{dest_uri}: its style sheets ({', '.join(p for p, _ in sheets)}) "
                          f"differ from other '{kind}' pages' "
                          f"({', '.join(p for p, _ in kind_pages['sheets'])}). Give every page "
                          "of one kind the same style sheets.")
    kind_pages["pages"].append(dest_uri)
    base = posixpath.dirname(merged[0][0]["href"])
    links = "".join(
        f'<link rel="stylesheet" href="{posixpath.join(base, SHEET_NAME.format(kind=kind, part=part))}"'
        + (f' media="{media}"' if media else "") + ">\n"
        for part, (media, _) in PARTS.items())
    pieces, position = [], 0
    for index, (match, _) in enumerate(merged):
        pieces += [html[position:match.start()], links if index == 0 else ""]
        position = match.end()
    return "".join(pieces) + html[position:]


def site_path(href: str, dest_uri: str, config) -> str | None:
    """The site file a link leads to ("assets/stylesheets/engine.css"), or None if another site's."""
    site_root = urlsplit(config["site_url"] or "/").path.rstrip("/") + "/"
    address = urlsplit(urljoin("https://site.invalid" + site_root + dest_uri, href))
    if address.netloc != "site.invalid" or not address.path.startswith(site_root):
        return None
    return address.path[len(site_root):]


def trimmed_sheets(site: Path, sheets: StyleSheets, dests: list[str]) -> dict[str, str]:
    """{part: CSS} of the kind's sheets: the rules that can apply to one of its pages."""
    pages = [(site / dest).read_text(encoding="utf-8") for dest in dests]
    script_text = scripts_of(site, dests, pages)
    classes, attributes = what_scripts_change(script_text)
    used = sheets.used_rules(pages, Relaxer(classes, READER_ATTRIBUTES | attributes))
    mentioned = set(CUSTOM_PROPERTY.findall(script_text))
    for page in pages:
        mentioned.update(CUSTOM_PROPERTY.findall(page))
    return {part: (CHARSET if not text.isascii() else "") + f"{NOTE}\n{text}\n"
            for part, text in sheets.write(used, mentioned).items()}


def scripts_of(site: Path, dests: list[str], pages: list[str]) -> str:
    """The text of every script the pages run, inline or from a file of the site."""
    texts, files = [], set()
    for dest, html in zip(dests, pages):
        texts += [match["body"] for match in INLINE_SCRIPT.finditer(html)]
        for match in SCRIPT_SOURCE.finditer(html):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(dest), match["src"]))
            if not path.startswith("..") and (site / path).is_file():
                files.add(path)
    texts += [(site / path).read_text(encoding="utf-8", errors="replace") for path in sorted(files)]
    return "\n".join(texts)


def what_scripts_change(script_text: str) -> tuple[set[str], set[str]]:
    classes = {name for match in SCRIPT_CLASSES.finditer(script_text)
               for name in match[1].split()}
    attributes = set(SCRIPT_ATTRIBUTES.findall(script_text))
    attributes |= {"data-" + re.sub(r"[A-Z]", lambda m: "-" + m[0].lower(), name)
                   for name in SCRIPT_DATASET.findall(script_text)}
    if re.search(r"\.hidden\s*=", script_text):
        attributes.add("hidden")
    return classes, attributes


def complex_selectors(prelude) -> list[list]:
    """A selector list's selectors, split at its top-level commas."""
    selectors = [[]]
    for token in prelude:
        if token == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [selector for selector in selectors if selector]


TEXT = re.compile(r">[^<]+<")
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
ATTRIBUTE_VALUE = re.compile(r'\s([\w:-]+)="[^"]*"')


def skeleton(html: str, valued: set[str]) -> str:
    """The page as selectors see it: elements and attributes, without text, script or the
    values no selector compares. Pages of one kind often share one skeleton."""
    html = TEXT.sub("><", SCRIPT_OR_STYLE.sub("", html))
    return ATTRIBUTE_VALUE.sub(
        lambda m: m[0] if m[1].lower() in valued or m[1].lower() in ("class", "id")
        else " " + m[1], html)


CLASS_VALUE = re.compile(r'\sclass="([^"]*)"')
ID_VALUE = re.compile(r'\sid="([^"]*)"')
TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")


START_TAG = re.compile(r"<[a-zA-Z][\w-]*\s([^>]*)>")
TAG_ATTRIBUTE = re.compile(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def names_in(page: str) -> set[str]:
    """The classes (".x"), ids ("#x"), element names ("x"), attributes ("[x") and attribute
    values ("[x=y]") a page has."""
    names = {"." + name for value in CLASS_VALUE.findall(page) for name in value.split()}
    names |= {"#" + value for value in ID_VALUE.findall(page)}
    names |= {tag.lower() for tag in TAG_NAME.findall(page)}
    for attributes in START_TAG.findall(page):
        for name, *values in TAG_ATTRIBUTE.findall(attributes):
            value = next((v for v in values if v), "")
            names |= {"[" + name.lower(), f"[{name.lower()}={value.lower()}]"}
    return names


PARENTHESES = re.compile(r"\([^()]*\)")
SIMPLE_NAME = re.compile(r"([.#]?)(-?[_a-zA-Z][\w-]*)")


def page_tree(html: str) -> ElementTree.Element:
    """The page's <html> element as a tree. Python's own HTML reader, with the end tags HTML
    lets a page leave out, is eight times faster than a full HTML5 parser, and the pages are
    the engine's own, checked by the Nu HTML Checker in the tests."""
    reader = TreeReader()
    reader.feed(html)
    reader.close()
    return next(iter(reader.root.iter("html")), reader.root)


# Elements with no end tag, and elements whose start ends an open <p> (or a list item, …).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param"}
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
            "table", "ul"}
CLOSES_SIBLING = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"},
                  "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}


class TreeReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = ElementTree.Element("document")
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P and self.open[-1].tag == "p":
            self.open.pop()
        if self.open[-1].tag in CLOSES_SIBLING.get(tag, ()):
            self.open.pop()
        element = ElementTree.SubElement(self.open[-1], tag,
                                         {name: value or "" for name, value in attrs})
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        ElementTree.SubElement(self.open[-1], tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return


ATTRIBUTE_SELECTOR = re.compile(
    r"""\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*[is]?\s*)?\]""")


def required_names(selector: str) -> set[str]:
    """The classes, ids, element names and attributes a selector requires, outside parentheses
    (what :is() or :has() hold may be one of several). None are read from a selector with
    escaped characters or a namespace, so it is always matched."""
    if "\\" in selector or "|" in selector:
        return set()
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

    def __init__(self, classes: set[str], attributes: set[str]):
        self.classes, self.attributes = classes, attributes

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
                    and following.value in self.classes:
                out.append(self._any())
                index += 2
                continue
            if token.type == "[] block" and self.attribute_name(token) in self.attributes:
                out.append(self._any())
                index += 1
                continue
            out.append(token)
            index += 1
        return out

    def _pseudo_class(self, token):
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
    """Selector text spliced into a token list (tinycss2.serialize calls .serialize())."""

    def __init__(self, text: str):
        self.text, self.type = text, "raw"

    def serialize(self) -> str:
        return self.text

    def _serialize_to(self, write):
        write(self.text)


@dataclass
class StyleRule:
    index: int               # its place among the style rules, counted across the sheets
    selectors: list          # its complex selectors, as tokens
    selector_text: str
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


class StyleSheets:
    """Style sheets read once: their rules as a tree, and what selectors can match."""

    def __init__(self, texts: list[str]):
        self.style_rules: list[StyleRule] = []
        self.tree = [node for text in texts for node in self._read(
            tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))]
        self.valued = {Relaxer.attribute_name(token) for rule in self.style_rules
                       for token in rule_tokens(rule.selectors)
                       if token.type == "[] block" and any(part == "=" for part in token.content)}
        self._candidates = {}

    def _read(self, rules) -> list:
        nodes = []
        for rule in rules:
            if rule.type == "qualified-rule":
                content = tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                         skip_whitespace=True)
                if any(item.type != "declaration" for item in content):
                    # Nested rules (CSS nesting): kept whole rather than taken apart.
                    nodes.append(OtherRule(tinycss2.serialize([rule])))
                    continue
                node = StyleRule(len(self.style_rules), complex_selectors(rule.prelude),
                                 _compact(rule.prelude, SELECTOR_PUNCTUATION),
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
                                       keyframes=_compact(rule.prelude)))
            elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
                nodes.append(OtherRule(tinycss2.serialize([rule])))
        return nodes  # (@charset may only open a file: each written sheet opens with its own)

    def candidates(self, relax) -> list:
        """[(rule index, names it requires, compiled selectors or None)], once per relaxer."""
        key = (frozenset(relax.classes), frozenset(relax.attributes))
        if key not in self._candidates:
            found = []
            for rule in self.style_rules:
                for selector in rule.selectors:
                    relaxed = tinycss2.serialize(relax.selector(selector))
                    try:
                        compiled = cssselect2.compile_selector_list(relaxed)
                    except cssselect2.SelectorError:
                        compiled = None  # a selector the matcher cannot read: always kept
                    found.append((rule.index, required_names(relaxed), compiled))
            self._candidates[key] = found
        return self._candidates[key]

    def used_rules(self, pages: list[str], relax) -> set[int]:
        """The indexes of the style rules that match an element of one of the pages."""
        skeletons = list(dict.fromkeys(skeleton(html, self.valued) for html in pages))
        names = [names_in(page) for page in skeletons]
        present = set().union(*names)
        used, waiting = set(), []
        for index, required, compiled in self.candidates(relax):
            if not required <= present:
                continue  # it names a class, id or element that no page of this kind has
            if compiled is None:
                used.add(index)  # a selector the matcher cannot read: the rule is kept
            else:
                waiting.append((index, required, compiled))
        for page, page_names in zip(skeletons, names):
            # Only rules not yet kept, whose names this page has: most pages need no matching.
            waiting = [entry for entry in waiting if entry[0] not in used]
            matcher, any_selector = cssselect2.Matcher(), False
            for index, required, compiled in waiting:
                if required <= page_names:
                    for selector in compiled:
                        matcher.add_selector(selector, index)
                        any_selector = True
            if not any_selector:
                continue
            for element in cssselect2.ElementWrapper.from_html_root(page_tree(page)).iter_subtree():
                used.update(payload for *_, payload in matcher.match(element))
        return used

    def write(self, used: set[int], mentioned: set[str]) -> str:
        """The kept rules as compact CSS, with the custom properties and keyframes they use."""
        kept = [rule for rule in self.style_rules if rule.index in used]
        needed = needed_properties(kept, mentioned)
        words = {word for rule in kept for name, value, _ in rule.declarations
                 if not name.startswith("--") for word in re.findall(r"[\w-]+", value)}
        parts = {part: [] for part in PARTS}
        for node in self.tree:
            part = next((part for part, (_, head) in PARTS.items()
                         if head and isinstance(node, GroupRule) and node.head == head), "")
            parts[part].append(self._write(node.children if part else [node], used, needed,
                                           words))
        return {part: "".join(texts) for part, texts in parts.items()}

    def _write(self, nodes, used, needed, words) -> str:
        out = []
        for node in nodes:
            if isinstance(node, StyleRule) and node.index in used:
                body = ";".join(f"{name}:{value}{'!important' if important else ''}"
                                for name, value, important in node.declarations
                                if not name.startswith("--") or name in needed)
                if body:
                    out.append(f"{node.selector_text}{{{body}}}")
            elif isinstance(node, GroupRule):
                body = self._write(node.children, used, needed, words)
                if body:
                    out.append(f"{node.head}{{{body}}}")
            elif isinstance(node, OtherRule) and (node.keyframes is None
                                                  or node.keyframes in words):
                out.append(node.text)
        return "".join(out)


def rule_tokens(selectors):
    for selector in selectors:
        yield from selector


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
    tokens = [token for token in tokens if token.type != "comment"]
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
