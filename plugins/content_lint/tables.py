"""Tables: a data table needs header cells (`<th>`) and a caption (`<caption>`, or an
aria-label or aria-labelledby). A table with role="presentation" or "none" is not data."""

from __future__ import annotations

import re

from sources.formats import CAPTION_PREFIXES

from .issues import Issue, LintContext, Occurrences
from .tree import elements, first, text_of

LAYOUT_ROLES = {"presentation", "none"}
HEADER_FIX = "give the table a header row (in Markdown: the first row, then `|---|---|`)."
CAPTION_FIX = ("add a line that starts with `{prefix}` and says what the table lists, e.g. `{example}`, "
               "directly above the table, with a blank line between.")
EXAMPLE = {"zh-tw": "常用規費", "en": " Common fees"}


def has_caption(table) -> bool:
    caption = first(table, "caption")
    if caption is not None and text_of(caption):
        return True
    return any(table.get(attr, "").strip() for attr in ("aria-label", "aria-labelledby"))


def first_cells(table) -> tuple[str, ...]:
    row = first(table, "tr")
    cells = [text_of(cell) for cell in elements(row, "th", "td")] if row is not None else []
    return tuple(cell for cell in cells if cell)[:2]


def table_needles(cells: tuple[str, ...]) -> tuple:
    """The Markdown row of the first two cells (`| 項目 | 規費 |`), then the first cell."""
    if not cells:
        return ("<table", "|")
    row_pattern = re.compile(r"\|?\s*" + r"\s*\|\s*".join(re.escape(cell) for cell in cells))
    return (row_pattern, cells[0], "<table")


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each data table without header cells, and each without a caption."""
    issues, occurrences = [], Occurrences()
    for table in elements(root, "table"):
        cells = first_cells(table)
        occurrence = occurrences.next(cells)
        if table.get("role", "").strip().lower() in LAYOUT_ROLES:
            continue
        needles = table_needles(cells)
        if first(table, "th") is None:
            issues.append(Issue("table-header", "a table has no header cells (<th>)", HEADER_FIX, needles, occurrence))
        if not has_caption(table):
            lang = "en" if context.english else "zh-tw"
            fix = CAPTION_FIX.format(prefix=CAPTION_PREFIXES[lang], example=CAPTION_PREFIXES[lang] + EXAMPLE[lang])
            issues.append(Issue("table-caption", "a table has no caption", fix,
                                needles, occurrence))
    return issues
