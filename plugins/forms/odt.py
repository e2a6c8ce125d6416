"""A document as an editable ODT (ODF 1.2, written with odfpy): real heading styles, one named
table per section with a header row, the document language in the styles and in meta.xml, and
a zip that is the same byte for byte on every run."""

from __future__ import annotations

import datetime
import io

from odf import dc, meta
from odf.draw import Control, Rect
from odf.element import Element
from odf.form import Checkbox, Form, Radio
from odf.namespaces import nsdict
from odf.office import Forms
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    FontFace,
    Footer,
    GraphicProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, ListItem, P, PageCount, PageNumber, Span
from odf.text import List as TextList

from .layout import Document, Row
from .reproducible import reproducible_zip
from .schema import HAND_TYPES

CHAR_MM = {"zh-tw": 3.6, "en": 2.0}  # the width of one character of a 10 pt label, in mm
PHOTO = ("35mm", "45mm")  # width, height of the photo box

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
    styles["Heading"] = _style(odt, "Heading", "Heading", "Standard", "12pt", margin_top="3mm",
                               keep_with_next=True)
    for level, size in ((1, "17pt"), (2, "12pt")):
        styles[level] = _style(odt, f"Heading_20_{level}", f"Heading {level}", "Heading", size,
                               outline=level, keep_with_next=True)
    styles["body"] = _style(odt, "Text_20_body", "Text body", "Standard", "10pt", margin_bottom="1.5mm")
    styles["cell"] = _style(odt, "Table_20_Contents", "Table Contents", "Standard", "10pt")
    styles["cell-heading"] = _style(odt, "Table_20_Heading", "Table Heading", "Table_20_Contents", "9pt")
    styles["small"] = _style(odt, "Help", "Help", "Table_20_Contents", "8.5pt")
    styles["declaration"] = _style(odt, "Declaration", "Declaration", "Text_20_body", "10pt", margin_top="1mm",
                                   keep_with_next=True, boxed=True)
    styles.update(_table_styles(odt))
    box = Style(name="Box", family="graphic")
    box.addElement(GraphicProperties(stroke="dash", strokecolor="#555555", fill="none", verticalpos="top",
                                     verticalrel="baseline", padding="2mm"))
    odt.automaticstyles.addElement(box)
    styles.update(box=box, odt=odt)
    _page_layout(odt, lang, styles)
    return styles


def _style(odt, name, display, parent, size, outline=None, margin_top="0mm", margin_bottom="1mm",
           keep_with_next=False, boxed=False) -> Style:
    attributes = {"name": name, "displayname": display, "family": "paragraph"}
    if parent:
        attributes["parentstylename"] = parent
    if outline:
        attributes.update(defaultoutlinelevel=str(outline), nextstylename="Text_20_body")
    style = Style(**attributes)
    properties = {"margintop": margin_top, "marginbottom": margin_bottom}
    if keep_with_next:  # a heading or a declaration never stays behind at a page break
        properties["keepwithnext"] = "always"
    if boxed:
        properties.update(border="0.6pt solid #000000", padding="1.5mm")
    style.addElement(ParagraphProperties(**properties))
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
    office = Style(name="OfficeCell", family="table-cell")
    office.addElement(TableCellProperties(border="0.6pt solid #000000", padding="1.2mm", backgroundcolor="#eeeeee"))
    office_column = Style(name="OfficeColumn", family="table-column")
    office_column.addElement(TableColumnProperties(columnwidth="45mm"))
    for style in (table, *columns, cell, header, office, office_column):
        odt.automaticstyles.addElement(style)
    return {"table": table, "label-column": columns[0], "entry-column": columns[1], "td": cell, "th": header,
            "office": office, "office-column": office_column}


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
    controls = _Controls(odt, doc) if doc.variant == "blank" else None
    for table in doc.tables:
        odt.text.addElement(H(outlinelevel=2, stylename=styles[2], text=table.title))
        if table.declaration:
            odt.text.addElement(P(stylename=styles["declaration"], text=table.declaration))
        odt.text.addElement(_table(doc, table, styles, controls))
    if doc.office_use:
        odt.text.addElement(H(outlinelevel=2, stylename=styles[2], text=doc.office_heading))
        odt.text.addElement(_office_table(doc, styles))
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


class _Controls:
    """The document's ODF form (office:forms): one radio button per option, named by the field
    (one group per choice, the option's key as its value), one check box per checkbox field;
    each placed in its table cell by a draw:control, with the accessible name as its title."""

    def __init__(self, odt: OpenDocumentText, doc: Document):
        self.doc, self.count = doc, 0
        forms = Forms(applydesignmode="false", automaticfocus="false")
        self.form = Form(name="Form", controlimplementation="ooo:com.sun.star.form.component.Form")
        forms.addElement(self.form)
        odt.text.addElement(forms)
        self.style = Style(name="Control", family="graphic")
        self.style.addElement(GraphicProperties(verticalpos="middle", verticalrel="text"))
        odt.automaticstyles.addElement(self.style)

    def _place(self, control, width_mm: float) -> Control:
        self.form.addElement(control)
        return Control(control=control.getAttribute("id"), anchortype="as-char", width=f"{width_mm:.1f}mm",
                       height="6mm", stylename=self.style)

    def _next_id(self) -> str:
        self.count += 1
        return f"control{self.count}"

    def radios(self, row: Row) -> list[Control]:
        from .acroform import accessible_name

        placed = []
        for option in row.options:
            control = Radio(id=self._next_id(), name=row.name, label=option.label, value=option.key,
                            title=accessible_name(row, self.doc, option.label),
                            controlimplementation="ooo:com.sun.star.form.component.RadioButton")
            placed.append(self._place(control, 7 + len(option.label) * CHAR_MM[self.doc.lang]))
        return placed

    def checkbox(self, row: Row) -> Control:
        from .acroform import accessible_name

        control = Checkbox(id=self._next_id(), name=row.name, label=self.doc.tick_label, value="yes",
                           title=accessible_name(row, self.doc),
                           controlimplementation="ooo:com.sun.star.form.component.CheckBox")
        return self._place(control, 7 + len(self.doc.tick_label) * CHAR_MM[self.doc.lang])


def _office_table(doc: Document, styles: dict) -> Table:
    """The office's area: one column per box, its label in the header row, an empty shaded cell."""
    element = Table(name="office-use", stylename=styles["table"])
    for _ in doc.office_use:
        element.addElement(TableColumn(stylename=styles["office-column"]))
    header, rows, body = TableRow(), TableHeaderRows(), TableRow(stylename=_row_style(styles, 12))
    for label in doc.office_use:
        cell = TableCell(stylename=styles["th"], valuetype="string")
        cell.addElement(P(stylename=styles["cell-heading"], text=label))
        header.addElement(cell)
        empty = TableCell(stylename=styles["office"], valuetype="string")
        empty.addElement(P(stylename=styles["cell"]))
        body.addElement(empty)
    rows.addElement(header)
    element.addElement(rows)
    element.addElement(body)
    return element


def _row_style(styles: dict, height_mm: float) -> Style:
    """The table-row style of rows at least `height_mm` high (made once per height)."""
    key = f"row-{height_mm:g}"
    if key not in styles:
        style = Style(name=f"Row{height_mm:g}".replace(".", "_"), family="table-row")
        style.addElement(TableRowProperties(minrowheight=f"{height_mm:g}mm", keeptogether="always"))
        styles["odt"].automaticstyles.addElement(style)
        styles[key] = style
    return styles[key]


def _table(doc: Document, table, styles: dict, controls: _Controls | None) -> Table:
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
        element.addElement(_row(doc, row, styles, controls))
    return element


def _row(doc: Document, row: Row, styles: dict, controls: _Controls | None) -> TableRow:
    label = TableCell(stylename=styles["td"], valuetype="string")
    label.addElement(P(stylename=styles["cell"], text=f"{row.label} {row.marker}"))
    label.addElement(P(stylename=styles["small"], text=row.help))
    entry = TableCell(stylename=styles["td"], valuetype="string")
    for paragraph in _entry(doc, row, styles, controls):
        entry.addElement(paragraph)
    # Room to write by hand: the row is at least as high as the PDF's box, plus the cell's padding.
    height = 47 if row.type == "photo" else row.height + 3
    element = TableRow(stylename=_row_style(styles, height))
    element.addElement(label)
    element.addElement(entry)
    return element


def _entry(doc: Document, row: Row, styles: dict, controls: _Controls | None) -> list[P]:
    """What the entry cell holds: the example; form controls for choices and check boxes; a drawn
    photo box; the prompt of a signature or seal box; else an empty paragraph to type in."""
    if doc.variant == "example" and row.type != "photo":
        return [P(stylename=styles["cell"], text=row.value)]
    paragraph = P(stylename=styles["cell"])
    if row.type == "photo":
        box = Rect(anchortype="as-char", width=PHOTO[0], height=PHOTO[1], stylename=styles["box"])
        box.addElement(P(stylename=styles["small"], text=row.value or doc.hand_prompts["photo"]))
        paragraph.addElement(box)
    elif row.type in HAND_TYPES:
        paragraph.addText(doc.hand_prompts[row.type])
    elif row.type == "checkbox" and controls:
        paragraph.addElement(controls.checkbox(row))
    elif row.options and controls:
        for number, control in enumerate(controls.radios(row)):
            if number:
                paragraph.addText("  ")
            paragraph.addElement(control)
    return [paragraph]
