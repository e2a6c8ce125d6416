"""The text of attachments, in named sections, so the guard can scan what a reader downloads.

- OpenDocument (.odt, .ods, .odp, .odg): the text of content.xml (the document), styles.xml
  (headers, footers) and meta.xml (document properties), one line per paragraph or heading,
  plus every link target (xlink:href). Read with the standard library (zipfile, ElementTree).
- Office Open XML (.docx, .xlsx, .pptx): the text of every XML part of the document (body,
  headers and footers, notes, comments, sheets and their shared strings, slides), one line per
  paragraph, row or cell, plus the document properties and every link target (the .rels
  files). Read with the standard library too. The binary Office files of before 2007 (.doc,
  .xls, .ppt) cannot be read: the guard fails on them (scan.py).
- PDF: the text of each page, with pypdf (pure Python, pinned; no system tool to go missing).
  A PDF that cannot be read, is encrypted, or has no text at all (a scan) is an
  ExtractionError: the guard cannot vouch for it, so it fails.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from xml.etree import ElementTree

import pypdf
from pypdf.errors import PdfReadError, PyPdfError

ODF_PARTS = MappingProxyType({
    "content.xml": "the document body",
    "styles.xml": "the headers, footers and styles",
    "meta.xml": "the document properties",
})
MAX_PART_BYTES = 64 * 1024 * 1024  # a larger XML part is not a real form or notice

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_SPACE, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
_PARAGRAPHS = frozenset({f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"})


class ExtractionError(Exception):
    """The file's text cannot be read, so it cannot be checked."""


@dataclass(frozen=True)
class TextPart:
    """A named part of a file's text: `where` reads in a message ("page 2", "the document body")."""

    where: str
    text: str


def odf_sections(path: Path) -> list[TextPart]:
    """The text of an OpenDocument file's content, styles and metadata."""
    try:
        with zipfile.ZipFile(path) as package:
            sizes = {info.filename: info.file_size for info in package.infolist()}
            if "content.xml" not in sizes:
                raise ExtractionError("it has no content.xml, so it is not an OpenDocument file")
            return [TextPart(label, _odf_text(package.read(part), part))
                    for part, label in ODF_PARTS.items() if part in sizes and _size_ok(sizes[part], part)]
    except (zipfile.BadZipFile, OSError) as error:
        raise ExtractionError(f"it cannot be opened as an OpenDocument (zip) file: {error}") from None


def _size_ok(size: int, part: str) -> bool:
    if size > MAX_PART_BYTES:
        raise ExtractionError(f"its {part} unpacks to {size} bytes, too large to be a document")
    return True


def _odf_text(data: bytes, part: str) -> str:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ExtractionError(f"its {part} is not well-formed XML: {error}") from None
    lines: list[str] = []
    current: list[str] = []
    _walk(root, lines, current)
    lines.append("".join(current))
    links = [node.get(_XLINK_HREF) for node in root.iter() if node.get(_XLINK_HREF)]
    return "\n".join(line for line in [*lines, *links] if line.strip())


def _walk(node: ElementTree.Element, lines: list[str], current: list[str]) -> None:
    """Append the node's text to `current`; a paragraph or a line break ends a line."""
    block = node.tag in _PARAGRAPHS or not node.tag.startswith(f"{{{_TEXT}}}")
    if block or node.tag == _BREAK:
        lines.append("".join(current))
        current.clear()
    if node.tag == _SPACE:
        current.append(" " * int(node.get(f"{{{_TEXT}}}c", "1")))
    elif node.tag == _TAB:
        current.append("\t")
    elif node.text:
        current.append(node.text)
    for child in node:
        _walk(child, lines, current)
        if child.tail:
            current.append(child.tail)
    if block:
        lines.append("".join(current))
        current.clear()


# The parts of an Office Open XML package that hold text a reader sees, by folder and name start.
OOXML_PARTS = (
    ("word/document", "the document body"), ("word/header", "the headers"), ("word/footer", "the footers"),
    ("word/footnotes", "the footnotes"), ("word/endnotes", "the endnotes"), ("word/comments", "the comments"),
    ("xl/sharedStrings", "the cells' text"), ("xl/worksheets/sheet", "the sheets"), ("xl/comments", "the comments"),
    ("ppt/slides/slide", "the slides"), ("ppt/notesSlides/", "the speaker notes"),
    ("docProps/", "the document properties"),
)
_OOXML_TEXT = frozenset({"t", "v", "instrText"})  # w:t, a:t, a shared string's t, a cell's value v
_OOXML_LINES = frozenset({"p", "si", "row", "c", "tr", "br", "cr"})  # paragraphs, strings, rows, cells, breaks


def ooxml_sections(path: Path) -> list[TextPart]:
    """The text of an Office Open XML file (.docx, .xlsx, .pptx), by part, with its link targets."""
    try:
        with zipfile.ZipFile(path) as package:
            sizes = {info.filename: info.file_size for info in package.infolist()}
            if "[Content_Types].xml" not in sizes:
                raise ExtractionError("it has no [Content_Types].xml, so it is not an Office (.docx, .xlsx) file")
            sections = []
            for prefix, label in OOXML_PARTS:
                for part in sorted(name for name in sizes if name.startswith(prefix) and name.endswith(".xml")):
                    _size_ok(sizes[part], part)
                    sections.append(TextPart(f"{label} ({part})", _ooxml_text(package.read(part), part)))
            targets = [target for part in sorted(sizes) if part.endswith(".rels") and _size_ok(sizes[part], part)
                       for target in _link_targets(package.read(part), part)]
            sections.append(TextPart("the link targets", "\n".join(targets)))
            return sections
    except (zipfile.BadZipFile, OSError) as error:
        raise ExtractionError(f"it cannot be opened as an Office (zip) file: {error}") from None


def _xml(data: bytes, part: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ExtractionError(f"its {part} is not well-formed XML: {error}") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ooxml_text(data: bytes, part: str) -> str:
    """One line per paragraph, shared string, row or cell; the text of w:t, a:t, t and v elements."""
    lines: list[str] = [""]
    for node in _xml(data, part).iter():
        name = _local(node.tag)
        if name in _OOXML_LINES:
            lines.append("")
        if name == "tab":
            lines[-1] += "\t"
        elif name in _OOXML_TEXT and node.text:
            lines[-1] += node.text
        elif part.startswith("docProps/") and node.text and node.text.strip():
            lines.append(node.text)
    return "\n".join(line for line in lines if line.strip())


def _link_targets(data: bytes, part: str) -> list[str]:
    """The external link targets of a .rels part (mailto:, https://…)."""
    return [node.get("Target", "") for node in _xml(data, part).iter()
            if node.get("TargetMode") == "External" and node.get("Target")]


def pdf_sections(path: Path) -> list[TextPart]:
    """The text of each page of a PDF ("page 1", "page 2", …)."""
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted:
            raise ExtractionError("it is encrypted, so its text cannot be read")
        sections = [TextPart(f"page {number}", page.extract_text() or "")
                    for number, page in enumerate(reader.pages, start=1)]
    except (PdfReadError, PyPdfError, OSError, ValueError, KeyError, TypeError) as error:
        # pypdf reports a damaged file with several exception types; each is a failure, never a pass.
        raise ExtractionError(f"it cannot be read as a PDF ({type(error).__name__}: {error})") from None
    if not any(section.text.strip() for section in sections):
        raise ExtractionError("it has no text layer (a scanned image?), so neither this check nor a "
                              "screen reader can read it")
    return sections
