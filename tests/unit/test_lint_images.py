"""content_lint.images: alt text on every image (empty only when marked decorative); images
live in content/files/, exist, and keep to the size budget."""

import pytest
from PIL import Image

from content_lint.images import MAX_BYTES, check
from content_lint.issues import LintContext
from content_lint.tree import parse


@pytest.fixture
def files(tmp_path):
    Image.new("RGB", (40, 30), "white").save(tmp_path / "counter.png")
    Image.new("RGB", (2400, 10), "white").save(tmp_path / "wide.png")
    (tmp_path / "heavy.jpg").write_bytes(b"\xff" * (MAX_BYTES + 1))
    return tmp_path


def issues(html, files):
    return check(parse(html), LintContext("zh-tw", files_root=files))


def test_image_with_alt_is_clean(files):
    assert issues('<p><img alt="櫃台位置圖" src="/files/counter.png"></p>', files) == []


def test_decorative_image_with_empty_alt_is_clean(files):
    assert issues('<p><img alt="" class="decorative" src="/files/counter.png"></p>', files) == []


def test_image_without_alt_attribute(files):
    [issue] = issues('<p><img src="/files/counter.png"></p>', files)
    assert issue.rule == "image-alt" and "no alt attribute" in issue.message
    assert issue.needles == ("counter.png",) and "{: .decorative}" in issue.fix


@pytest.mark.parametrize("alt, cls", [("", ""), ("  ", "wide")])
def test_empty_alt_without_the_marker(files, alt, cls):
    [issue] = issues(f'<p><img alt="{alt}" class="{cls}" src="/files/counter.png"></p>', files)
    assert "not marked decorative" in issue.message


def test_an_image_from_another_site_is_reported(files):
    [issue] = issues('<p><img alt="地圖" src="https://maps.example.com/m.png"></p>', files)
    assert issue.rule == "image-place" and "content/files/" in issue.fix


def test_a_missing_image_file_is_reported(files):
    [issue] = issues('<p><img alt="地圖" src="/files/map.png"></p>', files)
    assert issue.rule == "image-missing" and "map.png" in issue.message


@pytest.mark.parametrize("name, said", [("wide.png", "2400 px wide"), ("heavy.jpg", "is 300 KB")])
def test_an_image_over_the_budget_is_reported(files, name, said):
    [issue] = issues(f'<p><img alt="櫃台位置圖" src="/files/{name}"></p>', files)
    assert issue.rule == "image-budget" and said in issue.message and "resize" in issue.fix


def test_the_same_image_twice_names_the_faulty_occurrence(files):
    html = '<p><img alt="櫃台" src="/files/counter.png"></p><p><img src="/files/counter.png"></p>'
    [issue] = issues(html, files)
    assert issue.occurrence == 1


# --- alt text that says nothing ---------------------------------------------------------------

@pytest.mark.parametrize("alt", [
    "櫃台位置圖",            # a word for image inside a text that says what it shows
    "本所一樓平面圖：出生登記在2號櫃台",
    "Photo of the counter on the ground floor",
    "counter on the ground floor",  # the file's name in a longer description
    "圖書館入口",            # 圖 starting another word
    "Figure skating rink",   # an English word for image starting a phrase
    "2026年11月26日新網站上線畫面",
])
def test_alt_text_that_says_what_the_image_shows_is_clean(files, alt):
    assert issues(f'<p><img alt="{alt}" src="/files/counter.png"></p>', files) == []


@pytest.mark.parametrize("alt", ["counter.png", "counter", "COUNTER.PNG", "IMG_0412", "DSC01234", "map.jpg"])
def test_alt_text_that_is_a_file_name_is_reported(files, alt):
    [issue] = issues(f'<p><img alt="{alt}" src="/files/counter.png"></p>', files)
    assert issue.rule == "image-alt" and "is the image's file name" in issue.message
    assert repr(alt) in issue.message and "write what the image shows" in issue.fix


@pytest.mark.parametrize("alt", ["image", "Photo", "picture", "photo 2", "圖片", "照片", "相片", "圖", "圖1", "圖一",
                                 "圖片。", "Image:", "示意圖"])
def test_alt_text_that_only_says_image_is_reported(files, alt):
    [issue] = issues(f'<p><img alt="{alt}" src="/files/counter.png"></p>', files)
    assert issue.rule == "image-alt" and "only says that it is an image" in issue.message
