"""Dates as authors type them: every date in a source file is written YYYY-MM-DD (2026-11-26).
When a value is not, `date_hint` says in words what was probably meant, for the message of any
date error (a header, a data file, a form, an allow-list):

- a year of one to three digits is a 民國 (ROC) year: 115/11/26, 115-11-26, 115.11.26 and
  民國115年11月26日 are 2026-11-26 (the ROC year plus 1911);
- a date written with other separators or in Chinese (2026/11/26, 2026.11.26, 2026年11月26日)
  is the same date written YYYY-MM-DD.
"""

from __future__ import annotations

import datetime
import re

ROC_OFFSET = 1911  # 民國1年 is 1912
# A year, a month and a day, separated by / - . or written 年…月…日, maybe after 民國 or 中華民國.
TYPED_DATE = re.compile(r"^\s*(?P<roc>(?:中華)?民國)?\s*(?P<year>\d{1,4})\s*(?:年|[/.\-])\s*(?P<month>\d{1,2})\s*"
                        r"(?:月|[/.\-])\s*(?P<day>\d{1,2})\s*日?\s*$")
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９／－．", "0123456789/-.")


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def roc_date(value: str) -> datetime.date | None:
    """The date a value written with a 民國 (ROC) year means (115/11/26 → 2026-11-26), else None."""
    match = TYPED_DATE.match(str(value).translate(FULL_WIDTH_DIGITS))
    if not match or (len(match["year"]) > 3 and not match["roc"]):
        return None
    return _date(int(match["year"]) + ROC_OFFSET, int(match["month"]), int(match["day"]))


def date_hint(value: object) -> str:
    """A sentence saying what a date typed in another form probably means, or "" when there is
    nothing to say (the value is no date at all, or a date that does not exist)."""
    text = str(value).translate(FULL_WIDTH_DIGITS)
    roc = roc_date(text)
    if roc is not None:
        year = int(TYPED_DATE.match(text)["year"])
        return (f"it looks like a 民國 (ROC) year: 民國{year}年 is {roc.year}, so the date is written "
                f"{roc.isoformat()}")
    match = TYPED_DATE.match(text)
    if match and len(match["year"]) == 4:
        western = _date(int(match["year"]), int(match["month"]), int(match["day"]))
        if western is not None and western.isoformat() != text.strip():
            return f"write it as {western.isoformat()} (year-month-day, with '-')"
    return ""
