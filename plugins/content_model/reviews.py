"""Reviews that come due: when the facts of a guide, or of a page or news item that states rules,
were last checked against their sources (`reviewed:`), and the warning when that was never, or
more than REVIEW_DAYS ago. The build prints the warnings; `make publish` lists them; the staff
review page shows every date."""

from __future__ import annotations

import datetime

from .schemas.common import REVIEW_DAYS, Finding

FIELD = "reviewed"


def has_review(header) -> bool:
    """True when the item says when it was reviewed (`reviewed:` written, even empty)."""
    return FIELD in type(header).model_fields and FIELD in header.model_fields_set


def due_date(reviewed: datetime.date | None) -> datetime.date | None:
    """The day after which a review is overdue; None when there was never one."""
    return reviewed + datetime.timedelta(days=REVIEW_DAYS) if reviewed else None


def review_state(reviewed: datetime.date | None, today: datetime.date) -> str:
    """`never`, `due` (more than REVIEW_DAYS ago) or `current`."""
    if reviewed is None:
        return "never"
    return "due" if (today - reviewed).days > REVIEW_DAYS else "current"


def review_finding(reviewed: datetime.date | None, today: datetime.date, location=(FIELD,)) -> Finding | None:
    """The warning for a review never done or overdue; None when it is current."""
    state = review_state(reviewed, today)
    if state == "never":
        return Finding(location=location, rule="never-reviewed", warning=True,
                       message="the facts here were never reviewed (`reviewed:` is empty)",
                       fix="check every fact against its sources, then set `reviewed:` to that day's date")
    if state == "due":
        return Finding(location=location, rule="review-due", warning=True,
                       message=f"the facts were last reviewed {(today - reviewed).days} days ago ({reviewed})",
                       fix="check every fact against its sources, then set `reviewed:` to today's date")
    return None


def notices(header, today: datetime.date) -> list[Finding]:
    """A kind's `notices` hook: the review warning of an item that has `reviewed:`."""
    if not has_review(header):
        return []
    finding = review_finding(header.reviewed, today)
    return [finding] if finding else []
