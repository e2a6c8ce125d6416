"""Supplied official files (forms/<id>/files/): each mistake is one problem naming the file and
the fix; a good supplied file replaces the generated one; a changed form alone is regenerated."""

from __future__ import annotations

import zipfile

import pytest

from forms import check_supplied
from forms_support import LANGUAGES, minimal_form

HTML = '<!DOCTYPE html><html lang="zh-Hant-TW"><head><title>官方表單</title></head><body><p>官方表單</p></body></html>'


def weasyprint_pdf(**options) -> bytes:
    from weasyprint import HTML as Html
    return Html(string=HTML).write_pdf(**options)


@pytest.fixture
def form_folder(tmp_path):
    folder = minimal_form(tmp_path / "forms")
    (folder / "files").mkdir()
    return folder


def problems(folder) -> list[str]:
    return [str(problem) for problem in check_supplied([folder], LANGUAGES)]


def test_an_untagged_pdf(form_folder):
    (form_folder / "files" / "zh-tw-blank.pdf").write_bytes(weasyprint_pdf())
    found = problems(form_folder)
    assert found and all("files/zh-tw-blank.pdf: forms [untagged-pdf]:" in p for p in found)
    assert any("no structure tree" in p for p in found)
    assert all("Fix: export it again as a tagged PDF" in p for p in found)


def test_a_tagged_pdf_passes(form_folder):
    (form_folder / "files" / "zh-tw-blank.pdf").write_bytes(weasyprint_pdf(pdf_variant="pdf/ua-1"))
    assert problems(form_folder) == []


def test_a_lone_docx(form_folder):
    (form_folder / "files" / "zh-tw-blank.docx").write_bytes(b"PK\x03\x04 not really")
    [problem] = problems(form_folder)
    assert "files/zh-tw-blank.docx: forms [word-without-odf]: a Word file has no ODF file beside it" in problem
    assert "Fix: save it as ODF text" in problem and "zh-tw-blank.odt" in problem


def test_an_odt_with_a_compressed_mimetype(form_folder):
    with zipfile.ZipFile(form_folder / "files" / "en-example.odt", "w", zipfile.ZIP_DEFLATED) as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", "<office:document-content/>")
    [problem] = problems(form_folder)
    assert "files/en-example.odt: forms [invalid-odt]: the `mimetype` entry is compressed" in problem


def test_an_odt_whose_content_does_not_parse(form_folder):
    with zipfile.ZipFile(form_folder / "files" / "en-example.odt", "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", "<office:document-content>", zipfile.ZIP_DEFLATED)
    [problem] = problems(form_folder)
    assert "forms [invalid-odt]: its content.xml is not well-formed XML" in problem


def test_a_badly_named_file(form_folder):
    (form_folder / "files" / "official.pdf").write_bytes(weasyprint_pdf(pdf_variant="pdf/ua-1"))
    [problem] = problems(form_folder)
    assert "files/official.pdf: forms [supplied-name]:" in problem and "e.g. zh-tw-blank.pdf" in problem


