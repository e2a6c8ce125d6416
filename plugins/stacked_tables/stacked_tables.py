"""Data tables that read well on a narrow screen: at 320 px each row of a table becomes a block
of label–value pairs instead of columns so narrow that words break in the middle.

A library: the content model's renderer runs it on every body it renders. For every table in
a page's body that has a header row, the build gives the table the class
`stack` and each body cell a `data-label` with its column's header text. The style sheet shows
that label before the value only at narrow widths, as CSS generated content whose alternative
text is empty (`content: attr(data-label) / ""`), so a screen reader, which still gets the
whole table with its header cells, does not read the header twice. Why this design and not a
scrolling box: docs/accessibility-gate.md, "Tables on small screens".
"""

from __future__ import annotations

import re

import lxml.html

CLASS = "stack"
TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)


def header_texts(table) -> list[str]:
    """The text of each cell of the table's header row ([] when it has none)."""
    rows = table.xpath("./thead/tr")
    return (
        [" ".join(cell.text_content().split()) for cell in rows[0].xpath("./th | ./td")]
        if rows
        else []
    )


def label_table(markup: str) -> str:
    """One table's markup with the class and a data-label on every body cell; unchanged if it
    has no header row (the content lint reports that) or is nested in another table."""
    if markup.lower().count("<table") > 1:
        return markup
    table = lxml.html.fragment_fromstring(markup)
    headers = header_texts(table)
    if not headers:
        return markup
    table.set("class", " ".join([*table.get("class", "").split(), CLASS]))
    for row in table.xpath("./tbody/tr | ./tr"):
        for cell, header in zip(row.xpath("./th | ./td"), headers, strict=False):
            if header:
                cell.set("data-label", header)
    return lxml.html.tostring(table, encoding="unicode")


def label_tables(html: str) -> str:
    """The HTML with every data table labelled for narrow screens."""
    return TABLE.sub(lambda match: label_table(match.group(0)), html)
