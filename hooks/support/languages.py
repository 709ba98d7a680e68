"""The language of each page. The site's first language is `theme: language:`; each further
language is set in mkdocs.yml, and its pages live in the docs/ folder named by its code:

    extra:
      languages:
        es:                                      # each setting is optional (`es: {}`)
          site_name: Recursos de autocompasión   # the site's name on its pages
          copyright: Cada página dice quién…     # the footer's line on its pages
          practice_name: el consultorio          # <!-- practice:name --> on its pages
          labels: {}                             # the engine's words changed

A language's name, wherever a page shows it, comes from the Unicode CLDR (language_name).

A page under docs/es/ is in Spanish; any other page is in the site's first language.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from support.state import build

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2,4})?\Z")
SETTINGS = {"site_name", "copyright", "practice_name", "labels"}
TEXT_SETTINGS = ("site_name", "copyright", "practice_name")
EXAMPLES = {"site_name": "Recursos de autocompasión", "copyright": "Cada página dice quién la "
            "escribió.", "practice_name": "el consultorio"}


def site_languages(config) -> dict:
    """{code: settings} of the site's further languages, checked, and kept for language_of()."""
    written = config["extra"].get("languages")
    where = "mkdocs.yml, extra: languages:"
    if written is None:
        build.languages = {}
        return {}
    if not isinstance(written, dict):
        raise PluginError(f"{where} list each further language by its code, for example "
                          "'es:', with its settings (or '{}') after it.")
    problems, languages = [], {}
    for code, settings in written.items():
        code = str(code)
        if not LANGUAGE_CODE.match(code):
            problems.append(f"{where} '{code}' is not a language code. Use a code such as 'es' "
                            "or 'pt-BR', which is also the name of the folder of its pages.")
            continue
        if code == str(config["theme"]["language"]):
            problems.append(f"{where} {code}: is the site's first language already "
                            "(theme: language:). List only the further ones.")
            continue
        settings = {} if settings is None else settings
        if not isinstance(settings, dict):
            problems.append(f"{where} {code}: give its settings indented under it, or '{code}: "
                            "{}' for none.")
            continue
        unknown = sorted(set(map(str, settings)) - SETTINGS)
        if unknown:
            problems.append(f"{where} {code}: '{unknown[0]}' is not a language setting. The "
                            f"settings are: {', '.join(sorted(SETTINGS))}.")
        for key in TEXT_SETTINGS:
            value = settings.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                problems.append(f"{where} {code}: {key}: give the text, for example "
                                f"'{key}: {EXAMPLES[key]}', or leave it out.")
        if not material_has_language(code):
            problems.append(f"{where} {code}: Material for MkDocs has no words for '{code}', "
                            "so its search box and menus could not speak it.")
        languages[code] = settings
    if problems:
        raise PluginError("\n".join(problems))
    build.languages = languages
    return languages


def overlaid(entry, words, fields, may_stay=()) -> tuple[dict, list[str]]:
    """`entry` (a data file's) with `words` (its translation, as written beside it) in place of
    each of `fields`, and the fields still missing there, which a page in that language would
    show untranslated (those in `may_stay`, such as a service's name, may stay as written)."""
    words = words if isinstance(words, dict) else {}
    translated, missing = copy.copy(entry), []
    for field in fields:
        if field in words:
            translated[field] = words[field]
        elif entry.get(field) and field not in may_stay:
            missing.append(field)
    return translated, missing


def practice_name(config, language: str) -> str:
    """The practice's name as pages in `language` write it."""
    return build.languages.get(language, {}).get("practice_name") or \
        config["extra"]["practice"]["name"]


def language_of(page_or_path) -> str:
    """The language of a page (or of a file's path under docs/, with / between folders): the
    further language whose folder holds it, else the site's first language."""
    if page_or_path is None:
        return build.language
    path = page_or_path if isinstance(page_or_path, str) else \
        getattr(getattr(page_or_path, "file", None), "src_uri", "") or ""
    if path in build.page_language:
        return build.page_language[path]
    folder = path.split("/", 1)[0] if "/" in path else ""
    return folder if folder in build.languages else build.language


def language_name(code: str, in_language: str) -> str:
    """A language's name as a sentence in `in_language` writes it ("inglés", "Spanish"), from
    the Unicode CLDR through Babel."""
    from babel import Locale

    names = Locale.parse(in_language.replace("-", "_")).languages
    return names.get(code.split("-")[0], code)


def material_has_language(code: str) -> bool:
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return (folder / f"{code}.html").is_file()
