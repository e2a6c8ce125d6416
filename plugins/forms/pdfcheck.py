"""Read what a PDF says about its accessibility with pikepdf (veraPDF is not installable here):
tags (StructTreeRoot, MarkInfo /Marked), /Lang, title, embedded fonts, form fields and their /TU."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    title: str
    lang: str
    structure_tree: bool
    marked: bool
    display_title: bool
    fonts: tuple[tuple[str, bool], ...]  # (BaseFont, embedded)
    fields: tuple[tuple[str, str, str], ...]  # (/T, /TU, /FT)


class UnreadablePdf(Exception):
    """The file is not a PDF pikepdf can open."""


def pdf_facts(source: Path | bytes) -> PdfFacts:
    """The facts of a PDF file or of PDF bytes; UnreadablePdf when it cannot be opened."""
    try:
        pdf = pikepdf.open(source if isinstance(source, Path) else _stream(source))
    except (pikepdf.PdfError, OSError, ValueError) as error:
        raise UnreadablePdf(str(error)) from None
    with pdf:
        root = pdf.Root
        title = pdf.docinfo.get("/Title") if pdf.trailer.get("/Info") is not None else None
        prefs = root.get("/ViewerPreferences") or {}
        return PdfFacts(
            pages=len(pdf.pages), title=str(title or ""), lang=str(root.get("/Lang") or ""),
            structure_tree="/StructTreeRoot" in root,
            marked=bool((root.get("/MarkInfo") or {}).get("/Marked", False)),
            display_title=bool(prefs.get("/DisplayDocTitle", False)),
            fonts=tuple(sorted(_fonts(pdf))), fields=tuple(_fields(root)))


def _stream(data: bytes):
    import io
    return io.BytesIO(data)


def _fonts(pdf: pikepdf.Pdf) -> set[tuple[str, bool]]:
    fonts = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            fonts.add((str(obj.get("/FontName")), any(key in obj for key in FONT_FILES)))
    return fonts


def _fields(root) -> list[tuple[str, str, str]]:
    form = root.get("/AcroForm")
    if form is None:
        return []
    return [(str(field.get("/T", "")), str(field.get("/TU", "")), str(field.get("/FT", "")))
            for field in form.get("/Fields", [])]


def tagging_mistakes(facts: PdfFacts) -> list[str]:
    """What keeps the PDF from being a tagged, titled, language-marked document with embedded fonts."""
    mistakes = []
    if not facts.structure_tree:
        mistakes.append("it has no structure tree (StructTreeRoot): it is not tagged")
    if not facts.marked:
        mistakes.append("it is not marked as tagged (MarkInfo /Marked true)")
    if not facts.lang:
        mistakes.append("it has no document language (/Lang)")
    if not facts.title.strip():
        mistakes.append("it has no title")
    mistakes += [f"the font {name} is not embedded" for name, embedded in facts.fonts if not embedded]
    return mistakes
