"""content_lint.downloads: download links state the file's format and size."""

import pytest
from bs4 import BeautifulSoup

from content_lint.downloads import check, extension_of


def issues(html, lang="zh-tw"):
    return check(BeautifulSoup(html, "lxml"), lang)


@pytest.mark.parametrize("html", [
    '<p><a href="/files/form.pdf">申請書（PDF，120 KB）</a></p>',
    '<p><a href="/files/form.pdf">申請書</a>（pdf，1.2 MB）</p>',
    '<li><a href="data.csv">Fees</a> (CSV, 3 kB)</li>',
    '<p><a href="form.ODT">Form (ODT, 850 bytes)</a></p>',
    '<p><a href="x.xlsx">統計表（XLSX，45 KB）</a></p>',
    '<p><a href="x.txt">說明（TXT，300 位元組）</a></p>',
])
def test_stated_format_and_size_is_clean(html):
    assert issues(html) == []


@pytest.mark.parametrize("html, gaps", [
    ('<p><a href="/files/form.pdf">申請書</a></p>', "format and size"),
    ('<p><a href="/files/form.pdf">申請書（120 KB）</a></p>', "format"),
    ('<p><a href="/files/form.pdf">申請書（PDF）</a></p>', "size"),
    ('<p><a href="x.xlsx">統計表（XLS，45 KB）</a></p>', "format"),
    ('<p><a href="form.docx?v=2">Form (DOCX, 12)</a></p>', "size"),
])
def test_missing_format_or_size_is_reported(html, gaps):
    [issue] = issues(html)
    assert issue.message.endswith(f"does not state the file's {gaps}.")


def test_text_outside_the_parent_does_not_count():
    html = '<p><a href="form.pdf">申請書</a></p><p>PDF，120 KB</p>'
    assert len(issues(html)) == 1


def test_pages_and_other_files_are_not_downloads():
    html = '<p><a href="/faq/">問答</a> <a href="a.png">圖</a> <a href="mailto:x@y.tw">信</a></p>'
    assert issues(html) == []


def test_fix_example_follows_the_language():
    assert "（PDF，120 KB）" in issues('<p><a href="a.pdf">表</a></p>')[0].fix
    assert "(PDF, 120 KB)" in issues('<p><a href="a.pdf">form</a></p>', "en")[0].fix


def test_extension_of_ignores_query_and_case():
    assert extension_of("/files/Form.PDF?v=2#page=3") == ".pdf"
    assert extension_of("https://example.gov.tw/") == ""
