"""Pages the build makes itself (short links, the feelings guide, the editors' report): a
virtual Markdown file whose front matter is written by YAML itself, so that any title or
address is quoted correctly, and which stays out of the navigation.

Every generated page's address comes from data an author wrote, so it is checked here, in one
place: it must stay inside the site, and it must not replace a page that is already there.
"""

import posixpath

import yaml
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from support.html_text import plain
from support.shapes import SLUG  # lower-case letters, digits and dashes: safe in any address
from support.site_files import file_at


def generated_page(config, files, src_uri: str, front_matter: dict, where: str) -> File:
    """The generated page at `src_uri` ("go/break.md"), or a clear stop naming `where` (the
    data file and line the address came from)."""
    problem = address_problem(src_uri)
    if problem:
        raise PluginError(f"{where}: {problem}")
    text = "---\n" + yaml.safe_dump(_plain_data(front_matter), sort_keys=False,
                                    allow_unicode=True) + "---\n"
    page = File.generated(config, src_uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
    # go/steps.md and go/steps/index.md are both published at go/steps/.
    taken = files.get_file_from_path(src_uri) or file_at(files, page.dest_uri)
    if taken is not None:
        raise PluginError(f"{where}: the address '{page.url}' is already a page of the site "
                          f"(docs/{taken.src_uri}), which this entry would replace. Choose "
                          "another name, or move that page.")
    return page


def _plain_data(value):
    """Data YAML can write: plain dicts and lists (not the line-keeping kinds data files are
    read into), and plain text (a title from a label is escaped for HTML: front matter holds
    text)."""
    if isinstance(value, dict):
        return {key: _plain_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_data(item) for item in value]
    if isinstance(value, Markup):
        return plain(value)
    return value


def address_problem(src_uri: str) -> str:
    """What makes a generated page's source path unusable, or "" when it is fine."""
    parts = src_uri[:-3].split("/") if src_uri.endswith(".md") else []
    if not parts or posixpath.normpath(src_uri) != src_uri or not all(
            SLUG.match(part) for part in parts):
        shown = src_uri[:-3] if src_uri.endswith(".md") else src_uri
        return (f"the address '{shown}' cannot be a page of this site: an address is made of "
                "lower-case letters, digits and dashes, in folders separated by '/', with no "
                "'..', no 'https://' and no leading '/'. Write it relative to the site, like "
                "guides/old-name/.")
    return ""
