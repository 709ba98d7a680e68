"""Reading the YAML data files that authors edit, with line numbers kept for error messages.

Data files live in `docs/_data/` (excluded from publishing in mkdocs.yml). Every mapping read
from them is a `LineMap`: a dict that also remembers the line of each key, so that a validator
can say "docs/_data/authors.yml, line 12" instead of just naming the file.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

DATA_DIR = "_data"


class DataFile:
    """One kind of data file in docs/_data/: whether a site must have it, and its top shape."""

    def __init__(self, required: bool, shape: type, about: str):
        self.required, self.shape, self.about = required, shape, about


# Every data file the engine reads, declared once. An optional file that is missing reads as
# empty: the part of the site it feeds is simply off (README.md, "Data files").
DATA_FILES = {
    "authors": DataFile(True, dict, "everyone credited on the site"),
    "help-lines": DataFile(True, dict, "emergency numbers and crisis lines"),
    "references": DataFile(False, dict, "published sources that pages cite"),
    "feelings": DataFile(False, dict, "the \"What am I feeling?\" guide"),
    "short-links": DataFile(False, dict, "short links and moved addresses"),
    "published-addresses": DataFile(False, list, "every address the site has published"),
    "flagged-phrases": DataFile(False, list, "the practice's own flagged phrases"),
    "http-allowlist": DataFile(False, list, "sites that may be linked with http://"),
    "pemat-scores": DataFile(False, list, "PEMAT-P scores of client pages, by an outside reader"),
}


class LineMap(dict):
    """A dict from YAML that knows the line (1-based) where it and each of its keys start."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list from YAML that knows the line where each item starts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.item_lines = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class InvalidDate(str):
    """A value written like a date (2026-13-45) that is not a real one. PyYAML would crash on
    it; keeping it as text lets a check report it with its line."""

    line: int = 0


# libyaml's parser where PyYAML was built with it: several times faster than the pure-Python one.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """SafeLoader that returns LineMap/LineList instead of plain dicts and lists."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice", key_node.start_mark
            )  # PyYAML itself would silently keep only the second one
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        value = InvalidDate(loader.construct_scalar(node))
        value.line = node.start_mark.line + 1
        return value


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def invalid_dates(data):
    """Every InvalidDate anywhere inside parsed YAML data."""
    if isinstance(data, InvalidDate):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from invalid_dates(value)
    elif isinstance(data, list):
        for value in data:
            yield from invalid_dates(value)


def shift_lines(data, by: int):
    """Move every line number inside parsed YAML data by `by` lines."""
    if isinstance(data, LineMap):
        data.line += by
        data.key_lines = {key: line + by for key, line in data.key_lines.items()}
    elif isinstance(data, LineList):
        data.line += by
        data.item_lines = [line + by for line in data.item_lines]
    for value in data.values() if isinstance(data, dict) else \
            data if isinstance(data, list) else ():
        shift_lines(value, by)


def data_file_path(config, name: str) -> Path:
    return Path(config["docs_dir"]) / DATA_DIR / f"{name}.yml"


def display_path(config, path: Path) -> str:
    """The path as an author sees it in the project: docs/_data/authors.yml."""
    project_dir = Path(config["config_file_path"]).parent
    try:
        return str(path.resolve().relative_to(project_dir.resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path, where: str) -> str:
    """A file's text, or a clear stop if it is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise PluginError(f"{where}, line {line}: this file is not UTF-8 text, so it cannot be "
                          "read. Open it in your editor and save it again with the encoding "
                          "'UTF-8'.") from None


def parse_yaml(text: str, where: str, line_offset: int = 0):
    """Parse YAML text, turning a syntax error into a message an author can act on.

    Aliases (*name) are refused: authors never need them, and a few nested ones can make a
    small file expand into billions of values (the "billion laughs")."""
    try:
        for token in yaml.scan(text, Loader=_SafeLoader):
            if isinstance(token, yaml.AliasToken):
                raise PluginError(
                    f"{where}, line {token.start_mark.line + 1 + line_offset}: '*{token.value}' "
                    "repeats another part of the file (a YAML alias), which data files do not "
                    "use. Write the value out in full instead.")
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f", line {mark.line + 1 + line_offset}" if mark else ""
        problem = error.problem or error.context or "it cannot be read"
        if "appears twice" in problem:
            fix = "Give each entry its own key, or merge the two entries into one."
        else:
            fix = ("Check the indentation, and put quotes around text that contains a colon "
                   "or starts with a special character.")
        raise PluginError(f"{where}{line}: this is not valid YAML ({problem}). {fix}") from None


_parsed = {}  # path -> ((modification time, size), data): each file is parsed once per change


def load_data_file(config, name: str):
    """Read docs/_data/<name>.yml, or stop the build with a clear message. A data file the
    engine does not declare (DATA_FILES) is read as it is, whatever its shape; an optional one
    that is missing reads as empty."""
    declared = DATA_FILES.get(name)
    expect = declared.shape if declared else object
    path = data_file_path(config, name)
    where = display_path(config, path)
    if not path.is_file():
        if declared and not declared.required:
            return LineMap() if expect is dict else LineList()
        raise PluginError(
            f"{where}: this data file is missing. Create it (see README.md) or restore it "
            "from version control."
        )
    project = Path(config["config_file_path"]).parent.resolve()
    if not path.resolve().is_relative_to(project):
        raise PluginError(f"{where}: this is a link to {path.resolve()}, outside the project. "
                          "Copy the file into docs/_data/ instead of linking to it.")
    stamp = (path.stat().st_mtime_ns, path.stat().st_size)
    if _parsed.get(path, (None,))[0] != stamp:
        _parsed[path] = (stamp, parse_yaml(read_text(path, where), where))
    # Each hook gets its own copy, since some of them tidy the data they read.
    data = copy.deepcopy(_parsed[path][1])
    for bad in invalid_dates(data):
        raise PluginError(f"{where}, line {bad.line}: '{bad}' is not a real date. Write dates "
                          "as YYYY-MM-DD, like 2026-03-15.")
    if data is None:
        return LineList() if expect is list else LineMap()
    if not isinstance(data, expect):
        shape = ("entries of the form 'key:' followed by indented fields" if expect is dict
                 else "a list of items, each starting with '- '")
        raise PluginError(f"{where}, line 1: this file must hold {shape}. Compare it with the "
                          "example in README.md.")
    return data
