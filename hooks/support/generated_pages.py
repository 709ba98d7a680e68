"""Pages the build makes itself (short links, the feelings guide, the editors' report): a
virtual Markdown file whose front matter is written by YAML itself, so that any title or
address is quoted correctly, and which stays out of the navigation.

Every generated page's address comes from data an author wrote, so it is checked here, in one
place: it must stay inside the site, and it must not replace a page that is already there.
"""

import posixpath
import re

import yaml
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from support.html_text import plain

# Lower-case letters, digits and dashes in each part of the path: safe in any address.
SAFE_PART = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def generated_page(config, files, src_uri: str, front_matter: dict, where: str) -> File:
    """The generated page at `src_uri` ("go/break.md"), or a clear stop naming `where` (the
    data file and line the address came from)."""
    problem = address_problem(src_uri)
    if problem:
        raise PluginError(f"{where}: {problem}")
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(f"{where}: the address '{src_uri[:-3]}/' is already a page of the site "
                          f"(docs/{src_uri}), which this entry would replace. Choose another "
                          "name, or move that page.")
    # Titles may come from labels, which are escaped for HTML; front matter holds plain text.
    front_matter = {key: plain(value) if isinstance(value, Markup) else value
                    for key, value in front_matter.items()}
    text = "---\n" + yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True) + "---\n"
    return File.generated(config, src_uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV)


def address_problem(src_uri: str) -> str:
    """What makes a generated page's source path unusable, or "" when it is fine."""
    parts = src_uri[:-3].split("/") if src_uri.endswith(".md") else []
    if not parts or posixpath.normpath(src_uri) != src_uri or not all(
            SAFE_PART.match(part) for part in parts):
        shown = src_uri[:-3] if src_uri.endswith(".md") else src_uri
        return (f"the address '{shown}' cannot be a page of this site: an address is made of "
                "lower-case letters, digits and dashes, in folders separated by '/', with no "
                "'..', no 'https://' and no leading '/'. Write it relative to the site, like "
                "guides/old-name/.")
    return ""
