"""Text from data on a page: escaped, and each part in another language than the page marked
`lang` (never with the page's own language)."""

from markupsafe import Markup

from template_env.language_marks import mark_languages

LANGS = {"zh-tw": "zh-Hant-TW", "en": "en"}


def test_on_an_english_page_each_chinese_run_is_marked_and_the_rest_escaped():
    text = Markup("document number (文號), or null; see /guides/<slug>/ & 戶籍 謄本")
    assert mark_languages(text, "en", LANGS) == (
        'document number (<span lang="zh-Hant-TW">文號</span>), or null; see /guides/&lt;slug&gt;/ &amp; '
        '<span lang="zh-Hant-TW">戶籍 謄本</span>')


def test_english_text_on_a_chinese_page_marks_its_english_and_leaves_its_chinese_in_the_page_s_language():
    text = "The plan lists online appointments (網路預約), but <no> address."
    assert mark_languages(text, "zh-tw", LANGS, written_in="en") == (
        '<span lang="en">The plan lists online appointments (</span>網路預約'
        '<span lang="en">), but &lt;no&gt; address.</span>')


def test_chinese_text_on_a_chinese_page_is_only_escaped():
    assert mark_languages("文號 <b>", "zh-tw", LANGS) == "文號 &lt;b&gt;"


def test_text_without_the_other_language_is_only_escaped():
    assert mark_languages("a < b", "en", LANGS) == "a &lt; b"
    assert mark_languages("a < b", "en", LANGS, written_in="en") == "a &lt; b"
