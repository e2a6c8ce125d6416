"""table_captions: a `Table: …` / `表：…` paragraph right before a table becomes its caption."""

import pytest

from support import parse
from table_captions.table_captions import add_captions

TABLE = "<table>\n<thead>\n<tr>\n<th>項目</th>\n</tr>\n</thead>\n</table>"


@pytest.mark.parametrize("paragraph, caption", [
    ("<p>表：常用戶政規費</p>", "常用戶政規費"),
    ("<p>Table: Common fees</p>", "Common fees"),
    ("<p>Table:   Fees for <em>English</em> copies </p>", "Fees for <em>English</em> copies"),
])
def test_caption_paragraph_moves_into_the_table(paragraph, caption):
    html = add_captions(f"<p>Intro.</p>\n{paragraph}\n{TABLE}")
    rest = TABLE.removeprefix("<table>")
    assert html == f"<p>Intro.</p>\n<table>\n<caption>{caption}</caption>{rest}"


@pytest.mark.parametrize("html", [
    f"<p>表：規費</p>\n<p>說明</p>\n{TABLE}",  # not directly before the table
    f"<p>規費表：如下</p>\n{TABLE}",  # the prefix is not at the start
    f"<p>表:規費</p>\n{TABLE}",  # an ASCII colon after 表
    f"<p>Table:</p>\n{TABLE}",  # nothing after the prefix
    "<p>表：規費</p>\n<p>不是表格</p>",
])
def test_other_paragraphs_are_left_alone(html):
    assert add_captions(html) == html


def test_each_table_gets_its_own_caption():
    html = add_captions(f"<p>表：甲</p>\n{TABLE}\n<p>表：乙</p>\n{TABLE}")
    assert html.count("<caption>") == 2 and "<p>" not in html
    assert html.index("甲") < html.index("乙")


def test_built_tables_have_captions_and_no_caption_paragraph(real_site):
    page = parse(real_site.output / "faq/index.html")
    [table] = page.select("main table")
    assert table.caption.get_text(strip=True) == "戶籍謄本及戶籍資料的規費"
    assert not [p for p in page.select("main p") if p.get_text().startswith("表：")]
    english = parse(real_site.output / "en/news/fee-reminder/index.html").select_one("main table")
    assert english.caption.get_text(strip=True) == "Common household registration fees"
