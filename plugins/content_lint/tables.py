"""Tables: a data table needs header cells (`<th>`) that say what they head (a header row of
empty cells heads nothing) and a caption (`<caption>`, or an aria-label or aria-labelledby). A
table with role="presentation" or "none" is not data.

Rows with pipes but no separator line under the first (`|---|---|`) are not a table to Markdown:
they are shown as a paragraph of `|` characters, which is reported too (`table-separator`)."""

from __future__ import annotations

import re

from sources.formats import CAPTION_PREFIXES

from .issues import Issue, LintContext, Occurrences, shorten
from .tree import elements, first, text_of, texts_in

LAYOUT_ROLES = {"presentation", "none"}
HEADER_FIX = "give the table a header row (in Markdown: the first row, then `|---|---|`)."
EMPTY_HEADER_FIX = ("write in each cell of the first row what its column holds, e.g. `| 項目 | 規費 |` "
                    "(`| Item | Fee |`); a screen reader reads these words before every value of the column.")
SEPARATOR_FIX = ("put a line like `|---|---|` (one `---` per column) right under the first row, and a blank "
                 "line before the table; or, if it is no table, write it as a list.")
# A Markdown row whose cells are all empty: `| | |`.
EMPTY_ROW = re.compile(r"^[ \t]*\|?(?:[ \t]*\|)+[ \t]*$", re.M)
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


def header_is_empty(table) -> bool:
    """True when the table has header cells and every one of them is empty."""
    headers = list(elements(table, "th"))
    return bool(headers) and not any(text_of(cell) or cell.get("aria-label", "").strip() for cell in headers)


def is_pipe_row(line: str) -> bool:
    """A line written like a table row: it starts and ends with `|`, or holds two or more."""
    line = line.strip()
    return len(line) > 1 and ((line.startswith("|") and line.endswith("|")) or line.count("|") >= 2)


def pipe_paragraphs(root) -> list[str]:
    """The first line of each paragraph that is table rows without a separator line: two or more
    rows, or one row that starts and ends with `|` and has three or more of them."""
    found = []
    for paragraph in elements(root, "p"):
        lines = [line for line in "".join(texts_in(paragraph, "")).splitlines() if line.strip()]
        rows = [line for line in lines if is_pipe_row(line)]
        lone = len(lines) == 1 and lines[0].strip().startswith("|") and lines[0].count("|") >= 3
        if rows and (len(rows) >= 2 or lone):
            found.append(rows[0].strip())
    return found


def row_needles(row: str) -> tuple:
    """Where a row is written: its cells, pipes and spaces between; its first cell."""
    cells = tuple(cell.strip() for cell in row.strip("|").split("|") if cell.strip())
    return table_needles(cells[:2]) if cells else ("|",)


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each data table without header cells or with empty ones, each without a
    caption, and each paragraph of table rows without a separator line."""
    issues, occurrences = [], Occurrences()
    for table in elements(root, "table"):
        cells = first_cells(table)
        occurrence = occurrences.next(cells)
        if table.get("role", "").strip().lower() in LAYOUT_ROLES:
            continue
        needles = table_needles(cells)
        if first(table, "th") is None:
            issues.append(Issue("table-header", "a table has no header cells (<th>)", HEADER_FIX, needles, occurrence))
        elif header_is_empty(table):
            issues.append(Issue("table-header", "a table's header row has only empty cells, so no column says "
                                "what it holds", EMPTY_HEADER_FIX, (EMPTY_ROW, *needles), occurrences.next("empty")))
        if not has_caption(table):
            lang = "en" if context.english else "zh-tw"
            fix = CAPTION_FIX.format(prefix=CAPTION_PREFIXES[lang], example=CAPTION_PREFIXES[lang] + EXAMPLE[lang])
            issues.append(Issue("table-caption", "a table has no caption", fix,
                                needles, occurrence))
    rows = Occurrences()
    for row in pipe_paragraphs(root):
        issues.append(Issue("table-separator", f"the lines starting {shorten(row, 40)!r} look like a table, but "
                            "without a separator line under the first row they are shown as text with | "
                            "characters", SEPARATOR_FIX, row_needles(row), rows.next(row)))
    return issues
