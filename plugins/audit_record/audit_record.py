"""Offer the accessibility statement what it shows: the record of the full audit that gated
this build (`audit_record`) and the checks people do by hand (`manual_checks`).

Settings:
- AUDIT_RECORD_FILE: the record written by the publishing gate (`make audit-release`, which
  passes it with `-e`). Empty (the default) in every other build: the statement then says that
  no audit result is shown, because a preview or test build was not audited as it stands.
- AUDIT_RECORD_MANUAL_CHECKS: the YAML list of manual checks (validated; mistakes are
  Problems with file and line). A check not done yet, or last done more than 12 months
  before the build, is printed as a one-line warning; the build goes on.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from types import MappingProxyType

from pelican import signals

from problems import Problem, ProblemsFound
from site_context import AUDIT_RECORD, MANUAL_CHECKS
from sources.paths import display_path

from .manual_checks import load_manual_checks, stale_warnings

REQUIRED = {"date", "standard", "pages_by_lang", "violations", "national", "tools"}


class AuditRecordError(ProblemsFound):
    """The audit record file was named but cannot be used."""

    def __init__(self, path: Path, rule: str, message: str,
                 fix: str = "run `make audit-release`, which writes it and then builds the site with it"):
        super().__init__([Problem(display_path(path), None, "audit-record", rule, message, fix)])


def load_record(path: Path | None) -> MappingProxyType | None:
    """The record with its date parsed, or None when this build was given none."""
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuditRecordError(path, "missing-file", "the audit record is missing") from None
    except json.JSONDecodeError as error:
        raise AuditRecordError(path, "json", f"the audit record is not valid JSON: {error}") from None
    missing = REQUIRED - set(data)
    if missing:
        raise AuditRecordError(path, "missing-key", f"the audit record lacks {sorted(missing)}")
    data["date"] = datetime.date.fromisoformat(data["date"])
    return MappingProxyType(data)


def add_statement_data(generators) -> None:
    """all_generators_finalized (once a build): the record, the manual checks, their warnings."""
    context = generators[0].context
    record_file = context.get("AUDIT_RECORD_FILE") or ""
    context[AUDIT_RECORD] = load_record(Path(record_file) if record_file else None)
    today = datetime.date.today()
    checks = load_manual_checks(
        Path(context["AUDIT_RECORD_MANUAL_CHECKS"]), list(context["SITE_LANGUAGES"]), today
    )
    for warning in stale_warnings(checks, today):
        print(warning, file=sys.stderr)
    context[MANUAL_CHECKS] = checks.checks


def register():
    signals.all_generators_finalized.connect(add_statement_data)
