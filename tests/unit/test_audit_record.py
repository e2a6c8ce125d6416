"""The accessibility statement: the audit record it is given by the publishing gate (none in any
other build), both results in both languages, no redundant `lang`, and the checks people do by
hand from content/data/manual-checks.yaml, validated, with a warning when one is out of date."""

from __future__ import annotations

import datetime
import json
import textwrap

import pytest

from audit_record.audit_record import AuditRecordError, load_record
from audit_record.manual_checks import load_manual_checks, months_before, stale_warnings
from problems import ProblemsFound

LANGUAGES = ["zh-tw", "en"]
TODAY = datetime.date(2026, 11, 30)
RECORD = {
    "allowed": 0,
    "date": "2026-11-30",
    "pages_by_lang": {"en": 14, "zh-Hant-TW": 15},
    "national": {"checks": 83, "failures": 0, "level": "AA", "spec": "115.11"},
    "standard": "WCAG 2.2 AA",
    "tags": ["wcag2a"],
    "tools": {"Nu Html Checker": "26.9.27", "a11y-moda": "0.6.1", "axe-core": "4.14.1"},
    "violations": 0,
}


def test_no_record_means_none_and_a_named_but_missing_or_broken_record_is_an_error(tmp_path):
    assert load_record(None) is None
    with pytest.raises(AuditRecordError, match="the audit record is missing"):
        load_record(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(AuditRecordError, match="make audit-release"):
        load_record(bad)
    bad.write_text('{"date": "2026-11-26"}', encoding="utf-8")
    with pytest.raises(AuditRecordError, match="missing"):
        load_record(bad)


def test_record_date_is_parsed_and_read_only(tmp_path):
    path = tmp_path / "record.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    record = load_record(path)
    assert record["date"] == datetime.date(2026, 11, 30)
    with pytest.raises(TypeError):
        record["violations"] = 1


# --- the manual-checks file ---------------------------------------------------------------------

CHECK = """\
checks:
  - id: zoom
    name: {{zh-tw: 放大, en: Zoom}}
    how: {{zh-tw: 放大到 400%, en: Zoom to 400 %}}
{last}"""


def write_checks(tmp_path, text: str):
    path = tmp_path / "manual-checks.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path) -> list[str]:
    with pytest.raises(ProblemsFound) as caught:
        load_manual_checks(path, LANGUAGES, TODAY)
    return [str(problem) for problem in caught.value.problems]


def test_a_mistake_in_the_manual_checks_names_file_line_and_fix(tmp_path):
    path = write_checks(tmp_path, CHECK.format(last="    last_checked: 2026-13-45\n    by: me\n"))
    found = problems_of(path)
    shown = path.as_posix()
    assert found[0].startswith(
        f"{shown}:5: manual-checks [invalid-value]: `checks[0].last_checked`"
    )
    assert found[0].endswith(
        "Fix: write the date a person last did the check, as YYYY-MM-DD "
        "(leave the key out until then)"
    )
    assert found[1].startswith(
        f"{shown}:6: manual-checks [unknown-key]: unknown key `checks[0].by`"
    )
    assert "how, id, last_checked, name" in found[1]


def test_a_date_after_today_or_a_repeated_id_is_an_error(tmp_path):
    future = problems_of(
        write_checks(tmp_path, CHECK.format(last="    last_checked: 2026-12-01\n"))
    )
    assert "after today" in future[0] and ":5:" in future[0]
    twice = (
        CHECK.format(last="    last_checked: 2026-01-02\n")
        + CHECK.format(last="").split("\n", 1)[1]
    )
    assert "the id zoom is used twice" in problems_of(write_checks(tmp_path, twice))[0]


def test_a_check_not_done_or_done_over_12_months_ago_is_a_warning(tmp_path):
    for last, expected in [
        ("", ["not-done"]),
        ("    last_checked: 2025-11-29\n", ["stale"]),
        ("    last_checked: 2025-11-30\n", []),
    ]:
        checks = load_manual_checks(
            write_checks(tmp_path, CHECK.format(last=last)), LANGUAGES, TODAY
        )
        warnings = stale_warnings(checks, TODAY)
        assert [w.rule for w in warnings] == expected
        assert all(str(w).startswith(f"{checks.path}:2: manual-checks [") for w in warnings)
    assert months_before(datetime.date(2024, 2, 29), 12) == datetime.date(2023, 2, 28)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)


