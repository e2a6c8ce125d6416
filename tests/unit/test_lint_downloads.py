"""content_lint.downloads: local files exist, carry no typed size and have an ODF/PDF beside
an Office file; a document on another site states its format and size."""

import pytest

from content_lint.downloads import check, extension_of
from content_lint.issues import LintContext
from content_lint.tree import parse


@pytest.fixture
def files(tmp_path):
    for name in ("form.pdf", "plan.docx", "budget.xlsx", "budget.ods", "letter.doc", "letter.pdf"):
        (tmp_path / name).write_bytes(b"x" * 100)
    return tmp_path


def issues(html, files, lang="zh-tw"):
    return check(parse(html), LintContext(lang, files_root=files))


def local(href, text="申請書"):
    """A local download link as the renderer writes it: the build's format and size inside."""
    return f'<p><a href="{href}">{text}<span class="file-info">（PDF，1 KB）</span></a></p>'


def test_a_local_file_that_exists_is_clean(files):
    assert issues(local("/files/form.pdf"), files) == []


def test_a_local_file_that_does_not_exist(files):
    [issue] = issues('<p><a href="/files/nope.pdf">申請書</a></p>', files)
    assert issue.rule == "download-missing" and "there is no" in issue.message and "nope.pdf" in issue.message


def test_a_typed_size_on_a_local_file_is_reported(files):
    [issue] = issues(local("/files/form.pdf", "申請書（PDF，999 MB）"), files)
    assert issue.rule == "download-typed-size" and "'999 MB'" in issue.message
    assert "the build shows the file's real format and size" in issue.fix


@pytest.mark.parametrize("name", ["plan.docx"])
def test_an_office_file_without_odf_or_pdf_is_reported(files, name):
    [issue] = issues(local(f"/files/{name}"), files)
    assert issue.rule == "download-odf" and "plan.odt" in issue.fix


@pytest.mark.parametrize("name", ["budget.xlsx", "letter.doc"])
def test_an_office_file_with_odf_or_pdf_beside_it_is_clean(files, name):
    assert issues(local(f"/files/{name}"), files) == []


@pytest.mark.parametrize("html", [
    '<p><a href="https://x.gov.tw/form.pdf">申請書（PDF，120 KB）</a></p>',
    '<p><a href="https://x.gov.tw/form.pdf">申請書</a>（pdf，1.2 MB）</p>',
    '<li><a href="https://x.gov.tw/data.csv">Fees</a> (CSV, 3 kB)</li>',
    '<p><a href="https://x.gov.tw/form.ODT">Form (ODT, 850 bytes)</a></p>',
    '<p><a href="https://x.gov.tw/x.txt">說明（TXT，300 位元組）</a></p>',
])
def test_an_external_document_with_format_and_size_is_clean(files, html):
    assert issues(html, files) == []


@pytest.mark.parametrize("html, gaps", [
    ('<p><a href="https://x.gov.tw/form.pdf">申請書</a></p>', "format and size"),
    ('<p><a href="https://x.gov.tw/form.pdf">申請書（120 KB）</a></p>', "format"),
    ('<p><a href="https://x.gov.tw/form.pdf">申請書（PDF）</a></p>', "size"),
    ('<p><a href="https://x.gov.tw/x.xlsx">統計表（XLS，45 KB）</a></p>', "format"),
])
def test_an_external_document_without_format_or_size_is_reported(files, html, gaps):
    [issue] = issues(html, files)
    assert issue.rule == "download-label" and issue.message.endswith(f"does not state the file's {gaps}")


def test_fix_example_follows_the_language(files):
    assert "（PDF，120 KB）" in issues('<p><a href="https://x.tw/a.pdf">表</a></p>', files)[0].fix
    assert "(PDF, 120 KB)" in issues('<p><a href="https://x.tw/a.pdf">form</a></p>', files, "en")[0].fix


def test_pages_and_other_files_are_not_downloads(files):
    html = '<p><a href="/faq/">問答</a> <a href="/files/a.png">圖</a> <a href="mailto:x@y.tw">信</a></p>'
    assert issues(html, files) == []


def test_the_second_of_two_links_to_one_file_is_the_second_occurrence(files):
    html = local("/files/form.pdf") + local("/files/form.pdf", "申請書（2 MB）")
    [issue] = issues(html, files)
    assert issue.occurrence == 1


def test_extension_of_ignores_query_and_case():
    assert extension_of("/files/Form.PDF?v=2#page=3") == ".pdf"
    assert extension_of("https://example.gov.tw/") == ""


def test_odt_files_are_downloads_too(files):
    (files / "form.odt").write_bytes(b"x")
    assert issues(local("/files/form.odt"), files) == []
    [issue] = issues('<p><a href="https://x.gov.tw/form.odt">申請書</a></p>', files)
    assert issue.rule == "download-label"
