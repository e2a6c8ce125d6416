"""content_lint.link_text: vague link text and empty links."""

import pytest

from content_lint.issues import LintContext
from content_lint.link_text import check
from content_lint.tree import parse
from support import FIXTURE_SITE

FILES = FIXTURE_SITE / "content/files"


def issues(html):
    return check(parse(html), LintContext("zh-tw", files_root=FILES))


@pytest.mark.parametrize("text", ["點此", "點這裡", "按此", "這裡", "更多", "Click here", "HERE",
                                  "more", "Read more", "更多…", "read more »", "here.", "點此。"])
def test_vague_text_is_reported(text):
    [issue] = issues(f'<p>申請書請<a href="/forms/">{text}</a>。</p>')
    assert "does not say where the link goes" in issue.message
    assert issue.needles[0] == f"[{text}](" and issue.rule == "link-vague"


@pytest.mark.parametrize("text", ["常見問答", "more about fees", "here is the fee table",
                                  "點此下載申請書"])
def test_descriptive_text_is_clean(text):
    assert issues(f'<p><a href="/faq/">{text}</a></p>') == []


def test_vague_text_split_by_markup_is_still_vague():
    assert len(issues('<p><a href="/faq/"><em>click</em> here</a></p>')) == 1


def test_empty_link_is_reported():
    [issue] = issues('<p><a href="/faq/"></a></p>')
    assert "has no text" in issue.message and "/faq/" in issue.message


def test_image_link_without_alt_is_empty():
    [issue] = issues('<p><a href="/faq/"><img alt="" src="i.png"></a></p>')
    assert "has no text" in issue.message


def test_image_link_with_alt_and_aria_label_are_named():
    assert issues('<p><a href="/faq/"><img alt="常見問答" src="i.png"></a></p>') == []
    assert issues('<p><a aria-label="常見問答" href="/faq/"></a></p>') == []


def test_anchor_without_href_is_not_a_link():
    assert issues('<p><a id="top"></a></p>') == []


def test_the_build_s_file_info_is_not_the_author_s_text():
    html = '<p><a href="/files/a.pdf">點此<span class="file-info">（PDF，1 KB）</span></a></p>'
    [issue] = issues(html)
    assert "'點此'" in issue.message


def test_the_second_vague_link_with_the_same_text_is_the_second_occurrence():
    found = issues('<p><a href="/a/">常見問答</a><a href="/b/">點此</a><a href="/c/">點此</a></p>')
    assert [i.occurrence for i in found] == [0, 1]


def test_pelican_link_syntax_points_to_the_site_s_one_way():
    [issue] = issues('<p><a href="{static}/images/map.png">地圖</a></p>')
    assert issue.rule == "link-syntax" and "`/files/<name>`" in issue.fix
