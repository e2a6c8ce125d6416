import datetime

import pytest

from template_env.dates import english_date, format_for, roc_date, time_element


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 11, 26), "民國115年11月26日"),
        (datetime.date(1912, 1, 1), "民國元年1月1日"),
        (datetime.date(1913, 12, 31), "民國2年12月31日"),
        (datetime.date(1911, 12, 31), "民國前1年12月31日"),
        (datetime.date(1900, 2, 3), "民國前12年2月3日"),
        (datetime.date(2024, 2, 29), "民國113年2月29日"),
    ],
)
def test_roc_date(day, expected):
    assert roc_date(day) == expected


def test_english_date_is_day_month_year():
    assert english_date(datetime.date(2026, 11, 26)) == "26 November 2026"
    assert english_date(datetime.date(2026, 1, 5)) == "5 January 2026"


def test_time_element_carries_iso_date_and_accepts_datetimes():
    moment = datetime.datetime(2026, 11, 26, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    assert str(time_element(moment, "zh-tw")) == '<time datetime="2026-11-26">民國115年11月26日</time>'
    assert str(time_element(moment.date(), "en")) == '<time datetime="2026-11-26">26 November 2026</time>'


def test_unknown_language_is_an_error_not_a_fallback():
    with pytest.raises(ValueError, match="fr"):
        format_for(datetime.date(2026, 1, 1), "fr")
