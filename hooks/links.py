"""Links that MkDocs' own `validation:` does not check.

MkDocs checks Markdown links, images and anchors between pages. This hook adds:

- `href`/`src` written in raw HTML inside Markdown (checked against the built site, anchors
  included, once every page is written);
- links in data files (docs/_data/*.yml) and in the practice's contact details;
- Markdown link syntax that did not render and leaked into the text (a stray `[text](…)`,
  a bare `(https://…`, an empty `()` target);
- the form of every outside address: spaces, unbalanced parentheses, `http:` (unless the site
  is on docs/_data/http-allowlist.yml), and well-formed `mailto:`, `tel:` and `sms:` links.

Outside addresses are checked for form only; nothing is fetched.
"""

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.nav import Link

from support import site_index
from support.state import build
from support.checks import checks_enabled
from support.data_files import DATA_DIR, load_data_file
from support.html_text import elements, plain, visible_text
from support.source import find_line, line_at, where
from support.trees import every_item
from support.urls import dial, url_problem

log = get_plugin_logger(__name__)

# Keys in data files whose values are links, and keys whose values are phone numbers.
LINK_KEYS = {"page", "web", "url", "link", "href", "target"}
PHONE_KEYS = {"call": "tel", "number": "tel", "text": "sms"}
RAW_HTML_LINK = re.compile(
    r"<(?P<tag>a|img|source|iframe|audio|video|link|script)\b[^>]*?\b(?P<attr>href|src)\s*=\s*"
    r"(?P<quote>[\"'])(?P<value>.*?)(?P=quote)", re.IGNORECASE | re.DOTALL)
FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]+`")
LEFTOVER_MARKDOWN = [
    (re.compile(r"\[[^\]\n]*\]\s*\([^)\n]*\)?"),
     "this looks like a Markdown link that did not work: '{snippet}'. Write it as "
     "[text](address), with no space between ] and (, and close the parenthesis"),
    (re.compile(r"\[[^\]\n]+\]\[[^\]\n]*\]"),
     "this looks like a reference-style link with no matching definition: '{snippet}'. "
     "Write it as [text](address)"),
    (re.compile(r"\(\s*(https?://\S*)"),
     "a web address appears in the text instead of a link: '{snippet}'. Write it as "
     "[text](address) and check the closing parenthesis"),
    (re.compile(r"(?<![\w/])(https?://[^\s)<]+)"),
     "a web address appears as plain text, not a link: '{snippet}'. Write it as "
     "[text](address) or <address>"),
]

_http_allowed = set()
_raw_links = []  # (page, line, tag, value) to check once the whole site is built
_files = None


def on_config(config, **kwargs):
    _http_allowed.clear()
    _raw_links.clear()
    _http_allowed.update(str(host).lower() for host in load_data_file(config, "http-allowlist"))
    if checks_enabled():
        _check_contact_details(config)
    return config


@event_priority(-50)  # after the pages the engine makes from data, which data files may name
def on_files(files, config, **kwargs):
    global _files
    _files = files
    if checks_enabled():
        for path in sorted((Path(config["docs_dir"]) / DATA_DIR).glob("*.yml")):
            data = load_data_file(config, path.stem)
            _check_data_links(data, f"docs/{DATA_DIR}/{path.name}", files)
    return files


def on_nav(nav, config, files, **kwargs):
    # Links written in mkdocs.yml's nav are printed by Material on every page; a `javascript:`
    # one would run there. Checked even when the checks are off.
    for link in (item for item in every_item(nav.items) if isinstance(item, Link)):
        problem = url_problem(link.url, _http_allowed)
        if problem:
            log.warning(f"mkdocs.yml, nav: the entry '{plain(link.title)}': {problem}.")
    return nav


def on_page_markdown(markdown, page, config, files, **kwargs):
    if not checks_enabled():
        return markdown
    for key, value in _front_matter_values(page.meta):
        _check_data_value(key, value, where(page, find_line(page, f"{key}:")), files)
    searchable = _blank_out_code(markdown)
    for match in RAW_HTML_LINK.finditer(searchable):
        line = line_at(page, markdown, match.start())
        value = match.group("value")
        if _is_outside(value):
            _report_url_problem(page, line, value)
        else:
            _raw_links.append((page, line, match.group("tag").lower(), value))
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    if not checks_enabled():
        return html
    for tag, attrs in elements(html, {"a", "img", "source", "iframe"}):
        value = attrs.get("href" if tag == "a" else "src")
        if value is None:
            continue
        if value == "":
            line = find_line(page, "]()", 'href=""')
            log.warning(f"{where(page, line)}: a link has an empty address, like "
                        "[text](). Put the page or web address inside the parentheses.")
        elif _is_outside(value):
            _report_url_problem(page, find_line(page, value), value)
        elif _into_data_folder(page, value):
            line = find_line(page, value, f"{DATA_DIR}/")
            log.warning(f"{where(page, line)}: the link '{value}' leads into "
                        f"docs/{DATA_DIR}/, which is never published, so readers would find "
                        "nothing there. Link to the page that shows this information instead.")
    text = visible_text(html, skip_tags={"pre", "code", "script", "style"}, skip_links=True)
    for pattern, message in LEFTOVER_MARKDOWN:
        match = pattern.search(text)
        if match:
            snippet = match.group(0)[:60]
            log.warning(f"{where(page, find_line(page, snippet[:25]))}: "
                        f"{message.format(snippet=snippet)}.")
            break  # one leftover usually explains the others on the same line
    return html


def _into_data_folder(page, value: str) -> bool:
    path = value.split("#")[0].split("?")[0]
    if not path or path.startswith("/"):
        return False
    # MkDocs writes Markdown links relative to the page's address; raw HTML keeps the author's
    # path, relative to the page's file.
    for base in (page.url, posixpath.dirname(page.file.src_uri) + "/"):
        resolved = posixpath.normpath(posixpath.join(base, path))
        if resolved == DATA_DIR or resolved.startswith(DATA_DIR + "/"):
            return True
    return False


def on_post_page(output, page, config, **kwargs):
    if checks_enabled():
        site_index.record(page.url, output)
    return output


def on_post_build(config, **kwargs):
    if not checks_enabled():
        return
    site_dir = Path(config["site_dir"])
    for page, line, tag, value in _raw_links:
        problem = _internal_link_problem(page, value, site_dir)
        if problem:
            log.warning(f"{where(page, line)}: the HTML <{tag}> {problem}.")


def _internal_link_problem(page, value, site_dir):
    if value.startswith("#"):
        target_url, anchor = page.url, value[1:]
    else:
        resolved = urlsplit(urljoin("http://site/" + page.url, value))
        target_url, anchor = resolved.path.lstrip("/"), resolved.fragment
    if value.split("#")[0].endswith(".md"):
        return (f"links to '{value}', a Markdown file name. Raw HTML links are not converted: "
                "write a Markdown link instead, like [text](page.md)")
    ids_by_url = build.ids_by_url
    if target_url in ids_by_url or (target_url + "/") in ids_by_url:
        ids = ids_by_url.get(target_url, ids_by_url.get(target_url + "/"))
        if anchor and anchor not in ids:
            return (f"links to '{value}', but that page has no '#{anchor}' anchor. Check the "
                    "spelling of the part after '#'")
        return None
    on_disk = site_dir / target_url
    if (on_disk / "index.html").is_file() or on_disk.is_file():
        return None
    return (f"links to '{value}', which is not a page or file of this site. Check the path; "
            "it is relative to this page's address")


def _check_data_links(data, file_label, files, key=None):
    """Walk a data file and check every link and phone number in it."""
    if isinstance(data, dict):
        for child_key, value in data.items():
            if isinstance(value, (dict, list)):
                _check_data_links(value, file_label, files, child_key)
            elif isinstance(value, str):
                _check_data_value(child_key, value, f"{file_label}, line {data.line_of(child_key)}",
                                  files)
    elif isinstance(data, list):
        for item in data:
            _check_data_links(item, file_label, files, key)


def _check_data_value(key, value, location, files):
    if key in PHONE_KEYS:
        problem = url_problem(f"{PHONE_KEYS[key]}:{dial(value)}")
        if problem:
            log.warning(f"{location}: '{key}: {value}' is not a phone number. Write the "
                        "number with digits, spaces or dashes only, like \"1-800-668-6868\".")
    elif key in LINK_KEYS:
        if _is_outside(value):
            problem = url_problem(value, _http_allowed)
            if problem:
                log.warning(f"{location}: {problem}.")
        elif files.get_file_from_path(value.split("#")[0]) is None:
            log.warning(f"{location}: '{key}: {value}' does not lead to a page of this site: "
                        f"docs/{value.split('#')[0]} is not a page of this site, or is left out "
                        "of it. Write the path of a Markdown file under docs/, like 'help.md'.")


def _front_matter_values(meta):
    """(key, text) for every text value in front matter, however deeply nested."""
    for key, value in meta.items():
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, dict):
            yield from _front_matter_values(value)
        elif isinstance(value, list):
            for item in value:
                yield from _front_matter_values({key: item})


def _check_contact_details(config):
    contact = (config["extra"].get("practice") or {}).get("contact") or {}
    checks = {"email": "mailto:{}", "phone": "tel:{}"}
    for key, template in checks.items():
        value = str(contact.get(key) or "")
        if value:
            number_or_address = dial(value) if key == "phone" else value
            problem = url_problem(template.format(number_or_address))
            if problem:
                log.warning(f"mkdocs.yml, extra: practice: contact: {key}: {problem}.")


def _report_url_problem(page, line, value):
    line = line or find_line(page, value.splitlines()[0][:40] if value.strip() else value)
    problem = url_problem(value, _http_allowed)
    if problem:
        log.warning(f"{where(page, line)}: {problem}.")


def _is_outside(value) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value)) or value.startswith("//")


def _blank_out_code(markdown) -> str:
    """The Markdown with code replaced by spaces, so that line positions stay the same."""
    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))
    return INLINE_CODE.sub(blank, FENCED_CODE.sub(blank, markdown))
