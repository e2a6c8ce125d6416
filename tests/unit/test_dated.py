"""content_model.dated: a dated item's `date:` far ahead of today, or not the date of its file name."""

import datetime

import pytest

from content_model.dated import AHEAD_DAYS, date_findings
from content_model.schemas.news import NewsHeader

TODAY = datetime.date(2026, 11, 26)


def header(date: str) -> NewsHeader:
    return NewsHeader(title="t", slug="s", lang="zh-tw", date=date, summary="s")


@pytest.mark.parametrize("name, date", [
    ("2026-11-26-new-website.zh-tw.md", "2026-11-26"),
    ("2026-12-01-holiday.zh-tw.md", "2026-12-01"),  # a few days ahead: an announced event
    ("opening.zh-tw.md", "2026-11-20"),  # a file not named after a date
    ("2026-11-31-x.zh-tw.md", "2026-11-20"),  # no such day in the name: not a date
])
def test_a_date_of_today_a_few_days_ahead_or_without_a_dated_name_is_quiet(name, date):
    assert date_findings(f"content/news/{name}", header(date), TODAY) == []


def test_a_year_typed_wrong_is_reported_with_the_days_ahead():
    [finding] = date_findings("content/news/x.zh-tw.md", header("2062-11-26"), TODAY)
    assert finding.rule == "date-ahead" and finding.location == ("date",) and not finding.warning
    assert "2062-11-26 is 13149 days after today (2026-11-26)" in finding.message
    assert f"at most {AHEAD_DAYS} days ahead" in finding.fix


def test_a_date_other_than_the_file_name_s_is_reported():
    [finding] = date_findings("content/news/2026-11-26-new-website.zh-tw.md", header("2026-11-16"), TODAY)
    assert finding.rule == "date-file-name" and "(2026-11-26)" in finding.message and "rename the file" in finding.fix


def test_a_date_far_ahead_in_a_dated_file_is_one_finding_that_names_the_file_s_date():
    [finding] = date_findings("content/news/2026-11-01-x.zh-tw.md", header("2062-11-01"), TODAY)
    assert finding.rule == "date-ahead" and "e.g. date: 2026-11-01 (the date the file is named after)" in finding.fix
