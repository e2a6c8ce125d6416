"""The dates of dated items (news, disclosures: the kinds with `dated=True`), checked against the
calendar and the file's name:

- a `date:` more than AHEAD_DAYS after today is a year (or month) typed wrong: 2062-11-26 for
  2026-11-26. An item written a few days ahead for an announced event stays quiet;
- a file named after a date (`2026-11-26-new-website.zh-tw.md`, as `make new` names news) whose
  header says another date: one of the two is wrong, and the list would sort it where nobody
  looks. (A date far ahead is one mistake, one line: its fix names the file's date.)
"""

from __future__ import annotations

import datetime
import re
from pathlib import PurePath

from .schemas.common import Finding

AHEAD_DAYS = 31  # an item may be dated at most a month ahead (a notice of an announced change)
FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")


def file_date(path: str) -> datetime.date | None:
    """The date a file's name starts with (2026-11-26-x.zh-tw.md → 2026-11-26), or None."""
    match = FILE_DATE.match(PurePath(path).name)
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def date_findings(path: str, header, today: datetime.date) -> list[Finding]:
    """The mistakes of a dated item's `date:`: far ahead of today, or not the date of its file name."""
    date, found = getattr(header, "date", None), []
    if not isinstance(date, datetime.date):
        return found
    ahead, named = (date - today).days, file_date(path)
    if ahead > AHEAD_DAYS:
        meant = named if named is not None and named != date else today
        found.append(Finding(location=("date",), rule="date-ahead",
                             message=f"the date {date.isoformat()} is {ahead} days after today ({today.isoformat()}); "
                                     "the year or month is probably typed wrong",
                             fix=f"write the day the item is published, as YYYY-MM-DD (at most {AHEAD_DAYS} days "
                                 f"ahead), e.g. date: {meant.isoformat()}"
                                 + (" (the date the file is named after)" if meant == named else "")))
    elif named is not None and named != date:
        found.append(Finding(location=("date",), rule="date-file-name",
                             message=f"the date {date.isoformat()} is not the date the file is named after "
                                     f"({named.isoformat()})",
                             fix="make the two agree: correct the header's `date:`, or rename the file (both "
                                 "languages) to start with the header's date"))
    return found
