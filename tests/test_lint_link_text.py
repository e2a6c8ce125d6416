"""content_lint.link_text: vague link text and empty links."""

import pytest
from bs4 import BeautifulSoup

from content_lint.link_text import check


def issues(html):
    return check(BeautifulSoup(html, "lxml"), "zh-tw")


@pytest.mark.parametrize("text", ["點此", "點這裡", "按此", "這裡", "更多", "Click here", "HERE",
                                  "more", "Read more", "更多…", "read more »", "here.", "點此。"])
def test_vague_text_is_reported(text):
    [issue] = issues(f'<p>申請書請<a href="/forms/">{text}</a>。</p>')
    assert "does not say where the link goes" in issue.message
    assert issue.needles[0] == f"[{text}](/forms/"


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
