"""Tables: a data table needs header cells (`<th>`) and a caption (`<caption>`, or an
aria-label or aria-labelledby). A table with role="presentation" or "none" is not data."""

from __future__ import annotations

import re

from .issues import Issue, text_of

LAYOUT_ROLES = {"presentation", "none"}
HEADER_FIX = "give the table a header row (in Markdown: the first row, then `|---|---|`)."
CAPTION_FIX = ("add a line `{prefix}…` (what the table lists) directly above the table, "
               "with a blank line between.")
CAPTION_PREFIX = {"zh": "表：", "en": "Table: "}


def has_caption(table) -> bool:
    caption = table.find("caption")
    if caption is not None and text_of(caption):
        return True
    return any(table.get(attr, "").strip() for attr in ("aria-label", "aria-labelledby"))


def table_needles(table) -> tuple:
    """The Markdown row of the first two cells (`| 項目 | 規費 |`), then the first cell."""
    row = table.find("tr")
    cells = [text_of(cell) for cell in row.find_all(["th", "td"])] if row else []
    cells = [cell for cell in cells if cell][:2]
    if not cells:
        return ("<table",)
    row_pattern = re.compile(r"\s*\|\s*".join(re.escape(cell) for cell in cells))
    return (row_pattern, cells[0], "<table")


def check(soup, lang: str) -> list[Issue]:
    """An issue for each data table without header cells, and each without a caption."""
    issues = []
    for table in soup.find_all("table"):
        if table.get("role", "").strip().lower() in LAYOUT_ROLES:
            continue
        needles = table_needles(table)
        if table.find("th") is None:
            issues.append(Issue("a table has no header cells (<th>).", HEADER_FIX, needles))
        if not has_caption(table):
            fix = CAPTION_FIX.format(prefix=CAPTION_PREFIX["en" if lang.startswith("en") else "zh"])
            issues.append(Issue("a table has no caption.", fix, needles))
    return issues
