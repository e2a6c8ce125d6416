"""Attachments: personal data planted in an ODT (made with odfpy) and a PDF (made with WeasyPrint,
as the forms engine makes them) is caught, masked; what cannot be read fails."""

from pathlib import Path

import pypdf
import pytest
from odf import dc
from odf.opendocument import OpenDocumentText
from odf.style import Header, MasterPage, PageLayout
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import A, H, LineBreak, P, S, Span

from personal_data import AllowList, find, scan_file
from personal_data.extract import odf_sections, pdf_sections

SECRETS = ("B223456782", "F912345678", "0912345678", "0912-345-678", "chen.mei@mail.tw", "HD12345678",
           "FC12345674", "0987654321", "lin@mail.tw")


def make_odt(path: Path) -> Path:
    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text="申請書範例 FC12345674"))
    layout = PageLayout(name="page")
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(P(text="承辦人 chen.mei@mail.tw"))
    master.addElement(header)
    doc.masterstyles.addElement(master)
    doc.text.addElement(H(outlinelevel=1, text="戶籍謄本申請書（範例）"))
    split = P(text="申請人身分證統一編號：B2234")  # the number is split over a span
    split.addElement(Span(text="56782"))
    doc.text.addElement(split)
    spaced = P(text="手機：0912")
    spaced.addElement(S(c=1))
    spaced.addElement(Span(text="345 678"))
    spaced.addElement(LineBreak())
    spaced.addElement(Span(text="範例身分證 A123456789；錯誤檢查碼 A123456788"))
    doc.text.addElement(spaced)
    table = Table(name="applicant")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in ("統一證號", "F912345678"):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    doc.text.addElement(table)
    link = P()
    link.addElement(A(href="mailto:lin@mail.tw", text="寫信給承辦人"))
    doc.text.addElement(link)
    doc.save(str(path))
    return path


PDF_HTML = """<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>範例</title>
<style>html {{ font-family: "Noto Sans CJK TC"; }} @page {{ size: A5; }}</style></head><body>
<h1>戶籍謄本申請書（範例）</h1>
<p>申請人身分證統一編號：B223456782，手機：0912-345-678。範例 A123456789，錯誤 A123456788。</p>
<table><caption>申請人</caption><tr><th scope="row">統一證號</th><td>HD12345678</td></tr>
<tr><th scope="row">電子郵件</th><td>chen.mei@mail.tw</td></tr></table>
<p style="page-break-before: always">第二頁：受託人手機 0987-<br>654-321（換行）。{extra}</p>
</body></html>"""


def make_pdf(path: Path, extra: str = "") -> Path:
    from weasyprint import HTML  # slow to import: only the tests that make a PDF pay for it

    HTML(string=PDF_HTML.format(extra=extra)).write_pdf(path, pdf_variant="pdf/ua-1")
    return path


@pytest.fixture(scope="module")
def odt(tmp_path_factory) -> Path:
    return make_odt(tmp_path_factory.mktemp("odt") / "example.odt")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "example.pdf")


def allow_sample() -> AllowList:
    sample = find("A123456789")[0]
    from personal_data import Allowance
    return AllowList((), (Allowance(sample.kind, sample.masked, "sample", None, sample.key),))


def test_odt_text_comes_from_content_styles_and_meta(odt):
    sections = {section.where: section.text for section in odf_sections(odt)}
    assert "申請人身分證統一編號：B223456782" in sections["the document body"].splitlines()
    assert "手機：0912 345 678" in sections["the document body"].splitlines()
    assert "mailto:lin@mail.tw" in sections["the document body"]
    assert "chen.mei@mail.tw" in sections["the headers, footers and styles"]
    assert "FC12345674" in sections["the document properties"]


def test_every_planted_value_in_the_odt_is_caught_once_and_masked(odt):
    problems = scan_file(odt, allow_sample())
    assert sorted(p.rule for p in problems) == sorted(
        ["national-id", "mobile", "resident-id", "email", "email", "resident-id"])
    by_value = {p.message.split(": ")[-1].split(" (")[0]: p for p in problems}
    assert set(by_value) == {"B22****782", "091****678", "F91****678", "l****@mail.tw", "c****@mail.tw",
                             "FC1****674"}
    assert "the headers, footers and styles, text line 1:" in by_value["c****@mail.tw"].message
    assert all(p.line is None and p.path.endswith("example.odt") for p in problems)
    output = "\n".join(map(str, problems))
    assert not any(secret in output for secret in SECRETS)


def test_every_planted_value_in_the_pdf_is_caught_and_masked(pdf):
    problems = scan_file(pdf, allow_sample())
    found = sorted((p.rule, p.message.split(",")[0], p.message.split(": ")[-1].split(" (")[0]) for p in problems)
    assert found == [("email", "page 1", "c****@mail.tw"), ("mobile", "page 1", "091****678"),
                     ("mobile", "page 2", "098****321"), ("national-id", "page 1", "B22****782"),
                     ("resident-id", "page 1", "HD1****678")]
    output = "\n".join(map(str, problems))
    assert not any(secret in output for secret in SECRETS)


def test_a_number_wrapped_over_two_lines_in_a_pdf_is_caught_on_its_first_line(pdf):
    page_two = pdf_sections(pdf)[1].text
    assert "0987-\n654-321" in page_two and find(page_two) == []  # the plain scan alone misses it
    [problem] = [p for p in scan_file(pdf, AllowList()) if p.rule == "mobile" and "page 2" in p.message]
    assert "page 2, text line 1:" in problem.message


def test_an_allow_listed_value_in_an_attachment_passes(pdf, odt):
    for path in (pdf, odt):
        assert not any("A12****789" in p.message for p in scan_file(path, allow_sample()))
        assert any("A12****789" in p.message for p in scan_file(path, AllowList()))


def test_wrong_check_digits_in_attachments_are_not_caught(pdf, odt):
    for path, sections in ((pdf, pdf_sections), (odt, odf_sections)):
        assert "A123456788" in "".join(section.text for section in sections(path))  # it is there to read
        found = scan_file(path, AllowList())
        assert any("A12****789" in str(p) for p in found)  # its neighbour with a right check digit is caught
        assert not any("A12****788" in str(p) for p in found)


@pytest.mark.parametrize("name, data, message", [
    ("broken.pdf", b"%PDF-1.7\nthis is not a PDF", "cannot be read as a PDF"),
    ("broken.odt", b"PK\x03\x04 not a zip", "cannot be opened as an OpenDocument"),
    ("notes.docx", b"PK\x03\x04", "cannot be opened as an Office (zip) file"),
    ("notes.doc", b"\xd0\xcf\x11\xe0", "a .doc file (the Office format of before 2007) cannot be checked"),
    ("table.xls", b"\xd0\xcf\x11\xe0", "a .xls file (the Office format of before 2007) cannot be checked"),
])
def test_an_attachment_that_cannot_be_read_fails(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    [problem] = scan_file(path, AllowList())
    assert problem.rule == "unreadable" and message in problem.message


def test_an_odf_zip_without_content_fails(tmp_path):
    import zipfile

    path = tmp_path / "empty.odt"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    [problem] = scan_file(path, AllowList())
    assert "no content.xml" in problem.message


def test_a_pdf_without_text_or_encrypted_fails(tmp_path):
    blank = pypdf.PdfWriter()
    blank.add_blank_page(width=200, height=200)
    blank.write(tmp_path / "scan.pdf")
    [problem] = scan_file(tmp_path / "scan.pdf", AllowList())
    assert "no text layer" in problem.message
    locked = pypdf.PdfWriter(clone_from=make_pdf(tmp_path / "plain.pdf"))
    locked.encrypt("secret", algorithm="RC4-128")
    locked.write(tmp_path / "locked.pdf")
    [problem] = scan_file(tmp_path / "locked.pdf", AllowList())
    assert "encrypted" in problem.message


# --- Office Open XML (.docx, .xlsx), written as Word and Excel write them -------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="hyperlink" Target="mailto:lin@mail.tw" TargetMode="External"/>'
        '</Relationships>')


def make_ooxml(path: Path, parts: dict[str, str]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        for name, text in parts.items():
            package.writestr(name, text)
    return path


def make_docx(path: Path) -> Path:
    body = (f'<w:document {W}><w:body><w:p><w:r><w:t>申請人身分證統一編號：B2234</w:t></w:r>'
            '<w:r><w:t>56782</w:t></w:r></w:p><w:p><w:r><w:t>範例 A123456789</w:t></w:r></w:p></w:body></w:document>')
    return make_ooxml(path, {
        "word/document.xml": body,
        "word/header1.xml": f"<w:hdr {W}><w:p><w:r><w:t>承辦人 chen.mei@mail.tw</w:t></w:r></w:p></w:hdr>",
        "docProps/core.xml": '<cp:coreProperties xmlns:cp="urn:cp"><dc:title xmlns:dc="urn:dc">FC12345674</dc:title>'
                             '</cp:coreProperties>',
        "word/_rels/document.xml.rels": RELS,
    })


def test_personal_data_in_a_docx_is_found_in_its_body_header_properties_and_links(tmp_path):
    found = " ".join(str(p) for p in scan_file(make_docx(tmp_path / "notes.docx"), allow_sample()))
    for masked in ("body (word/document.xml), text line 1: a Taiwan national ID number (國民身分證統一編號): "
                   "B22****782",
                   "properties (docProps/core.xml), text line 1: a resident certificate / UI number (統一證號): "
                   "FC1****674",
                   "headers (word/header1.xml), text line 1: an e-mail address outside the office's own domain: c****@",
                   "the link targets, text line 1: an e-mail address outside the office's own domain: l****@"):
        assert masked in found, found
    assert "B223456782" not in found and "the document body (word/document.xml)" in found
    assert "A12****789" not in found  # allow-listed, as in any other file


def test_personal_data_in_an_xlsx_cell_is_found(tmp_path):
    sheet = ('<worksheet xmlns="urn:x"><sheetData><row><c t="s"><v>0</v></c><c><v>912345678</v></c></row>'
             '<row><c t="inlineStr"><is><t>0987654321</t></is></c></row></sheetData></worksheet>')
    strings = '<sst xmlns="urn:x"><si><t>F912345678</t></si></sst>'
    path = make_ooxml(tmp_path / "list.xlsx", {"xl/sharedStrings.xml": strings, "xl/worksheets/sheet1.xml": sheet})
    found = " ".join(str(p) for p in scan_file(path, AllowList()))
    assert "[resident-id]: the cells' text (xl/sharedStrings.xml), text line 1:" in found, found
    assert "[mobile]: the sheets (xl/worksheets/sheet1.xml)" in found, found


def test_a_clean_docx_passes(tmp_path):
    path = make_ooxml(tmp_path / "clean.docx", {"word/document.xml": f"<w:document {W}><w:body><w:p><w:r>"
                                                 "<w:t>戶籍謄本申請書</w:t></w:r></w:p></w:body></w:document>"})
    assert scan_file(path, AllowList()) == []
