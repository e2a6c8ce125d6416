"""A document as an editable ODT (ODF 1.2, written with odfpy): real heading styles, one named
table per section with a header row, the document language in the styles and in meta.xml, and
a zip that is the same byte for byte on every run."""

from __future__ import annotations

import datetime
import io

from odf import dc, meta
from odf.element import Element
from odf.namespaces import nsdict
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    FontFace,
    Footer,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, ListItem, P, PageCount, PageNumber, Span
from odf.text import List as TextList

from .layout import UNCHECKED, Document, Row
from .reproducible import reproducible_zip
from .schema import HAND_TYPES

FONT = "Noto Sans CJK TC"
ODF_LANGUAGE = {"zh-tw": ("zh", "TW", "Hant"), "en": ("en", "", "")}  # fo:language, fo:country, fo:script


def render_odt(doc: Document) -> bytes:
    """The document as ODT bytes, reproducible: entry times are the definition's date."""
    _fix_namespaces()
    odt = OpenDocumentText()
    styles = _add_styles(odt, doc.lang)
    _add_meta(odt, doc)
    _add_body(odt, doc, styles)
    buffer = io.BytesIO()
    odt.write(buffer)
    return reproducible_zip(buffer.getvalue(), doc.updated)


def _fix_namespaces() -> None:
    """Declare the same namespaces in every document.

    odfpy keeps the namespaces it has seen in one dict shared by every element of the process
    (`Element.namespaces`, "a static variable") and declares all of them at the root, so a
    document's XML depends on what the process made before it. Setting that dict to every known
    namespace, in odfpy's own fixed order, before each document makes the output reproducible."""
    Element.namespaces.clear()
    Element.namespaces.update(sorted(nsdict.items()))  # {namespace URI: prefix}


def _text_properties(lang: str, size: str) -> TextProperties:
    language, country, script = ODF_LANGUAGE[lang]
    attributes = {"fontname": FONT, "fontnameasian": FONT, "fontnamecomplex": FONT, "fontsize": size,
                  "fontsizeasian": size, "language": language, "languageasian": "zh", "countryasian": "TW",
                  "scriptasian": "Hant"}
    attributes.update({key: value for key, value in (("country", country), ("script", script)) if value})
    return TextProperties(**attributes)


def _add_styles(odt: OpenDocumentText, lang: str) -> dict:
    odt.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=f"'{FONT}'", fontfamilygeneric="swiss",
                                          fontpitch="variable"))
    default = DefaultStyle(family="paragraph")
    default.addElement(_text_properties(lang, "10pt"))
    odt.styles.addElement(default)
    styles = {"Standard": _style(odt, "Standard", "Standard", None, "10pt")}
    styles["Heading"] = _style(odt, "Heading", "Heading", "Standard", "12pt", margin_top="3mm")
    for level, size in ((1, "17pt"), (2, "12pt")):
        styles[level] = _style(odt, f"Heading_20_{level}", f"Heading {level}", "Heading", size,
                               outline=level)
    styles["body"] = _style(odt, "Text_20_body", "Text body", "Standard", "10pt", margin_bottom="1.5mm")
    styles["cell"] = _style(odt, "Table_20_Contents", "Table Contents", "Standard", "10pt")
    styles["cell-heading"] = _style(odt, "Table_20_Heading", "Table Heading", "Table_20_Contents", "9pt")
    styles["small"] = _style(odt, "Help", "Help", "Table_20_Contents", "8.5pt")
    styles.update(_table_styles(odt))
    _page_layout(odt, lang, styles)
    return styles


def _style(odt, name, display, parent, size, outline=None, margin_top="0mm", margin_bottom="1mm") -> Style:
    attributes = {"name": name, "displayname": display, "family": "paragraph"}
    if parent:
        attributes["parentstylename"] = parent
    if outline:
        attributes.update(defaultoutlinelevel=str(outline), nextstylename="Text_20_body")
    style = Style(**attributes)
    style.addElement(ParagraphProperties(margintop=margin_top, marginbottom=margin_bottom))
    style.addElement(TextProperties(fontsize=size, fontsizeasian=size, fontsizecomplex=size))
    odt.styles.addElement(style)
    return style


def _table_styles(odt: OpenDocumentText) -> dict:
    table = Style(name="FormTable", family="table")
    table.addElement(TableProperties(width="180mm", align="left", margintop="2mm", marginbottom="2mm"))
    columns = []
    for name, width in (("LabelColumn", "75mm"), ("EntryColumn", "105mm")):
        column = Style(name=name, family="table-column")
        column.addElement(TableColumnProperties(columnwidth=width))
        columns.append(column)
    cell = Style(name="FormCell", family="table-cell")
    cell.addElement(TableCellProperties(border="0.6pt solid #000000", padding="1.2mm"))
    header = Style(name="HeaderCell", family="table-cell")
    header.addElement(TableCellProperties(border="0.6pt solid #000000", padding="1.2mm",
                                          backgroundcolor="#e8e8e8"))
    for style in (table, *columns, cell, header):
        odt.automaticstyles.addElement(style)
    return {"table": table, "label-column": columns[0], "entry-column": columns[1], "td": cell, "th": header}


def _page_layout(odt: OpenDocumentText, lang: str, styles: dict) -> None:
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="210mm", pageheight="297mm", printorientation="portrait",
                                           margintop="14mm", marginbottom="12mm", marginleft="15mm",
                                           marginright="15mm"))
    odt.automaticstyles.addElement(layout)
    styles["master"] = MasterPage(name="Standard", pagelayoutname=layout)
    odt.masterstyles.addElement(styles["master"])


def _add_meta(odt: OpenDocumentText, doc: Document) -> None:
    stamp = datetime.datetime.combine(doc.updated, datetime.time(0, 0)).isoformat()
    language, country, _ = ODF_LANGUAGE[doc.lang]
    odt.meta.addElement(dc.Title(text=doc.title))
    odt.meta.addElement(dc.Language(text=f"{language}-{country}" if country else language))
    odt.meta.addElement(meta.CreationDate(text=stamp))
    odt.meta.addElement(dc.Date(text=stamp))


def _add_body(odt: OpenDocumentText, doc: Document, styles: dict) -> None:
    footer = Footer()
    footer.addElement(_footer_paragraph(doc, styles["small"]))
    styles["master"].addElement(footer)
    heading = H(outlinelevel=1, stylename=styles[1], text=doc.form_title + "　")
    heading.addElement(Span(text=f"[{doc.variant_name}]"))
    odt.text.addElement(heading)
    for text in (*doc.notices, *doc.intro):
        odt.text.addElement(P(stylename=styles["body"], text=text))
    for table in doc.tables:
        odt.text.addElement(H(outlinelevel=2, stylename=styles[2], text=table.title))
        odt.text.addElement(_table(doc, table, styles))
    if doc.notes:
        odt.text.addElement(H(outlinelevel=2, stylename=styles[2], text=doc.notes_heading))
        notes = TextList()
        for note in doc.notes:
            item = ListItem()
            item.addElement(P(stylename=styles["body"], text=note))
            notes.addElement(item)
        odt.text.addElement(notes)


def _footer_paragraph(doc: Document, style) -> P:
    """"Updated: …  Page 1 of 2", with page fields where the template says {page} and {pages}."""
    paragraph = P(stylename=style, text=doc.updated_text + "　")
    rest = doc.page_text
    while "{" in rest:
        before, _, rest = rest.partition("{")
        name, _, rest = rest.partition("}")
        if before:
            paragraph.addText(before)
        paragraph.addElement(PageNumber(selectpage="current") if name == "page" else PageCount())
    if rest:
        paragraph.addText(rest)
    return paragraph


def _table(doc: Document, table, styles: dict) -> Table:
    element = Table(name=f"{table.id}", stylename=styles["table"])
    element.addElement(TableColumn(stylename=styles["label-column"]))
    element.addElement(TableColumn(stylename=styles["entry-column"]))
    header = TableRow()
    for heading in doc.column_headings:
        cell = TableCell(stylename=styles["th"], valuetype="string")
        cell.addElement(P(stylename=styles["cell-heading"], text=heading))
        header.addElement(cell)
    rows = TableHeaderRows()
    rows.addElement(header)
    element.addElement(rows)
    for row in table.rows:
        element.addElement(_row(doc, row, styles))
    return element


def _row(doc: Document, row: Row, styles: dict) -> TableRow:
    label = TableCell(stylename=styles["td"], valuetype="string")
    label.addElement(P(stylename=styles["cell"], text=f"{row.label} {row.marker}"))
    label.addElement(P(stylename=styles["small"], text=row.help))
    entry = TableCell(stylename=styles["td"], valuetype="string")
    for text in _entry_lines(doc, row):
        entry.addElement(P(stylename=styles["cell"], text=text))
    element = TableRow()
    element.addElement(label)
    element.addElement(entry)
    return element


def _entry_lines(doc: Document, row: Row) -> list[str]:
    """What the entry cell holds: the example, or room to write (empty lines, empty boxes)."""
    if doc.variant == "example":
        return [row.value]
    if row.type == "checkbox":
        return [UNCHECKED]
    if row.options:
        return ["　".join(f"{UNCHECKED} {option.label}" for option in row.options)]
    if row.type in HAND_TYPES:
        return [doc.hand_prompts[row.type], *([""] * (2 * row.lines))]
    return [""] * row.lines
