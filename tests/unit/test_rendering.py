"""content_model.rendering: table captions, the site's base before root-relative URLs, and the
format and size of a file added to its download link."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from content_model.rendering import Renderer, with_base
from pelicanconf import MARKDOWN


def renderer(tmp_path):
    (tmp_path / "form.pdf").write_bytes(b"%" * 2048)
    return Renderer({"MARKDOWN": MARKDOWN}, tmp_path, lambda lang, kind, size: f" [{lang} {kind} {size}]")


@pytest.mark.parametrize("prefix", ["表：", "Table:"])
def test_a_caption_line_before_a_table_becomes_its_caption(tmp_path, prefix):
    html = renderer(tmp_path).body(f"{prefix} 常用規費\n\n| 項目 | 規費 |\n|---|---|\n| 謄本 | 15 |\n", "zh-tw")
    assert re.search(r"<table[^>]*>\s*<caption>常用規費</caption>", html) and "<p>" not in html


def test_a_caption_keeps_its_inline_markup(tmp_path):
    markdown = 'Table: Fees for <span lang="zh-Hant-TW">謄本</span>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'
    html = renderer(tmp_path).body(markdown, "en")
    assert '<caption>Fees for <span lang="zh-Hant-TW">謄本</span></caption>' in html


@pytest.mark.parametrize("text", ["表：\n\n| a |\n|---|\n| 1 |\n", "表：規費\n\n文字\n\n| a |\n|---|\n| 1 |\n",
                                  "表示規費\n\n| a |\n|---|\n| 1 |\n"])
def test_no_caption_without_a_prefixed_paragraph_right_before(tmp_path, text):
    assert "<caption>" not in renderer(tmp_path).body(text, "zh-tw")


RAW_TABLE = "<table>\n<tr><th>項目</th><th>規費</th></tr>\n<tr><td>謄本</td><td>15</td></tr>\n</table>\n"


@pytest.mark.parametrize("prefix", ["表：", "Table:"])
def test_a_caption_line_before_a_table_written_in_html_becomes_its_caption(tmp_path, prefix):
    html = renderer(tmp_path).body(f"{prefix} 常用規費\n\n{RAW_TABLE}", "zh-tw")
    assert re.search(r"<table[^>]*>\s*<caption>常用規費</caption>", html) and "<p>" not in html


@pytest.mark.parametrize("text", ["表：\n\n" + RAW_TABLE, "表：常用規費\n\n另見下表。\n\n" + RAW_TABLE,
                                  "表：常用規費\n\n<table>\n<caption>自己的標題</caption>\n<tr><th>a</th></tr>\n</table>\n"])
def test_an_html_table_keeps_what_it_has_without_a_caption_line_right_before(tmp_path, text):
    html = renderer(tmp_path).body(text, "zh-tw")
    assert "<caption>常用規費</caption>" not in html and html.count("<caption>") == text.count("<caption>")


def test_root_relative_urls_are_rendered_as_written_then_get_the_site_base_once(tmp_path):
    html = renderer(tmp_path).body("[常見問答](/faq/) [外站](https://moi.gov.tw/) [本頁](#top) ![圖](/files/a.png) "
                                   "<a href='/news/'>消息</a> [協定](//cdn.example/x)", "zh-tw")
    assert 'href="/faq/"' in html and 'src="/files/a.png"' in html  # what the lint reads
    based = with_base(html, "/longjing")
    assert 'href="/longjing/faq/"' in based and 'href="https://moi.gov.tw/"' in based
    assert 'href="#top"' in based and 'src="/longjing/files/a.png"' in based
    assert "href='/longjing/news/'" in based and 'href="//cdn.example/x"' in based
    assert with_base(html, "") is html
    fields = with_base({"notes": [Markup('<a href="/faq/">x</a>'), "plain /faq/ text"]}, "/longjing")
    assert fields == {"notes": [Markup('<a href="/longjing/faq/">x</a>'), "plain /faq/ text"]}


def test_a_link_to_a_local_file_gets_its_format_and_size(tmp_path):
    html = renderer(tmp_path).body("[申請書](/files/form.pdf)", "zh-tw")
    assert '<a href="/files/form.pdf">申請書<span class="file-info"> [zh-tw PDF 2048]</span></a>' in html


def test_no_label_for_a_missing_file_or_a_page(tmp_path):
    html = renderer(tmp_path).body("[申請書](/files/nope.pdf) [問答](/faq/)", "zh-tw")
    assert "file-info" not in html


def test_inline_text_has_no_paragraph(tmp_path):
    assert renderer(tmp_path).inline("請帶[委託書](/files/form.pdf)", "zh-tw").startswith("請帶<a ")


def test_an_odt_file_is_labelled_as_odt(tmp_path):
    (tmp_path / "form.odt").write_bytes(b"x" * 10)
    html = renderer(tmp_path).body("[申請書](/files/form.odt)", "zh-tw")
    assert '<span class="file-info"> [zh-tw ODT 10]</span>' in html
