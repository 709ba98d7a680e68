"""Lay out a new practice's own files (mkdocs.yml and docs/) from the engine's starter site.

`copier copy` runs this once, in the new site's folder, after it has copied the engine; the
answers it asked for are in hooks/.copier-answers.yml. It never touches a site that already has
its own mkdocs.yml or docs/, so running it again (or on `copier update`) changes nothing.

    python hooks/starter/make_site.py            # in the new site's folder
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import yaml

STARTER = Path(__file__).resolve().parent
ANSWERS = Path("hooks/.copier-answers.yml")
COUNTRIES = sorted(path.stem for path in (STARTER / "help-lines").glob("*.yml"))
# Letter paper where it is the standard; A4 everywhere else.
LETTER_COUNTRIES = {"us", "ca"}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def main() -> int:
    site = Path.cwd()
    if (site / "mkdocs.yml").exists() or (site / "docs").exists():
        print("This site already has its own mkdocs.yml or docs/: nothing to lay out.")
        return 0
    try:
        answers = read_answers(site / ANSWERS)
    except ValueError as problem:
        print(f"Cannot start the site: {problem}", file=sys.stderr)
        return 1
    shutil.copytree(STARTER / "site" / "docs", site / "docs")
    shutil.copy(STARTER / "help-lines" / f"{answers['country']}.yml",
                site / "docs" / "_data" / "help-lines.yml")
    (site / "mkdocs.yml").write_text(practice_config(answers), encoding="utf-8")
    print(f"Laid out a new site for {answers['practice_name']} in {site}.")
    return 0


def read_answers(path: Path) -> dict:
    answers = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    if not isinstance(answers, dict):
        raise ValueError(f"{path} is missing. Start the site with copier (see README.md).")
    if not str(answers.get("practice_name") or "").strip():
        raise ValueError("the practice's name is empty. Give it with --data practice_name=...")
    if answers.get("country") not in COUNTRIES:
        raise ValueError(f"the country '{answers.get('country')}' has no starter help lines. "
                         f"Use one of: {', '.join(COUNTRIES)}.")
    email = str(answers.get("contact_email") or "")
    if email and not EMAIL.match(email):
        raise ValueError(f"'{email}' is not an email address. Give one like office@example.org.")
    return answers


def practice_config(answers: dict) -> str:
    """The starter mkdocs.yml with the answers in place, each quoted as YAML (JSON strings are
    valid YAML), so that no answer can change the file's structure."""
    contact_page = str(answers.get("contact_page") or "")
    values = {
        "__SITE_NAME__": answers.get("site_name") or f"{answers['practice_name']} library",
        "__PRACTICE_NAME__": answers["practice_name"],
        "__LANGUAGE__": answers.get("language") or "en",
        # No country given: the engine's default paper (letter), as for copier's default (us).
        "__HANDOUT_PAPER__": "letter" if answers.get("country", "us") in LETTER_COUNTRIES
                             else "A4",
        "__CONTACT_EMAIL__": answers.get("contact_email") or "",
        "__CONTACT_PHONE__": answers.get("contact_phone") or "",
        "__CONTACT_PAGE__": contact_page,
    }
    text = (STARTER / "site" / "mkdocs.yml").read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text = text.replace(placeholder, json.dumps(str(value).strip(), ensure_ascii=False))
    return text


if __name__ == "__main__":
    sys.exit(main())
