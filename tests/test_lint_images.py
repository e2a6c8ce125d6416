"""content_lint.images: alt text on every image; empty alt only when marked decorative."""

from bs4 import BeautifulSoup

from content_lint.images import check


def issues(html):
    return check(BeautifulSoup(html, "lxml"), "zh-tw")


def test_image_with_alt_is_clean():
    assert issues('<p><img alt="櫃台位置圖" src="counter.png"></p>') == []


def test_decorative_image_with_empty_alt_is_clean():
    assert issues('<p><img alt="" class="decorative" src="line.png"></p>') == []


def test_image_without_alt_attribute():
    [issue] = issues('<p><img src="counter.png"></p>')
    assert "no alt attribute" in issue.message and "counter.png" in issue.message
    assert issue.needles == ("counter.png",)
    assert "{: .decorative}" in issue.fix


def test_empty_alt_without_marker_is_reported():
    [issue] = issues('<p><img alt="" src="map.png"></p>')
    assert "empty alt text" in issue.message


def test_blank_alt_with_another_class_is_reported():
    [issue] = issues('<p><img alt="  " class="wide" src="map.png"></p>')
    assert "not marked decorative" in issue.message


def test_each_faulty_image_is_reported():
    html = '<p><img src="a.png"><img alt="A" src="b.png"><img alt="" src="c.png"></p>'
    assert [i.needles[0] for i in issues(html)] == ["a.png", "c.png"]
