"""content_lint.tables: data tables need header cells and a caption."""

import re

from content_lint.issues import LintContext
from content_lint.tables import check
from content_lint.tree import parse
from support import FIXTURE_SITE

HEAD = "<thead><tr><th>項目</th><th>規費</th></tr></thead>"
BODY = "<tbody><tr><td>戶籍謄本</td><td>NT$15</td></tr></tbody>"

FILES = FIXTURE_SITE / "content/files"


def issues(html, lang="zh-tw"):
    return check(parse(html), LintContext(lang, files_root=FILES))


def test_table_with_headers_and_caption_is_clean():
    assert issues(f"<table><caption>常用規費</caption>{HEAD}{BODY}</table>") == []


def test_aria_label_or_labelledby_counts_as_caption():
    assert issues(f'<table aria-label="常用規費">{HEAD}{BODY}</table>') == []
    assert issues(f'<h3 id="t">規費</h3><table aria-labelledby="t">{HEAD}{BODY}</table>') == []


def test_missing_caption_is_reported_with_the_language_prefix():
    [issue] = issues(f"<table>{HEAD}{BODY}</table>")
    assert "no caption" in issue.message and "`表：常用規費`" in issue.fix
    [issue] = issues(f"<table>{HEAD}{BODY}</table>", "en")
    assert "`Table: Common fees`" in issue.fix


def test_empty_caption_is_no_caption():
    assert len(issues(f"<table><caption> </caption>{HEAD}{BODY}</table>")) == 1


def test_missing_header_cells_are_reported():
    [issue] = issues(f"<table><caption>規費</caption>{BODY}</table>")
    assert "no header cells" in issue.message


def test_both_problems_are_reported():
    assert len(issues(f"<table>{BODY}</table>")) == 2


def test_layout_table_is_skipped():
    assert issues(f'<table role="presentation">{BODY}</table>') == []


def test_needle_is_the_markdown_header_row():
    [issue] = issues(f"<table>{HEAD}{BODY}</table>")
    pattern = issue.needles[0]
    assert pattern.search("| 項目 | 規費 |") and not pattern.search("項目與規費")
    assert isinstance(pattern, re.Pattern)


# --- a header row of empty cells -----------------------------------------------------------------

EMPTY_HEAD = '<thead><tr><th scope="col"></th><th scope="col"> </th></tr></thead>'


def test_a_header_row_with_one_empty_corner_cell_is_clean():
    corner = '<thead><tr><th scope="col"></th><th scope="col">規費</th></tr></thead>'
    assert issues(f"<table><caption>常用規費</caption>{corner}{BODY}</table>") == []


def test_a_header_row_of_empty_cells_is_reported():
    [issue] = issues(f"<table><caption>常用規費</caption>{EMPTY_HEAD}{BODY}</table>")
    assert issue.rule == "table-header" and "only empty cells" in issue.message
    assert "`| 項目 | 規費 |`" in issue.fix
    assert issue.needles[0].search("表：常用規費\n\n| | |\n|---|---|\n") and not issue.needles[0].search("|---|---|")


# --- rows without a separator line ----------------------------------------------------------------

def test_a_paragraph_with_a_pipe_or_two_is_no_table():
    assert issues("<p>請選擇 A | B 其中之一。</p>") == []
    assert issues("<p>網址：a|b|c（請照抄）</p>") == []  # one line, not written as a row
    assert issues("<pre><code>| a | b |\n| c | d |</code></pre>") == []


def test_rows_without_a_separator_line_are_reported_at_the_first_row():
    [issue] = issues("<p>| 項目 | 規費 |\n| 戶籍謄本 | 15 |</p>")
    assert issue.rule == "table-separator" and "'| 項目 | 規費 |'" in issue.message
    assert "`|---|---|`" in issue.fix
    assert issue.needles[0].search("| 項目 | 規費 |") and not issue.needles[0].search("| 戶籍謄本 | 15 |")


def test_rows_without_their_outer_pipes_and_a_lone_row_are_reported():
    assert [i.rule for i in issues("<p>項目 | 規費 | 備註\n戶籍謄本 | 15 | 每張</p>")] == ["table-separator"]
    assert [i.rule for i in issues("<p>| 項目 | 規費 |</p>")] == ["table-separator"]
