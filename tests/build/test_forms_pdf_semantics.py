"""What assistive technology and a person with a pen get from each generated PDF: one radio
field per choice (option widgets as kids, keyed, labelled, stored on the field when clicked in
PDFium), the Required flag and "required" in /TU, every piece of content tagged or an Artifact,
header cells that resolve, tab order by structure; boxes at least 9 mm a line and clear of the
table rules, no text under 9 pt, section titles on the page of their first row, a photo box on
the ID card form, no almost empty last page."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest
from forms_viewers import text_fields
from PIL import Image

from forms.schema import HAND_TYPES, MIN_LINE_MM
from support import ROOT  # noqa: F401  (conftest's fixtures need the path set up)

MM = 72 / 25.4
REQUIRED_WORDS = {"zh-tw": "（必填）", "en": "(required)"}
RADIO = 1 << 15


def pdfs(built, variant=None):
    return [e for e in built[1].files if e.format == "pdf" and variant in (None, e.variant)]


def definition_fields(forms, form_id):
    form = next(form for form in forms if form.id == form_id)
    return {f"{form.definition.sections[loc[1]].id}.{f.id}": f for loc, f in form.fields()}


def test_each_choice_is_one_radio_field_with_labelled_keyed_kids(forms, built):
    checked = 0
    for entry in pdfs(built, "blank"):
        expected = definition_fields(forms, entry.form_id)
        with pikepdf.open(built[0] / "out" / entry.path) as pdf:
            top = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
            listed = {f.objgen for f in pdf.Root.AcroForm.Fields}
            assert len(listed) == len(pdf.Root.AcroForm.Fields), f"{entry.path}: a field is listed twice"
            for name, form_field in expected.items():
                if form_field.type != "choice":
                    continue
                field = top[name]
                assert int(field.Ff) & RADIO and pikepdf.Name.Btn == field.FT, (entry.path, name)
                kids = list(field.Kids)
                assert len(kids) == len(form_field.choices), (entry.path, name)
                assert [str(label) for label in field.Opt] == [c.label[entry.lang] for c in form_field.choices]
                for kid, choice in zip(kids, form_field.choices, strict=True):
                    assert "/T" not in kid and kid.objgen not in listed, (entry.path, name, choice.key)
                    assert [str(k) for k in kid.AP.N if k != "/Off"] == [f"/{choice.key}"]
                    assert choice.label[entry.lang] in str(kid.TU) and form_field.label[entry.lang] in str(kid.TU)
                checked += 1
    assert checked >= 10


def test_required_fields_are_flagged_and_say_so(forms, built):
    for entry in pdfs(built, "blank"):
        expected = definition_fields(forms, entry.form_id)
        with pikepdf.open(built[0] / "out" / entry.path) as pdf:
            fields = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
        assert set(fields) == {n for n, f in expected.items() if f.type not in HAND_TYPES}, entry.path
        for name, field in fields.items():
            required = expected[name].required
            assert bool(int(field.get("/Ff", 0)) & 2) == required, (entry.path, name)
            assert (REQUIRED_WORDS[entry.lang] in str(field.TU)) == required, (entry.path, name, str(field.TU))
            assert str(field.TU).startswith(expected[name].label[entry.lang]), (entry.path, name)


def test_a_click_in_pdfium_stores_the_choice_on_the_field(built, tmp_path):
    """Click the last option of every radio group in PDFium, save, read /V back with pikepdf."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    for entry in pdfs(built, "blank"):
        source = built[0] / "out" / entry.path
        with pikepdf.open(source) as pdf:
            pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
            groups = [(str(f.T), pages[f.Kids[-1].P.objgen], [float(v) for v in f.Kids[-1].Rect],
                       next(str(k) for k in f.Kids[-1].AP.N if k != "/Off"))
                      for f in pdf.Root.AcroForm.Fields if "/Kids" in f and int(f.get("/Ff", 0)) & RADIO]
        if not groups:
            continue
        document = pdfium.PdfDocument(str(source))
        document.init_forms()
        for _name, page_number, (x0, y0, x1, y1), _key in groups:
            page = document[page_number]
            raw.FORM_OnAfterLoadPage(page, document.formenv)
            x, y = (x0 + x1) / 2, (y0 + y1) / 2
            raw.FORM_OnMouseMove(document.formenv, page, 0, x, y)
            raw.FORM_OnLButtonDown(document.formenv, page, 0, x, y)
            raw.FORM_OnLButtonUp(document.formenv, page, 0, x, y)
        raw.FORM_ForceToKillFocus(document.formenv)
        saved = tmp_path / "clicked.pdf"
        document.save(saved)
        document.close()
        with pikepdf.open(saved) as pdf:
            fields = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
            for name, _page, _rect, key in groups:
                field = fields[name]
                value = str(field.get("/V", "/Off"))
                last = len(field.Kids) - 1
                # PDFium names the choice by its position when /Opt is present (ISO 32000 12.7.4.2.4)
                assert value in (key, f"/{last}"), (entry.path, name, value)
                assert [str(k.get("/AS")) for k in field.Kids][-1] != "/Off", (entry.path, name)
                assert all("/V" not in kid and "/T" not in kid for kid in field.Kids), (entry.path, name)


def _reachable(root) -> set:
    found, todo = set(), [root.get("/K")]
    while todo:
        node = todo.pop()
        if isinstance(node, pikepdf.Array):
            todo.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") not in (pikepdf.Name.OBJR, pikepdf.Name.MCR):
            if node.is_indirect and node.objgen not in found:
                found.add(node.objgen)
                todo.append(node.get("/K"))
            elif not node.is_indirect:
                todo.append(node.get("/K"))
    return found


def test_all_content_is_tagged_or_an_artifact_and_headers_resolve(built):
    for entry in pdfs(built):
        with pikepdf.open(built[0] / "out" / entry.path) as pdf:
            root = pdf.Root.StructTreeRoot
            reachable = _reachable(root)
            nums = root.ParentTree.Nums
            parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
            ids = {bytes(k) for k in list(root.IDTree.Names)[::2]} if "/IDTree" in root else set()
            footer_artifacts = 0
            for number, page in enumerate(pdf.pages):
                assert page.obj.get("/Tabs") == pikepdf.Name.S, (entry.path, number)
                mcids = parents[int(page.obj.get("/StructParents", number))]
                for operands, operator in pikepdf.parse_content_stream(page):
                    if str(operator) != "BDC":
                        continue
                    if operands[0] == pikepdf.Name.Artifact:
                        footer_artifacts += isinstance(operands[1], pikepdf.Dictionary) and \
                            operands[1].get("/Subtype") == pikepdf.Name.Footer
                        continue
                    element = mcids[int(operands[1].MCID)]
                    assert element.objgen in reachable, f"{entry.path} p{number + 1}: MCID {operands[1].MCID} untagged"
            assert footer_artifacts >= 2 * len(pdf.pages), entry.path
            todo = [root.K]
            while todo:
                node = todo.pop()
                if isinstance(node, pikepdf.Array):
                    todo.extend(node)
                elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                    attributes = node.get("/A")
                    if node.S == pikepdf.Name.TH:
                        assert attributes.get("/Scope") in (pikepdf.Name.Row, pikepdf.Name.Column), entry.path
                    if isinstance(attributes, pikepdf.Dictionary) and "/Headers" in attributes:
                        assert {bytes(h) for h in attributes.Headers} <= ids, entry.path
                    todo.append(node.get("/K"))


def test_boxes_are_tall_enough_to_write_in(forms, built):
    for entry in pdfs(built, "blank"):
        expected = definition_fields(forms, entry.form_id)
        for field in text_fields(built[0] / "out" / entry.path):
            height_mm = (field.rect[3] - field.rect[1]) / MM
            lines = expected[field.name].lines
            assert height_mm >= MIN_LINE_MM * lines - 0.05, f"{entry.path}: {field.name} is {height_mm:.1f} mm high"


def _page_image(path, page, dpi=72, hide_annotations=False):
    args = ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page + 1), "-l", str(page + 1)]
    if hide_annotations:
        args.append("-hide-annotations")
    return Image.open(io.BytesIO(subprocess.run([*args, str(path)], capture_output=True, check=True).stdout))


def test_no_box_touches_a_table_rule(built):
    """Around every text box, between 1.5 pt and 1.2 mm outside it, the page is blank."""
    dpi = 144
    scale = dpi / 72
    for entry in pdfs(built, "blank"):
        path = built[0] / "out" / entry.path
        pages = {}
        for field in text_fields(path):
            if field.page not in pages:
                pages[field.page] = _page_image(path, field.page, dpi, hide_annotations=True)
            image = pages[field.page]
            height = image.height / scale
            x0, y0, x1, y1 = field.rect
            gap = 1.2 * MM
            outer = [round(v * scale) for v in (x0 - gap, height - y1 - gap, x1 + gap, height - y0 + gap)]
            inner = [round(v * scale) for v in (x0 - 1.5, height - y1 - 1.5, x1 + 1.5, height - y0 + 1.5)]
            ring = image.crop(outer)
            ring.paste(255, (inner[0] - outer[0], inner[1] - outer[1], inner[2] - outer[0], inner[3] - outer[1]))
            darkest = ring.getextrema()[0]
            assert darkest > 160, f"{entry.path}: {field.name} touches a line (darkest {darkest})"


def test_no_text_is_smaller_than_9_pt(built):
    import pypdfium2 as pdfium

    for entry in pdfs(built):
        document = pdfium.PdfDocument(str(built[0] / "out" / entry.path))
        try:
            for number in range(len(document)):
                text = document[number].get_textpage()
                sizes = {round(pdfium.raw.FPDFText_GetFontSize(text, i), 1) for i in range(text.count_chars())
                         if not text.get_text_range(i, 1).isspace()}
                assert min(sizes) >= 9, (entry.path, number + 1, sorted(sizes)[:3])
        finally:
            document.close()


def _pages_text(path) -> list[list[str]]:
    pages = []
    count = int(next(line.split()[1] for line in subprocess.run(["pdfinfo", str(path)], capture_output=True,
                     text=True, check=True).stdout.splitlines() if line.startswith("Pages:")))
    for number in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        pages.append(["".join(line.split()) for line in text.splitlines()])
    return pages


def test_a_section_title_is_on_the_page_of_its_first_row(forms, built):
    for entry in pdfs(built):
        form = next(f for f in forms if f.id == entry.form_id)
        pages = _pages_text(built[0] / "out" / entry.path)
        for section in form.definition.sections:
            title = "".join(section.title[entry.lang].split())
            first = "".join(section.fields[0].label[entry.lang].split())
            title_pages = [n for n, lines in enumerate(pages) if title in lines]
            label_pages = [n for n, lines in enumerate(pages) if any(line.startswith(first[:8]) for line in lines)]
            assert title_pages, (entry.path, section.id)
            assert title_pages[0] in label_pages, \
                f"{entry.path}: section {section.id} title alone on p{title_pages[0] + 1}"


def test_no_last_page_is_almost_empty(built):
    """The last page holds at least a quarter page of content (above the footer)."""
    for entry in pdfs(built):
        path = built[0] / "out" / entry.path
        if entry.pages == 1:
            continue
        image = _page_image(path, entry.pages - 1, 36)
        mm = image.height / 297
        top, bottom = round(14 * mm), round((297 - 16) * mm)
        lowest = max((y for y in range(top, bottom) if image.crop((0, y, image.width, y + 1)).getextrema()[0] < 200),
                     default=top)
        assert (lowest - top) / (bottom - top) >= 0.25, f"{entry.path}: last page {(lowest - top) / (bottom - top):.0%}"


def test_the_id_card_form_has_a_photo_box_with_the_rules_beside_it(built):
    for entry in pdfs(built):
        if entry.form_id != "id-card-application":
            continue
        text = "".join(subprocess.run(["pdftotext", str(built[0] / "out" / entry.path), "-"], capture_output=True,
                                      text=True, check=True).stdout.split())
        words = {"zh-tw": ("相片黏貼處", "4.5公分乘3.5公分"), "en": ("Pastethephotohere.", "4.5cm×3.5cm")}[entry.lang]
        assert all(word in text for word in words), entry.path


@pytest.mark.parametrize("form_id,words", [
    ("letter-of-authorisation", {"zh-tw": "如有不實，願負法律責任", "en": "I accept legal responsibility"}),
])
def test_the_declaration_is_printed(built, form_id, words):
    for entry in pdfs(built):
        if entry.form_id == form_id:
            text = "".join("".join(lines) for lines in _pages_text(built[0] / "out" / entry.path))
            assert "".join(words[entry.lang].split()) in text, entry.path


def test_application_forms_have_the_office_area(forms, built):
    marked = {"zh-tw": "以下由戶政事務所填寫，申請人請勿填寫。", "en": "Forofficeuseonly:pleasedonotfillin."}
    with_area = [form.id for form in forms if form.definition.office_use]
    assert len(with_area) >= 5
    for entry in pdfs(built):
        if entry.form_id in with_area:
            text = "".join("".join(lines) for lines in _pages_text(built[0] / "out" / entry.path))
            assert marked[entry.lang] in text, entry.path
