"""Text from data (a translated message, a value of a data file) shown as plain text, with each
part in another language than the page marked `lang`: a screen reader then reads 文號 in a
Chinese voice on an English page, and the English of an English-only note in an English voice on
a Chinese page, as the content lint asks of every text. A part is never marked with the page's
own language (the national rules flag a `lang` equal to the page's)."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from sources.scripts import CHINESE_RUN

from .plain_text import plain

LETTER = re.compile(r"[A-Za-z]")


def mark_languages(text, page_lang: str, html_langs: dict[str, str], written_in: str | None = None) -> Markup:
    """The text escaped (a `<slug>` in it is shown, never read as an element), written in
    `written_in` (the page's language by default): on a page that is not Chinese, each Chinese
    run in `<span lang=…>`; English text on a Chinese page, its non-Chinese parts in
    `<span lang=…>` and its Chinese runs left in the page's language. `html_langs`: site
    language -> its HTML lang code."""
    value, written_in = plain(text), written_in or page_lang
    chinese = next(code for lang, code in html_langs.items() if lang.startswith("zh"))
    if page_lang.startswith("zh") == written_in.startswith("zh"):
        if page_lang.startswith("zh"):
            return escape(value)
        return _wrap(value, lambda part, is_chinese: is_chinese, chinese)
    return _wrap(value, lambda part, is_chinese: not is_chinese and LETTER.search(part), html_langs[written_in])


def _wrap(value: str, marked, code: str) -> Markup:
    """The value split into Chinese runs and the parts between, each escaped; `marked(part,
    is_chinese)` parts in `<span lang=code>`."""
    parts, last = [], 0
    for run in CHINESE_RUN.finditer(value):
        parts += [(value[last:run.start()], False), (run[0], True)]
        last = run.end()
    parts.append((value[last:], False))
    return Markup("").join(Markup('<span lang="{}">{}</span>').format(code, part) if part and marked(part, chinese)
                           else escape(part) for part, chinese in parts)
