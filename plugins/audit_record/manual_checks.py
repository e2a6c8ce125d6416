"""The accessibility checks no tool can do, each with the date a person last did it.

The list lives in one YAML file (setting AUDIT_RECORD_MANUAL_CHECKS, normally
`content/data/manual-checks.yaml`), is checked against the schema below with file and line
for every mistake, and is shown on the accessibility statement. A check last done more than
12 months before the build is reported as a warning (the build goes on).
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from problems import Problem, ProblemsFound
from sources.front_matter import SourceError, load_yaml
from sources.paths import display_path
from sources.schema import Day, Localised, Slug, Strict
from sources.validation import validate

STAGE = "manual-checks"
STALE_AFTER_MONTHS = 12


class ManualCheck(Strict):
    """One check a person does by hand."""

    id: Slug
    name: Annotated[Localised, Field(description="the check's short name in every site language")]
    how: Annotated[
        Localised, Field(description="how a person does the check, in every site language")
    ]
    last_checked: Annotated[
        Day | None,
        Field(
            description="the date a person last did the check, as YYYY-MM-DD "
            "(leave the key out until then)"
        ),
    ] = None

    @field_validator("last_checked")
    @classmethod
    def not_in_the_future(
        cls, value: datetime.date | None, info: ValidationInfo
    ) -> datetime.date | None:
        today = (info.context or {}).get("today")
        if today and value and value > today:
            raise ValueError(
                f"the date is after today ({today.isoformat()}); write the day the check was done"
            )
        return value


class ManualChecks(Strict):
    """The whole file: `checks:`, a list of checks with unique ids."""

    checks: Annotated[
        list[ManualCheck],
        Field(
            min_length=1, description="a list of checks, each with id, name, how and last_checked"
        ),
    ]

    @field_validator("checks")
    @classmethod
    def unique_ids(cls, value: list[ManualCheck]) -> list[ManualCheck]:
        ids = [check.id for check in value]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(
                f"the id {', '.join(repeated)} is used twice; give every check its own id"
            )
        return value


@dataclass(frozen=True)
class ManualChecksFile:
    """The validated checks, and the line each one starts on (for warnings)."""

    path: str
    checks: tuple[ManualCheck, ...]
    lines: tuple[int, ...]


def load_manual_checks(path: Path, languages: list[str], today: datetime.date) -> ManualChecksFile:
    """The checks of the file, validated; every mistake is a Problem with the file and line."""
    shown = display_path(path)
    try:
        data, lines = load_yaml(shown, path.read_text(encoding="utf-8"), stage=STAGE)
    except FileNotFoundError:
        raise ProblemsFound(
            [
                Problem(
                    shown,
                    None,
                    STAGE,
                    "missing-file",
                    "the manual-checks file is missing",
                    "restore it, or set AUDIT_RECORD_MANUAL_CHECKS to its path",
                )
            ]
        ) from None
    except SourceError as error:
        raise ProblemsFound([error.problem]) from None

    def line_of(location) -> int:
        location = tuple(location)
        while location and location not in lines:
            location = location[:-1]
        return lines.get(location, 1)

    model, problems = validate(
        ManualChecks, data, shown, line_of, STAGE, context={"languages": languages, "today": today}
    )
    if problems:
        raise ProblemsFound(problems)
    return ManualChecksFile(
        shown,
        tuple(model.checks),
        tuple(line_of(("checks", index)) for index in range(len(model.checks))),
    )


def months_before(today: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def stale_warnings(checks: ManualChecksFile, today: datetime.date) -> list[Problem]:
    """A warning for every check not done yet, or last done more than 12 months before `today`."""
    limit = months_before(today, STALE_AFTER_MONTHS)
    fix = "do the check as its `how` says, then set its last_checked to that day"
    warnings = []
    for check, line in zip(checks.checks, checks.lines, strict=True):
        if check.last_checked is None:
            warnings.append(
                Problem(
                    checks.path,
                    line,
                    STAGE,
                    "not-done",
                    f"warning: the check `{check.id}` has not been done yet",
                    fix,
                )
            )
        elif check.last_checked < limit:
            warnings.append(
                Problem(
                    checks.path,
                    line,
                    STAGE,
                    "stale",
                    f"warning: the check `{check.id}` was last done on "
                    f"{check.last_checked.isoformat()}, more than {STALE_AFTER_MONTHS} "
                    "months before today",
                    fix,
                )
            )
    return warnings
