"""Text from data (a translated message, a value of a data file) shown as plain text, with each
run of Chinese characters marked `lang` on a page in another language: a screen reader then
reads 文號 in a Chinese voice on an English page, as the content lint asks of every text."""

from __future__ import annotations

from markupsafe import Markup, escape

from sources.scripts import CHINESE_RUN

from .plain_text import plain


def mark_chinese(text, page_lang: str, chinese_lang: str) -> Markup:
    """The text escaped (a `<slug>` in it is shown, never read as an element), with every Chinese
    run in `<span lang="{chinese_lang}">` when the page is not Chinese."""
    value = plain(text)
    if page_lang.startswith("zh"):
        return escape(value)
    parts, last = [], 0
    for run in CHINESE_RUN.finditer(value):
        parts += [escape(value[last:run.start()]), Markup('<span lang="{}">{}</span>').format(chinese_lang, run[0])]
        last = run.end()
    return Markup("").join([*parts, escape(value[last:])])
