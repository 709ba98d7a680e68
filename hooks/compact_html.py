"""Each page's HTML without the indentation of its templates: a run of white space between words
or tags that holds a line break becomes one line break. A browser shows both the same (each run
is one space, or none between blocks), and the page is about 500 bytes lighter gzipped, which
is what lets many of them paint after one round trip (hooks/lean_styles.py).

White space is left as it is wherever it may show:
- in <pre>, <textarea>, <code>, <kbd>, <samp>, <script>, <style> and SVG's <text>, and in
  comments;
- in every element that one of the site's style sheets may make keep its white space
  (`white-space: pre`, `pre-wrap`, `pre-line`, `break-spaces`, or `white-space-collapse` other
  than `collapse`): an element of the type, or with the class or id, that such a rule's selector
  ends with. A rule whose selector ends with none of these (`[data-x]`, `*`) could apply to
  any element, so pages are then left as they are, and the build log says which rule.

`SITE_COMPACT_HTML=off` in the environment leaves every page as its templates write it.
"""

import re
from dataclasses import dataclass, field

import tinycss2
from mkdocs.plugins import event_priority, get_plugin_logger

from support.switches import switched_off

log = get_plugin_logger(__name__)

SWITCH = "SITE_COMPACT_HTML"
# SVG's <text> too: under its older rules a line break is dropped rather than made a space.
ALWAYS_KEPT = {"pre", "textarea", "code", "kbd", "samp", "script", "style", "xmp", "listing",
               "plaintext", "text"}
RAW_TEXT = {"script", "style", "textarea", "xmp", "plaintext"}
# Values of white-space (and its part white-space-collapse) under which a run of spaces and line
# breaks shows as one space, or not at all: any other (pre, preserve-breaks, var(…), inherit…)
# may show it as it is.
COLLAPSING = {"normal", "nowrap", "wrap", "collapse", "discard"}
# A start or end tag (quoted attribute values may hold ">"), or a comment.
TAG = re.compile(r"""<!--.*?-->|<(/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.DOTALL)
RUN_WITH_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
ATTRIBUTE = re.compile(r"""\b(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# The last compound of a selector: what it ends with, after the last combinator.
SUBJECT_NAMES = re.compile(r"([.#]?)(-?[_a-zA-Z][\w-]*)")


@dataclass
class KeptWhiteSpace:
    """Which elements keep their white space: of these types, or with these ".class" or "#id"
    names; `everywhere` names a rule that could make any element keep it."""
    on: bool = True
    tags: set[str] = field(default_factory=lambda: set(ALWAYS_KEPT))
    names: set[str] = field(default_factory=set)
    everywhere: str | None = None


kept = KeptWhiteSpace()


def on_config(config, **kwargs):
    kept.on = not switched_off(SWITCH, "take the templates' indentation out of each page",
                               "leave pages as the templates write them")
    return config


def on_files(files, config, **kwargs):
    kept.tags, kept.names, kept.everywhere = set(ALWAYS_KEPT), set(), None
    # Every style sheet of the site or the theme, whether or not a page links it, in whatever
    # encoding it declares.
    for file in files:
        if file.src_uri.endswith(".css"):
            rules, _ = tinycss2.parse_stylesheet_bytes(file.content_bytes, skip_comments=True,
                                                      skip_whitespace=True)
            read_rules(rules, file.src_uri)
    if kept.everywhere and kept.on:
        log.info(f"Pages keep their indentation: {kept.everywhere} may apply to any element.")
    return files


@event_priority(-120)  # last, once every other hook has written into the page
def on_post_page(output, page, config, **kwargs):
    return compact(output) if kept.on and not kept.everywhere else output


@event_priority(-120)
def on_post_template(output_content, template_name, config, **kwargs):
    if not template_name.endswith(".html") or not kept.on or kept.everywhere:
        return output_content
    return compact(output_content)


def read_style_sheet(text: str, where: str):
    """Note the elements each rule of the sheet that keeps white space may apply to."""
    read_rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), where)


def read_rules(rules, where: str):
    for rule in rules:
        if rule.type == "at-rule" and rule.content is not None:
            read_rules(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                      skip_whitespace=True), where)
        elif rule.type == "qualified-rule":
            content = tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                     skip_whitespace=True)
            if any(item.type == "qualified-rule" for item in content):
                # Nested rules: their selectors depend on this one's; any white-space there
                # could be anywhere.
                if "white-space" in tinycss2.serialize(rule.content).lower():
                    kept.everywhere = kept.everywhere or \
                        f"'{tinycss2.serialize(rule.prelude).strip()}' (nested) in {where}"
            elif keeps(content):
                for selector in tinycss2.serialize(rule.prelude).split(","):
                    note_subject(selector, where)


def keeps(declarations) -> bool:
    """Whether the declarations may make white space show as it is written."""
    for item in declarations:
        if item.type != "declaration" or item.lower_name not in ("white-space",
                                                                 "white-space-collapse"):
            continue
        words = [token for token in item.value if token.type not in ("whitespace", "comment")]
        if not all(token.type == "ident" and token.lower_value in COLLAPSING for token in words):
            return True
    return False


def note_subject(selector: str, where: str):
    # Only what stands outside brackets and parentheses names the element for certain.
    plain = re.sub(r"""\[(?:[^\]"']|"[^"]*"|'[^']*')*\]""", "", selector.strip())
    while re.search(r"\([^()]*\)", plain):
        plain = re.sub(r"\([^()]*\)", "", plain)
    subject = re.split(r"[\s>+~]+", plain.strip())[-1]
    subject = re.sub(r"::?[\w-]+", "", subject)
    names = SUBJECT_NAMES.findall(subject)
    if not names or "\\" in selector:
        kept.everywhere = kept.everywhere or f"'{selector.strip()}' in {where}"
        return
    sign, name = next(((sign, name) for sign, name in names if sign), names[0])
    if sign:
        kept.names.add(sign + name)
    else:
        kept.tags.add(name.lower())


def keeps_white_space(tag: str, attributes: str) -> bool:
    if tag in kept.tags:
        return True
    for name, *values in ATTRIBUTE.findall(attributes):
        value = next((v for v in values if v), "")
        sign = "." if name.lower() == "class" else "#"
        if any(sign + part in kept.names for part in value.split()):
            return True
    return False


def compact(html: str) -> str:
    """The page with each run of white space that holds a line break made one line break,
    outside the elements that keep their white space."""
    out, position = [], 0
    inside: tuple[str, int] | None = None  # the element that keeps white space, and its depth
    while match := TAG.search(html, position):
        text = html[position:match.start()]
        out += [text if inside else RUN_WITH_BREAK.sub("\n", text), match[0]]
        position = match.end()
        closing, tag, attributes = match[1], (match[2] or "").lower(), match[3] or ""
        if not tag:
            continue  # a comment
        if inside:
            if tag == inside[0]:
                depth = inside[1] + (-1 if closing else 1)
                inside = (tag, depth) if depth else None
            continue
        if closing or attributes.rstrip().endswith("/") or not keeps_white_space(tag, attributes):
            continue
        inside = (tag, 1)
        if tag in RAW_TEXT:  # their text is not markup: it runs to their end tag
            end = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(html, position)
            stop = end.start() if end else len(html)
            out.append(html[position:stop])
            position = stop
    out.append(html[position:] if inside else RUN_WITH_BREAK.sub("\n", html[position:]))
    return "".join(out)
