"""content_lint.currency: amounts in Chinese text as 新臺幣15元, never NT$15."""

from content_lint.currency import check
from content_lint.issues import LintContext
from content_lint.tree import parse


def issues(html, lang="zh-tw"):
    return check(parse(html), LintContext(lang))


def test_nt_dollars_in_chinese_text_is_reported_with_the_chinese_form():
    [issue] = issues("<p>謄本每張NT$15，英文謄本NT$ 1,200。</p>")[:1]
    assert issue.rule == "currency" and issue.fix == "write it as 新臺幣15元."
    assert len(issues("<p>謄本每張NT$15，英文謄本NT$ 1,200。</p>")) == 2


def test_english_text_and_english_parts_keep_nt_dollars():
    assert issues("<p>NT$15 per page</p>", "en") == []
    assert issues('<p>規費 <span lang="en">NT$15 per page</span></p>') == []
    assert issues("<p>每張新臺幣15元</p>") == []
