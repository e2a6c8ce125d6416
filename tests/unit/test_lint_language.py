"""content_lint.language: English passages on zh pages and Chinese on en pages need `lang`."""

import pytest

from content_lint.issues import LintContext
from content_lint.language import check
from content_lint.tree import parse
from support import FIXTURE_SITE

FILES = FIXTURE_SITE / "content/files"


def issues(html, lang="zh-tw"):
    return check(parse(html), LintContext(lang, files_root=FILES))


def test_four_unmarked_english_words_on_a_zh_page_are_reported():
    [issue] = issues("<p>本網站依照Open Government Data License授權。</p>")
    assert "'Open Government Data License'" in issue.message
    assert '<span lang="en">Open Government Data License</span>' in issue.fix
    assert issue.needles == ("Open Government Data License",)


def test_marked_english_is_clean():
    assert issues('<p>依照<span lang="en">Open Government Data License</span>。</p>') == []
    assert issues('<p>依照<span lang="en-GB"><em>Open Government Data License</em></span>。</p>') == []


@pytest.mark.parametrize("text", [
    "使用 Cookie 與 HTTPS",
    "符合 WCAG 2.2 AA 等級",
    "規費 NT$1,200 元",
    "請見 Three short words 說明",
    "a-b-c-d 算一個字",
])
def test_short_or_interrupted_latin_is_clean(text):
    assert issues(f"<p>{text}</p>") == []


def test_commas_and_hyphens_separate_words():
    assert len(issues("<p>請寫 name, address - phone, fax 等</p>")) == 1


def test_code_urls_and_emails_are_skipped():
    html = ("<p><code>make build and serve it</code></p><pre>one two three four</pre>"
            "<p><kbd>Ctrl Alt Delete Now</kbd></p>"
            "<p>網址 https://www.example.gov.tw/this-is/a-long/path 及 office.mail.box@example.gov.tw</p>")
    assert issues(html) == []


def test_a_zh_lang_inside_an_en_span_is_judged_as_zh():
    html = '<div lang="en"><p lang="zh-Hant-TW">依照 Open Government Data License 授權</p></div>'
    assert len(issues(html)) == 1


def test_unmarked_chinese_on_an_en_page_is_reported():
    [issue] = issues("<p>The Household Registration Act (戶籍法) applies.</p>", "en")
    assert "'戶籍法'" in issue.message
    assert '<span lang="zh-Hant-TW">戶籍法</span>' in issue.fix


def test_chinese_next_to_a_url_or_address_is_still_seen():
    html = "<p>See https://example.gov.tw/faq說明 or write to 信箱office@example.gov.tw today.</p>"
    assert [i.needles[0] for i in issues(html, "en")] == ["說明", "信箱"]


def test_marked_chinese_on_an_en_page_is_clean():
    assert issues('<p>The Act (<span lang="zh-Hant-TW">戶籍法</span>).</p>', "en") == []
    assert issues('<p>The Act (<span lang="zh">戶籍法</span>).</p>', "en") == []


def test_english_on_an_en_page_and_chinese_on_a_zh_page_are_fine():
    assert issues("<p>Four or more English words here.</p>", "en") == []
    assert issues("<p>四個以上的中文字。</p>") == []


def test_other_languages_are_not_checked():
    assert issues("<p>Four or more English words 中文</p>", "fr") == []


def test_link_text_is_read_in_both_languages():
    [issue] = issues('<p>See <a href="/en/guides/birth/">the 出生登記 guide</a>.</p>', "en")
    assert issue.needles == ("出生登記",)
    [issue] = issues('<p>請見<a href="/guides/">Open Government Data License</a>。</p>')
    assert issue.needles == ("Open Government Data License",)
    assert issues('<p>Read <a href="/en/x/"><span lang="zh-Hant-TW">戶籍法</span></a>.</p>', "en") == []


@pytest.mark.parametrize("html, needle", [
    ("<p>Bring your 章.</p>", "章"),
    ("<p>章</p>", "章"),
    ("<p>Fees (NT$50, 元) apply.</p>", "元"),
    ("<ul><li>Seal: 印</li></ul>", "印"),
    ('<p><a href="/en/x/">章</a></p>', "章"),
    ('<p>See <a href="/en/x/">the seal</a> (印).</p>', "印"),  # text after a link
    ("<p>The 㐀 character (Extension A).</p>", "㐀"),
])
def test_a_single_unmarked_chinese_character_on_an_en_page_is_reported(html, needle):
    [issue] = issues(html, "en")
    assert issue.needles == (needle,) and f"'{needle}'" in issue.message


@pytest.mark.parametrize("html", [
    "<p>Open Monday to Friday 「 and 」 closed on holidays。</p>",  # CJK punctuation is not Chinese text
    "<p>Fill in the form （in block letters）、then sign it.</p>",
    '<p>Bring your <span lang="zh-tw">章</span>.</p>',
    '<p>Bring your <span lang="ZH-TW">印章</span>.</p>',
    '<p lang="zh-Hant-TW">章</p>',
    "<p><code>章</code> is the seal.</p>",
])
def test_near_misses_on_an_en_page_stay_quiet(html):
    assert issues(html, "en") == []
