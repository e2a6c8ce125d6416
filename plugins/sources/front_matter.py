"""Read a source file: UTF-8 text, a YAML header between `---` lines, then the Markdown body.

The header is parsed with every scalar kept as text (YAML's BaseLoader: no `yes` turning
into True, no `2026-13-45` crashing the parser), and the line of every key is remembered,
so that a schema error can name the exact line. Types are the schema's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from problems import Problem, ProblemsFound

from .paths import display_path

FENCE = "---"
# libyaml's loader (14 times faster here) when PyYAML was built with it; the same nodes and marks.
LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
STAGE = "header"
UTF8_FIX = ("save the file as UTF-8 (in Notepad: File → Save As → Encoding: UTF-8; "
            "in VS Code: the encoding in the status bar → Save with Encoding → UTF-8).")

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class SourceFile:
    """One content file, split: the parsed header with the line of each key, and the body."""

    path: str  # as shown in messages: relative to the working folder
    text: str
    header: dict
    lines: dict[Location, int] = field(repr=False)
    body: str
    body_line: int  # the line the body starts on

    def line_of(self, location: Location) -> int:
        """The line of a key (or list item), else of its closest parent; 1 if none is known."""
        return line_in(self.lines, location)


def line_in(lines: dict[Location, int], location: Location) -> int:
    """The line of a location in parsed YAML, else of its closest parent; 1 if none is known."""
    location = tuple(location)
    while location and location not in lines:
        location = location[:-1]
    return lines.get(location, 1)


class SourceError(ProblemsFound):
    """A file that cannot be read as a source file (encoding, missing or broken header, YAML)."""

    def __init__(self, problem: Problem):
        super().__init__([problem])


def decode(path: str, data: bytes, stage: str = STAGE) -> str:
    """The file's text; a file that is not UTF-8 is a SourceError naming the first bad line
    (`stage`: the stage of the file's other problems, e.g. "data" or "forms")."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(Problem(path, line, stage, "encoding",
                                  f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} "
                                  "cannot be read; the file may be saved as Big5)", UTF8_FIX)) from None
    return text.removeprefix("\ufeff")


def split(path: str, text: str) -> tuple[str, str, int]:
    """(header text, body text, line the body starts on)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise SourceError(Problem(path, 1, STAGE, "front-matter",
                                  "the file does not start with a `---` header",
                                  "begin the file with `---`, the header keys (title, slug, lang, …), "
                                  "then `---`; see docs/content-guide.md"))
    for number, raw in enumerate(lines[1:], start=2):
        if raw.strip() == FENCE:
            return "".join(lines[1: number - 1]), "".join(lines[number:]), number + 1
    raise SourceError(Problem(path, 1, STAGE, "front-matter", "the header has no closing `---` line",
                              "end the header with a line of three dashes `---` before the text"))


YAML_FIX = ("write each key as `key: value` at the start of the line; indent list items (`- …`) and nested "
            "keys with spaces, never tabs")
# The brackets of a one-line list or mapping (`{zh-tw: 姓名, en: Name}`); one left open is found
# only lines later, so it is reported where it was opened.
OPENED = {"flow mapping": ("{", "}"), "flow sequence": ("[", "]")}


def yaml_problem(path: str, error: yaml.MarkedYAMLError, first_line: int, stage: str, what: str) -> Problem:
    """The one line of a YAML syntax error: a bracket left open at the line that opened it, any
    other error where the parser stopped."""
    opened = next((pair for name, pair in OPENED.items() if name in (error.context or "")), None)
    if opened and error.context_mark is not None:
        line = error.context_mark.line + first_line
        return Problem(path, line, stage, "yaml", f"{what} is not valid YAML: a `{opened[0]}` on this line is "
                       f"not closed with `{opened[1]}`", f"close it with `{opened[1]}` at the end of the value, "
                       f"e.g. `label: {{zh-tw: 姓名, en: Name}}`")
    mark = error.problem_mark or error.context_mark
    line = mark.line + first_line if mark else first_line
    return Problem(path, line, stage, "yaml", f"{what} is not valid YAML: {error.problem}", YAML_FIX)


def load_yaml(path: str, text: str, *, stage: str, first_line: int = 1,
              what: str = "the file") -> tuple[object, dict[Location, int]]:
    """(data, {location: line}) for a YAML document with every scalar as text.

    `first_line` is the file line of the text's first line (2 for a header after `---`);
    `stage` names the check in messages ("data", "forms", …; a content file's header: "header")
    and `what` the document ("the file"; a content file's: "the header")."""
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        raise SourceError(yaml_problem(path, error, first_line, stage, what)) from None
    lines: dict[Location, int] = {}
    if node is None:
        return {}, lines
    return _build(path, node, (), lines, first_line, stage), lines


def _build(path: str, node: yaml.Node, location: Location, lines: dict, first_line: int, stage: str):
    lines.setdefault(location, node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_line = key_node.start_mark.line + first_line
            if key in result:
                raise SourceError(Problem(path, key_line, stage, "duplicate-key",
                                          f"the key `{key}` is written twice",
                                          "keep one of the two lines and delete the other"))
            lines[(*location, key)] = key_line
            result[key] = _build(path, value_node, (*location, key), lines, first_line, stage)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(path, item, (*location, index), lines, first_line, stage)
                for index, item in enumerate(node.value)]
    return node.value


def leaves(data, location: Location = ()):
    """(location, value) of every value in nested mappings and lists that is neither (parsed YAML,
    or an item's fields); the caller keeps the types it wants."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*location, key))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from leaves(value, (*location, number))
    else:
        yield location, data


def read_source(path: Path) -> SourceFile:
    """Read and split one content file; raises SourceError for what makes it unreadable."""
    shown = display_path(path)
    text = decode(shown, path.read_bytes())
    header_text, body, body_line = split(shown, text)
    header, lines = load_yaml(shown, header_text, stage=STAGE, first_line=2, what="the header")
    if not isinstance(header, dict):
        raise SourceError(Problem(shown, 2, STAGE, "front-matter", "the header is not a list of `key: value` lines",
                                  "write one `key: value` per line between the two `---` lines"))
    lines.setdefault((), 1)
    return SourceFile(shown, text, header, lines, body, body_line)
