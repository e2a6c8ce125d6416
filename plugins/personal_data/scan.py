"""Scan texts, files and folders; report each hit that is not allow-listed as a Problem.

Files by suffix: TEXT_SUFFIXES are read as UTF-8 text (a BOM is fine) and scanned line by
line; OpenDocument, Office Open XML (.docx, .xlsx) and PDF files through their EXTRACTORS; the
binary Office files of before 2007 (.doc, .xls) cannot be read and are a Problem each;
NO_TEXT_SUFFIXES (raster images, fonts) have no text to scan and are skipped; any other file is
a Problem, because a file the guard cannot read is a file it cannot vouch for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType

from problems import Problem
from sources.paths import display_path

from .allowlist import AllowList
from .detect import Hit, find
from .extract import ExtractionError, TextPart, odf_sections, ooxml_sections, pdf_sections
from .kinds import DOCS, KINDS, STAGE, Kind, fix_for
from .names import table_names_at_addresses

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".yaml", ".yml", ".txt", ".csv", ".tsv", ".json", ".toml",
                           ".html", ".htm", ".xml", ".svg", ".po", ".pot"})
EXTRACTORS = MappingProxyType({".odt": odf_sections, ".ods": odf_sections, ".odp": odf_sections,
                               ".odg": odf_sections, ".pdf": pdf_sections, ".docx": ooxml_sections,
                               ".xlsx": ooxml_sections, ".pptx": ooxml_sections})
# The binary Office files of before 2007: their text cannot be read, so they cannot be vouched for.
BINARY_OFFICE = MappingProxyType({".doc": ".docx", ".xls": ".xlsx", ".ppt": ".pptx"})
NO_TEXT_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff",
                              ".woff2", ".ttf", ".otf"})
SCANNED_SUFFIXES = TEXT_SUFFIXES | EXTRACTORS.keys()
# Table files: a name and an address in the same row, under their headings (names.py).
TABLE_DELIMITERS = MappingProxyType({".csv": ",", ".tsv": "\t"})

# A line break between two characters of a number or an address, as a layout engine wraps them.
_WRAP = re.compile(r"(?<=[0-9A-Za-z@._+-])[ \t]*\n[ \t]*(?=[0-9A-Za-z@._+-])")


def scan_text(path_shown: str, text: str, allowlist: AllowList, first_line: int = 1) -> list[Problem]:
    """A Problem for each hit in `text` that is not allowed; `first_line` is the file line of the
    text's first line (for a value taken out of a larger file)."""
    return [_problem(path_shown, hit, hit.line + first_line - 1, "")
            for hit in find(text, allowlist.office_domains) if not allowlist.allows(hit)]


def scan_section(path_shown: str, section: TextPart, allowlist: AllowList) -> list[Problem]:
    """Like scan_text, for extracted text: also finds a value the layout wrapped over two lines."""
    hits = [hit for hit in _hits_with_wrapped(section.text, allowlist.office_domains)
            if not allowlist.allows(hit)]
    return [_problem(path_shown, hit, None, f"{section.where}, text line {hit.line}: ") for hit in hits]


def scan_file(path: Path, allowlist: AllowList) -> list[Problem]:
    """The problems in one file (text, OpenDocument or PDF); an unreadable or unknown file is one."""
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix in NO_TEXT_SUFFIXES:
        return []
    if suffix in TEXT_SUFFIXES:
        return _scan_text_file(path, shown, allowlist)
    if suffix in BINARY_OFFICE:
        return [Problem(shown, None, STAGE, "unreadable", f"a {suffix} file (the Office format of before 2007) "
                        "cannot be checked for personal data",
                        f"save it as {BINARY_OFFICE[suffix]} (File, Save as), or offer only its ODF or PDF version; "
                        f"see {DOCS}")]
    if suffix not in EXTRACTORS:
        return [Problem(shown, None, STAGE, "unreadable", f"files of type {suffix or '(none)'} cannot be "
                        "checked for personal data",
                        "publish text as Markdown, editable documents as ODF (.odt/.ods) and the rest as PDF; "
                        f"see {DOCS}")]
    try:
        sections = EXTRACTORS[suffix](path)
    except ExtractionError as error:
        return [Problem(shown, None, STAGE, "unreadable", f"the attachment cannot be checked for personal "
                        f"data: {error}", "export the file again from its source document (with its text, "
                        "unencrypted) and rebuild")]
    return [problem for section in sections for problem in scan_section(shown, section, allowlist)]


def scan_tree(root: Path, allowlist: AllowList) -> list[Problem]:
    """The problems in every file under `root`; hidden files and folders (.git, .DS_Store) are skipped."""
    return [problem for path in files_under(root) for problem in scan_file(path, allowlist)]


def files_under(root: Path) -> list[Path]:
    """Every file under `root` (or `root` itself), in a stable order, hidden ones left out."""
    if root.is_file():
        return [root]
    return sorted(path for path in root.rglob("*")
                  if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts))


def _scan_text_file(path: Path, shown: str, allowlist: AllowList) -> list[Problem]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [Problem(shown, line, STAGE, "unreadable", "the file is not UTF-8 text, so it cannot be "
                        "checked for personal data", "save the file as UTF-8")]
    problems = scan_text(shown, text, allowlist)
    delimiter = TABLE_DELIMITERS.get(path.suffix.lower())
    if delimiter:
        rows = [Hit(Kind.NAME_ADDRESS, hit.masked, line, column, len(hit.name), hit.key)
                for line, column, hit in table_names_at_addresses(text, delimiter)]
        written = {problem.line for problem in problems if problem.rule == Kind.NAME_ADDRESS}
        problems += [_problem(shown, hit, hit.line, "") for hit in rows
                     if not allowlist.allows(hit) and hit.line not in written]
    return problems


def _hits_with_wrapped(text: str, office_domains: Iterable[str]) -> list[Hit]:
    """The hits in `text`, plus those found only once wrapped lines are joined."""
    hits = find(text, office_domains)
    seen = {(hit.kind, hit.key) for hit in hits}
    joined, removed = _unwrap(text)
    starts = [0, *(newline.end() for newline in re.finditer("\n", text))]
    joined_starts = [0, *(newline.end() for newline in re.finditer("\n", joined))]
    for hit in find(joined, office_domains):
        if (hit.kind, hit.key) in seen:
            continue
        offset = joined_starts[hit.line - 1] + hit.column - 1
        original = offset + bisect.bisect_right(removed, offset)
        line = bisect.bisect_right(starts, original)
        hits.append(Hit(hit.kind, hit.masked, line, original - starts[line - 1] + 1, hit.length, hit.key))
        seen.add((hit.kind, hit.key))
    return sorted(hits, key=lambda hit: (hit.line, hit.column, hit.kind))


def _unwrap(text: str) -> tuple[str, list[int]]:
    """(text with wrapping line breaks removed, sorted offsets in it where characters were removed,
    one entry per removed character)."""
    parts: list[str] = []
    removed: list[int] = []
    position = length = 0
    for match in _WRAP.finditer(text):
        parts.append(text[position:match.start()])
        length += match.start() - position
        removed.extend([length] * (match.end() - match.start()))
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), removed


def _problem(path: str, hit: Hit, line: int | None, where: str) -> Problem:
    label = KINDS[hit.kind].label
    return Problem(path, line, STAGE, str(hit.kind), f"{where}{label}: {hit.masked} (column {hit.column})",
                   fix_for(hit.kind))
