"""Give Markdown tables a caption: a paragraph right before a table that starts with
`Table:` (English) or `表：` (Chinese, full-width colon) becomes the table's `<caption>`.

It rewrites the HTML that Markdown renders (`<p>Table: …</p>` then `<table>`), at
`content_object_init`, so it must be listed before `content_lint` in PLUGINS.
"""

from __future__ import annotations

import re

from pelican import signals
from pelican.contents import Article, Page

PREFIXES = ("Table:", "表：")
CAPTION_PARAGRAPH = re.compile(
    r"<p>\s*(?:" + "|".join(re.escape(p) for p in PREFIXES) + r")"
    r"(?P<text>(?:(?!</p>).)*)</p>\s*(?P<table><table\b[^>]*>)",
    re.S,
)


def _to_caption(match: re.Match) -> str:
    text = match["text"].strip()
    if not text:
        return match.group(0)
    return f"{match['table']}\n<caption>{text}</caption>"


def add_captions(html: str) -> str:
    """The HTML with each `Table: …` / `表：…` paragraph before a table made its caption."""
    return CAPTION_PARAGRAPH.sub(_to_caption, html)


def caption_tables(content) -> None:
    """content_object_init: rewrite the rendered body of a page or news item."""
    if isinstance(content, (Page, Article)) and content._content:
        content._content = add_captions(content._content)


def register():
    signals.content_object_init.connect(caption_tables)
