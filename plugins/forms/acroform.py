"""Finish WeasyPrint's PDF so that its form reads right and shows what people type (pikepdf).

- Typed text: every text field draws with a standard, non-embedded CJK font, `MHei-Medium`,
  Adobe-CNS1 CIDs with the `Identity-H` encoding, declared in `/AcroForm /DR`: each viewer maps a
  typed character to its CID with its own CNS1 table and draws it with an installed Traditional
  Chinese face, so any Big5 character shows. (A Unicode CMap such as UniCNS-UCS2-H breaks in
  poppler, which writes CIDs whatever the CMap; the document's embedded subset holds only the
  characters it prints. docs/forms.md weighs the options with measured sizes.)
- Radio groups: ONE field (`/T`, `/FT /Btn`, radio flags, `/V`) whose option widgets are its
  `/Kids` with no `/T` of their own and not listed again in `/Fields`; each widget's on-state is
  the option's stable key, its `/TU` "question: option"; `/Opt` holds the labels in the
  document's language.
- Required: the Required flag and "(required)" in `/TU` on every required field.
- Tags: the page footer (WeasyPrint's margin boxes, tagged but outside the structure tree) becomes
  an `/Artifact`; table header cells get `/Scope` and an `/IDTree`, so `/Headers` resolve; every
  page's tab order is the structure order (`/Tabs /S`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .layout import Document, Row

FONT_KEY = "/MHei"
FONT_SIZE = 11  # pt: typed text; two lines of it fit a 10 mm box
REQUIRED = 1 << 1
RADIO_FLAGS = (1 << 15) | (1 << 14)  # Radio, NoToggleToOff
# The advance widths of CIDs 1–95 (printable ASCII in Adobe-CNS1), in 1/1000 em, as in Noto Sans
# CJK TC (fonts.ascii_widths): Latin typed into a field is spaced as the face viewers substitute.
FOOTER_ARTIFACT = Dictionary(Type=Name.Pagination, Subtype=Name.Footer)


def finish(data: bytes, doc: Document, ascii_widths: list[int]) -> bytes:
    """The PDF bytes with the fixes above applied; the same input gives the same bytes."""
    rows = {row.name: row for table in doc.tables for row in table.rows}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _footer_as_artifact(pdf)
        _table_headers(pdf)
        for page in pdf.pages:
            page.obj.Tabs = Name.S
        form = pdf.Root.get("/AcroForm")
        if form is not None:
            # Its own /DR: WeasyPrint shares one font dictionary with the pages' resources.
            form.DR = Dictionary(Font=Dictionary({FONT_KEY: _field_font(pdf, ascii_widths)}))
            form.DA = String(f"{FONT_KEY} {FONT_SIZE} Tf 0 g")
            # Viewers draw a field when it is typed in; NeedAppearances would make some redraw every
            # field on opening and ask to save on closing (PDF 2.0 deprecates it).
            _remove(form, "/NeedAppearances")
            _fix_fields(pdf, form, rows, doc)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def _field_font(pdf: pikepdf.Pdf, ascii_widths: list[int]) -> pikepdf.Object:
    descriptor = pdf.make_indirect(Dictionary(
        Type=Name.FontDescriptor, FontName=Name("/MHei-Medium"), Flags=4,
        FontBBox=Array([-45, -250, 1015, 887]), ItalicAngle=0, Ascent=880, Descent=-120, CapHeight=880,
        StemV=93))
    cid_font = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType0, BaseFont=Name("/MHei-Medium"),
        CIDSystemInfo=Dictionary(Registry=String("Adobe"), Ordering=String("CNS1"), Supplement=7),
        FontDescriptor=descriptor, DW=1000, W=Array([1, Array(ascii_widths)])))
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/MHei-Medium"), Encoding=Name("/Identity-H"),
        DescendantFonts=Array([cid_font])))


def accessible_name(row: Row, doc: Document, option: str | None = None) -> str:
    """What a screen reader says for a field (or one option of it): label, option, required."""
    name = row.label if option is None else doc.labelled.format(label=row.label, text=option)
    if not row.required:
        return name
    # "（必填）" follows Chinese text directly; "(required)" takes a space.
    return f"{name}{'' if doc.required_text.startswith('（') else ' '}{doc.required_text}"


def _fix_fields(pdf: pikepdf.Pdf, form: Dictionary, rows: dict[str, Row], doc: Document) -> None:
    fields, seen = Array(), set()
    for field in form.Fields:
        parent = field.get("/Parent")
        top = parent if parent is not None else field
        if top.objgen in seen:
            continue
        seen.add(top.objgen)
        row = rows[str(top.T)]
        if top.get("/Kids") is not None and row.options:
            _radio(top, row, doc)
        else:
            if top.get("/FT") == Name.Tx:
                # A fixed size: pdf.js's automatic size (0 Tf) fits the box's height and cuts a
                # long value off; an address box is several-line (it wraps) instead.
                top.DA = String(f"{FONT_KEY} {FONT_SIZE} Tf 0 g")
                _remove(top, "/AP")
            top.TU = String(accessible_name(row, doc))
        if row.required:
            top.Ff = int(top.get("/Ff", 0)) | REQUIRED
        fields.append(top)
    form.Fields = fields


def _radio(field: Dictionary, row: Row, doc: Document) -> None:
    """One radio field; its kids are its option widgets, in the order of the options."""
    field.FT = Name.Btn
    field.Ff = int(field.get("/Ff", 0)) | RADIO_FLAGS
    field.TU = String(accessible_name(row, doc))
    field.V = Name.Off
    field.Opt = Array([String(option.label) for option in row.options])
    for kid, option in zip(field.Kids, row.options, strict=True):
        for key in ("/T", "/FT", "/Ff", "/V", "/Opt"):
            _remove(kid, key)
        kid.Parent = field
        kid.TU = String(accessible_name(row, doc, option.label))
        normal = kid.AP.N
        [(_, stream)] = [(key, value) for key, value in normal.items() if key != "/Off"]
        states = Dictionary({f"/{option.key}": stream})
        if "/Off" in normal:
            states["/Off"] = normal["/Off"]
        kid.AP.N = states
        if "/D" in kid.AP:
            down = kid.AP.D
            on = [value for key, value in down.items() if key != "/Off"]
            kid.AP.D = Dictionary({f"/{option.key}": on[0], **({"/Off": down["/Off"]} if "/Off" in down else {})}) \
                if on else down
        kid.AS = Name.Off


def _remove(dictionary: Dictionary, key: str) -> None:
    if key in dictionary:
        del dictionary[key]


def _reachable(root: Dictionary) -> set[tuple[int, int]]:
    """The object ids of every structure element under the structure tree's root."""
    found, todo = set(), [root.get("/K")]
    while todo:
        node = todo.pop()
        if isinstance(node, Array):
            todo.extend(node)
        elif isinstance(node, Dictionary) and node.get("/Type") != Name.OBJR and node.get("/Type") != Name.MCR:
            if node.is_indirect:
                if node.objgen in found:
                    continue
                found.add(node.objgen)
            todo.append(node.get("/K"))
    return found


def _parent_tree_pairs(tree: Dictionary) -> Iterator[tuple[int, pikepdf.Object]]:
    nums = tree.get("/Nums")
    if nums is not None:
        for index in range(0, len(nums), 2):
            yield int(nums[index]), nums[index + 1]
    for kid in tree.get("/Kids", []):
        yield from _parent_tree_pairs(kid)


def _footer_as_artifact(pdf: pikepdf.Pdf) -> None:
    """Marked content whose structure element is not in the tree (the margin boxes) → Artifact."""
    root = pdf.Root.StructTreeRoot
    reachable = _reachable(root)
    parents = dict(_parent_tree_pairs(root.ParentTree))
    for number, page in enumerate(pdf.pages):
        mcids = parents.get(page.obj.get("/StructParents", number))
        if not isinstance(mcids, Array):
            continue
        orphans = {mcid for mcid, element in enumerate(mcids)
                   if isinstance(element, Dictionary) and element.is_indirect and element.objgen not in reachable}
        if not orphans:
            continue
        instructions = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if operator == pikepdf.Operator("BDC") and isinstance(operands[1], Dictionary) \
                    and int(operands[1].get("/MCID", -1)) in orphans:
                operands = [Name.Artifact, FOOTER_ARTIFACT]
            instructions.append((operands, operator))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
        for mcid in orphans:
            mcids[mcid] = pikepdf.Object.parse(b"null")


def _table_headers(pdf: pikepdf.Pdf) -> None:
    """/Scope on every TH (Column in the header row, Row in the body) and an /IDTree of every /ID."""
    root = pdf.Root.StructTreeRoot
    ids, todo, seen = {}, [(root.get("/K"), None)], set()
    while todo:
        node, parent = todo.pop()
        if isinstance(node, Array):
            todo.extend((child, parent) for child in node)
            continue
        if not isinstance(node, Dictionary) or node.get("/Type") in (Name.OBJR, Name.MCR):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if "/ID" in node:
            ids[bytes(node.ID)] = node
        if node.get("/S") == Name.TH:
            scope = Name.Column if parent == "/THead" else Name.Row
            attributes = node.get("/A")
            if isinstance(attributes, Dictionary):
                attributes.Scope = scope
            else:
                node.A = Dictionary(O=Name.Table, Scope=scope)
        section = str(node.get("/S")) if node.get("/S") in (Name.THead, Name.TBody, Name.TFoot) else parent
        todo.append((node.get("/K"), section))
    if ids:
        names = Array()
        for key in sorted(ids):
            names.extend([String(key), ids[key]])
        root.IDTree = pdf.make_indirect(Dictionary(Names=names))
