"""Text from data on a page: escaped, and its Chinese runs marked `lang` on an English page."""

from markupsafe import Markup

from template_env.language_marks import mark_chinese


def test_on_an_english_page_each_chinese_run_is_marked_and_the_rest_escaped():
    text = Markup("document number (文號), or null; see /guides/<slug>/ & 戶籍 謄本")
    assert mark_chinese(text, "en", "zh-Hant-TW") == (
        'document number (<span lang="zh-Hant-TW">文號</span>), or null; see /guides/&lt;slug&gt;/ &amp; '
        '<span lang="zh-Hant-TW">戶籍 謄本</span>')


def test_on_a_chinese_page_nothing_is_marked_but_everything_is_escaped():
    assert mark_chinese("文號 <b>", "zh-tw", "zh-Hant-TW") == "文號 &lt;b&gt;"


def test_text_without_chinese_is_only_escaped():
    assert mark_chinese("a < b", "en", "zh-Hant-TW") == "a &lt; b"
