"""Offer the record of the latest full accessibility audit to templates as `audit_record`.

Setting: AUDIT_RECORD_FILE, the JSON file `make audit` keeps up to date with the content.
A missing file means no audit was recorded yet (the statement says so); a malformed one
is an error.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from types import MappingProxyType

from pelican import signals

from site_context import AUDIT_RECORD

REQUIRED = {"date", "standard", "pages_by_lang", "violations", "tools"}


class AuditRecordError(Exception):
    """The audit record file exists but cannot be used."""


def load_record(path: Path) -> MappingProxyType | None:
    """The record with its date parsed, or None if no audit was recorded yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except json.JSONDecodeError as error:
        raise AuditRecordError(f"{path}: {error}. Fix: run `make audit` to rewrite it.") from None
    missing = REQUIRED - set(data)
    if missing:
        raise AuditRecordError(f"{path}: missing {sorted(missing)}. Fix: run `make audit` to rewrite it.")
    data["date"] = datetime.date.fromisoformat(data["date"])
    return MappingProxyType(data)


def add_record_to_context(generators) -> None:
    context = generators[0].context
    context[AUDIT_RECORD] = load_record(Path(context["AUDIT_RECORD_FILE"]))


def register():
    signals.all_generators_finalized.connect(add_record_to_context)
