"""Date formatting per language: the ROC calendar in Chinese, Babel's long form in English."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel.dates import format_date
from markupsafe import Markup, escape

ROC_EPOCH_YEAR = 1911


def roc_date(day: datetime.date) -> str:
    """'民國115年11月26日'; 民國元年 for 1912, and 民國前N年 for 1911 and earlier."""
    year = day.year - ROC_EPOCH_YEAR
    if year == 1:
        era = "民國元年"
    elif year >= 2:
        era = f"民國{year}年"
    else:
        era = f"民國前{1 - year}年"
    return f"{era}{day.month}月{day.day}日"


def english_date(day: datetime.date) -> str:
    """'26 November 2026' (day month year, as the site's English pages use)."""
    return format_date(day, "d MMMM y", locale="en")


FORMATTERS = {"zh-tw": roc_date, "en": english_date}


@dataclass(frozen=True)
class DateInput:
    """How a date is typed in on a form's web page in one language, as it is written there:
    the order of the day, month and year boxes; the era written before the year (民國) and
    the Gregorian year of its year 0; the year's digits; and whether each box's label follows
    it, as on paper (民國 115 年 11 月 20 日), or stands above it (Day, Month, Year)."""

    order: tuple[str, str, str]
    era: str
    era_year_zero: int
    year_digits: int
    labels_after: bool


DATE_INPUTS = {"zh-tw": DateInput(("year", "month", "day"), "民國", ROC_EPOCH_YEAR, 3, True),
               "en": DateInput(("day", "month", "year"), "", 0, 4, False)}


def format_for(day: datetime.date, lang: str) -> str:
    """The date as text in a site language; an unknown language is an error, not a fallback."""
    try:
        return FORMATTERS[lang](day)
    except KeyError:
        raise ValueError(f"no date format for language {lang!r}") from None


def time_element(day: datetime.date, lang: str) -> Markup:
    """`<time datetime="YYYY-MM-DD">…</time>` with the date as text in that language."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    return Markup('<time datetime="{iso}">{text}</time>').format(
        iso=day.isoformat(), text=escape(format_for(day, lang))
    )
