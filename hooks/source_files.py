"""Every file the site publishes comes from inside the project and can be read.

- A symbolic link in docs/ that leads outside the project (to a home folder, /etc, another
  repository) would publish that file to the world. It is refused, and left out of the site.
- A page that is not UTF-8 text would crash MkDocs with a traceback. It is refused with the line
  of the first character that cannot be read, and left out of the site.
- An HTML file in docs/ would be published as it is, with no policy and no checks: pages are
  written in Markdown. An SVG image that can run script (a <script>, an event handler, a
  javascript: address) would run it when opened on its own, on the site's own address.
"""

import re
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)

SVG_SCRIPT = re.compile(r"<script\b|\bon[a-z]+\s*=|javascript:|<foreignObject\b", re.IGNORECASE)


@event_priority(100)  # before any other hook reads a file
def on_files(files, config, **kwargs):
    project = Path(config["config_file_path"]).parent.resolve()
    docs = Path(config["docs_dir"])
    for file in list(files):
        if not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(docs):
            continue  # the theme's own files, or a page a hook makes in memory
        path = Path(file.abs_src_path)
        problem = outside_problem(path, project) or \
            (unreadable_problem(path) if file.is_documentation_page() else "") or \
            published_as_is_problem(path)
        if problem:
            files.remove(file)
            log.warning(f"docs/{file.src_uri}{problem}")
    return files


def outside_problem(path: Path, project: Path) -> str:
    target = path.resolve()
    if target.is_relative_to(project):
        return ""
    return (f": this is a link to {target}, outside the project, and would publish that file. "
            "Copy the file into docs/ instead of linking to it.")


def published_as_is_problem(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return (": an HTML file would be published as it is, without the site's checks and "
                "policy. Write the page in Markdown (a .md file) instead.")
    if suffix == ".svg":
        text = path.read_text(encoding="utf-8", errors="replace")
        match = SVG_SCRIPT.search(text)
        if match:
            line = text.count("\n", 0, match.start()) + 1
            return (f", line {line}: this image holds '{match.group(0)}', which runs a script "
                    "when the image is opened on its own. Remove it (a picture needs no "
                    "script), or save the image again without it.")
    return ""


def unreadable_problem(path: Path) -> str:
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return (f", line {line}: this file is not UTF-8 text, so it cannot be read. Open it in "
                "your editor and save it again with the encoding 'UTF-8'.")
    return ""
