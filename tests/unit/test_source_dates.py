"""sources.dates: a date typed in another form gets a hint of what it probably means."""

import datetime

import pytest

from sources.dates import date_hint, roc_date


@pytest.mark.parametrize("typed", ["115/11/26", "115-11-26", "115.11.26", "民國115年11月26日", "中華民國115年11月26日",
                                   "１１５／１１／２６"])
def test_an_roc_year_is_recognised_and_converted(typed):
    assert roc_date(typed) == datetime.date(2026, 11, 26)
    assert date_hint(typed) == "it looks like a 民國 (ROC) year: 民國115年 is 2026, so the date is written 2026-11-26"


@pytest.mark.parametrize("typed", ["2026/11/26", "2026.11.26", "2026年11月26日"])
def test_a_western_date_in_another_form_is_shown_as_year_month_day(typed):
    assert date_hint(typed) == "write it as 2026-11-26 (year-month-day, with '-')"


@pytest.mark.parametrize("typed", ["soon", "2026-11-26", "115/13/40", "", None, "26.11.2026"])
def test_no_hint_for_what_is_no_date_or_already_right(typed):
    assert date_hint(typed) == ""
