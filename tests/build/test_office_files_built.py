"""Word and Excel files as the content guide allows them: a .docx (or .xlsx) with its ODF version
beside it is published once the personal-data guard has read it; an old binary .doc cannot be
read, so it stops the build as one line naming the file and the page (and line) that links it."""

from __future__ import annotations

import zipfile

import pytest
from odf.opendocument import OpenDocumentText
from odf.text import P

from support import build_fixture_copy, copy_fixture_site, problem_lines
from support import plant_paragraph as plant

BIRTH = "content/guides/birth.zh-tw.md"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture
def site(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    files = site / "content/files"
    document = OpenDocumentText()
    document.text.addElement(P(text="出生登記應備文件檢查表"))
    document.save(str(files / "checklist.odt"))
    return site


def write_docx(path, text: str) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document {W}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
                                              "</w:body></w:document>")


LINKS = "下載[檢查表 ODT](/files/checklist.odt)或[檢查表 Word](/files/checklist.{suffix})。"


def test_a_docx_with_its_odt_beside_it_is_published(site, tmp_path):
    write_docx(site / "content/files/checklist.docx", "出生登記應備文件檢查表")
    plant(site / BIRTH, LINKS.format(suffix="docx"))
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    assert (tmp_path / "out/files/checklist.docx").is_file()


def test_personal_data_in_a_docx_names_the_file_and_the_linking_page(site, tmp_path):
    write_docx(site / "content/files/checklist.docx", "申請人 B223456782")
    line = plant(site / BIRTH, LINKS.format(suffix="docx"))
    [problem] = problem_lines(build_fixture_copy(site, tmp_path / "out"))
    assert problem.startswith("content/files/checklist.docx: personal-data [national-id]: "), problem
    assert "B22****782" in problem and f"(linked from {BIRTH}:{line})" in problem and "B223456782" not in problem
    assert not (tmp_path / "out").exists()


def test_an_old_doc_beside_its_odt_is_one_line_naming_the_linking_page(site, tmp_path):
    (site / "content/files/checklist.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    line = plant(site / BIRTH, LINKS.format(suffix="doc"))
    [problem] = problem_lines(build_fixture_copy(site, tmp_path / "out"))
    assert problem.startswith("content/files/checklist.doc: personal-data [unreadable]: a .doc file"), problem
    assert f"(linked from {BIRTH}:{line})" in problem and "Fix: save it as .docx" in problem
