"""The practice's identity (`extra.practice` in mkdocs.yml) and links kept in configuration.

Pages write `<!-- practice:name -->` or `<!-- practice:contact -->` where the practice's name or
a way to contact it belongs, so that a practice changes its details in mkdocs.yml alone.

Templates call `site_link(target)` for any address that comes from configuration, data files or
front matter: a page of the site (`help.md`, `guides/x.md#step-2-y`) becomes its published URL,
an outside address (`https://…`, `mailto:`, `tel:`, `sms:`) is kept as written.
"""

import posixpath
import re

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from labels import label
from support.checks import checks_enabled
from support.languages import language_name, language_of, practice_name
from support.state import build
from support.source import line_at, page_path, where
from support.urls import EXTERNAL_SCHEMES, dial

log = get_plugin_logger(__name__)

_files = None
_warned = set()
SHORTCODE = re.compile(r"<!--\s*practice:([\w-]+)\s*-->")


# Settings every site needs in mkdocs.yml, as (section, key, example).
REQUIRED_SETTINGS = [
    ("practice", "name", "the practice's name"),
    ("practice", "services_page", "working-with-us.md"),
    (None, "help_page", "help.md"),
]


def on_config(config, **kwargs):
    extra = config["extra"]
    if not isinstance(extra.get("practice"), dict):
        extra["practice"] = {}
    missing = []
    for section, key, example in REQUIRED_SETTINGS:
        holder = extra["practice"] if section else extra
        if not holder.get(key):
            place = f"extra: {section}: {key}" if section else f"extra: {key}"
            missing.append(f"mkdocs.yml: '{place}' is missing. Add it, for example: "
                           f"{key}: {example}")
    if missing:
        raise PluginError("\n".join(missing))
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    practice = config["extra"]["practice"]

    def replace(match):
        name = match.group(1)
        if name == "name":
            # text, even inside Markdown
            return str(escape(practice_name(config, language_of(page))))
        if name == "contact":
            return _contact_phrase(practice.get("contact") or {}, page)
        if checks_enabled():
            log.warning(
                f"{where(page, line_at(page, markdown, match.start()))}: the shortcode "
                f"'<!-- practice:{name} -->' is unknown. Use <!-- practice:name --> or "
                "<!-- practice:contact -->."
            )
        return match.group(0)

    return SHORTCODE.sub(replace, markdown)


def on_files(files, config, **kwargs):
    global _files
    _files = files
    return files


def on_env(env, config, files, **kwargs):
    _warned.clear()
    # Check every configured link once, before any page is rendered.
    extra = config["extra"]
    for key in ("help_page", "review_policy_page"):
        if extra.get(key):
            site_link(extra[key], f"mkdocs.yml, extra: {key}")
    for key in ("services_page",):
        site_link(extra["practice"][key], f"mkdocs.yml, extra: practice: {key}")
    contact_page = (extra["practice"].get("contact") or {}).get("page")
    if contact_page:
        site_link(contact_page, "mkdocs.yml, extra: practice: contact: page")
    env.globals["site_link"] = site_link_on_page
    env.globals["language_note"] = language_note
    env.globals["site_page"] = site_page
    return env


@pass_context
def language_note(context, target: str):
    """After a link the engine writes to a page of this site: " (in English)", in the page's
    language, when the page it leads to (its translation, where there is one) is in another
    language; nothing otherwise."""
    here = language_of(context.get("page"))
    file = _page_file_on(here, target)
    return other_language_note(here, language_of(file.src_uri)) if file is not None else ""


def other_language_note(here: str, there: str):
    """" (in English)" after a link from a page in `here` to a page in `there`, in `here`'s
    words; nothing when both are one language."""
    if here == there:
        return ""
    return Markup(" ") + label("in_other_language", in_language=here,
                               language=language_name(there, here))


@pass_context
def site_link_on_page(context, target: str, where: str = "mkdocs.yml") -> str:
    """site_link() from a template: on a page in another language, a link to a page that has a
    translation in that language leads to the translation (a link to a part of a page, with
    #, keeps to the page written, whose parts the translation may name differently)."""
    address = site_link(target, where)
    file = _page_file_on(language_of(context.get("page")), target) if address else None
    return file.url if file is not None and "#" not in str(target) else address


def _page_file_on(language: str, target: str):
    """The file of the site page a link written as `target` leads to from a page in
    `language`: its translation in that language, where there is one (not for a link to a part
    of a page, whose parts the translation may name differently); None for another site."""
    path, _, anchor = str(target or "").partition("#")
    file = _files.get_file_from_path(path) if (_files and path) else None
    if file is None or anchor:
        return file
    translated = build.translations.get(file.src_uri, {}).get(language)
    return _files.get_file_from_path(translated) if translated else file


def site_page(target: str):
    """The page a site link leads to (for its title), or None."""
    file = _files.get_file_from_path(str(target or "").partition("#")[0]) if _files else None
    return file.page if file is not None else None


def site_link(target: str, where: str = "mkdocs.yml") -> str:
    """The address to put in an href for a link written in configuration or data.

    Site pages come back as site-relative URLs ("help/"); pass them through Material's `url`
    filter in templates so they work from any page depth.
    """
    target = str(target or "")
    if target.startswith(EXTERNAL_SCHEMES):
        return target
    path, _, anchor = target.partition("#")
    file = _files.get_file_from_path(path) if (_files and path) else None
    if file is None:
        if (where, target) in _warned or not checks_enabled():
            return ""
        _warned.add((where, target))
        log.warning(
            f"{where}: the link '{target}' does not lead to a page of this site. Write the path "
            "of a Markdown file under docs/, for example 'help.md' or 'guides/page.md#anchor'."
        )
        return ""
    return file.url + (f"#{anchor}" if anchor else "")


def _contact_phrase(contact, page) -> str:
    """Markdown that completes "please …", in the page's language: "email
    [a@b](mailto:a@b) or [contact the practice](…)"."""
    language, ways = language_of(page), []
    if contact.get("email"):
        address = Markup(f"[{escape(contact['email'])}](mailto:{escape(contact['email'])})")
        ways.append(label("contact_email", in_language=language, address=address))
    if contact.get("phone"):
        number = Markup(f"[{escape(contact['phone'])}](tel:{dial(contact['phone'])})")
        ways.append(label("contact_call", in_language=language, number=number))
    if contact.get("page"):
        target, note = str(contact["page"]), ""
        if not target.startswith(EXTERNAL_SCHEMES):
            path, _, anchor = target.partition("#")
            target = posixpath.relpath(path, posixpath.dirname(page.file.src_uri) or ".")
            target += f"#{anchor}" if anchor else ""
            note = str(other_language_note(language, language_of(path)))
        ways.append(f"[{label('contact_page', in_language=language)}]({target}){note}")
    if not ways:
        if checks_enabled():
            log.warning(
                f"{page_path(page)}: the page asks for the practice's contact details, but "
                "mkdocs.yml has none. Fill in 'extra: practice: contact:' (email, phone or page)."
            )
        return str(label("contact_page", in_language=language))
    return str(label("contact_or", in_language=language)).join(map(str, ways))
