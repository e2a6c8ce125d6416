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
    fonts: tuple[tuple[str, bool], ...]  # (BaseFont, embedded) of the fonts the pages draw with
    fields: tuple[tuple[str, str, str], ...]  # (/T, /TU, /FT)
    field_fonts: tuple[str, ...] = ()  # fonts only in /AcroForm /DR: what viewers draw typed text with


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
        field_only = _field_only_fonts(pdf)
        return PdfFacts(
            pages=len(pdf.pages), title=str(title or ""), lang=str(root.get("/Lang") or ""),
            structure_tree="/StructTreeRoot" in root,
            marked=bool((root.get("/MarkInfo") or {}).get("/Marked", False)),
            display_title=bool(prefs.get("/DisplayDocTitle", False)),
            fonts=tuple(sorted(_fonts(pdf) - field_only)), fields=tuple(_fields(root)),
            field_fonts=tuple(sorted(name for name, _ in field_only)))


def _stream(data: bytes):
    import io
    return io.BytesIO(data)


def _fonts(pdf: pikepdf.Pdf) -> set[tuple[str, bool]]:
    fonts = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            fonts.add((str(obj.get("/FontName")), any(key in obj for key in FONT_FILES)))
    return fonts


def _field_only_fonts(pdf: pikepdf.Pdf) -> set[tuple[str, bool]]:
    """(FontName, embedded) of the fonts in /AcroForm /DR that no page's resources use: a viewer
    draws typed text with them, nothing in the file is drawn with them (PDF/UA asks embedding of
    the fonts used for rendering)."""
    form = pdf.Root.get("/AcroForm")
    resources = form.get("/DR") if form is not None else None
    if resources is None or "/Font" not in resources:
        return set()
    used = set()
    for page in pdf.pages:
        for font in (page.obj.get("/Resources", {}).get("/Font") or {}).values():
            used.add(font.objgen)
    found = set()
    for font in resources.Font.values():
        if font.objgen in used:
            continue
        for descendant in [font, *font.get("/DescendantFonts", [])]:
            descriptor = descendant.get("/FontDescriptor")
            if descriptor is not None:
                found.add((str(descriptor.get("/FontName")), any(key in descriptor for key in FONT_FILES)))
    return found


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
