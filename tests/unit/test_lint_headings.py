"""content_lint.headings: the body starts at h2 and never skips a level going down."""

from content_lint.headings import check
from content_lint.issues import LintContext
from content_lint.tree import parse
from support import FIXTURE_SITE

FILES = FIXTURE_SITE / "content/files"


def issues(html):
    return check(parse(html), LintContext("zh-tw", files_root=FILES))


def test_sound_outline_is_clean():
    html = "<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2><h3>E</h3><h2>F</h2>"
    assert issues(html) == []


def test_body_without_headings_is_clean():
    assert issues("<p>文字</p>") == []


def test_h1_in_body_is_reported():
    [issue] = issues("<h1>申請期限</h1><h2>A</h2>")
    assert "is an h1" in issue.message
    assert issue.needles == ("# 申請期限", "申請期限")


def test_body_starting_at_h3_is_reported():
    [issue] = issues("<h3>應備文件</h3>")
    assert "the text starts at h3" in issue.message
    assert "`## 應備文件`" in issue.fix


def test_skip_going_down_is_reported():
    [issue] = issues("<h2>A</h2><h4>規費</h4>")
    assert "after an h2 comes h4" in issue.message
    assert issue.needles[0] == "#### 規費"


def test_going_back_up_is_fine_but_a_later_skip_is_not():
    found = issues("<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2><h4>E</h4>")
    assert [i.needles[-1] for i in found] == ["E"]
