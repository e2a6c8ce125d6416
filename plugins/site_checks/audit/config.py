"""The audit's rule configuration (`.ci/axe-rules.toml`) and its allow-list
(`.ci/audit-allowlist.toml`)."""

from __future__ import annotations

import datetime
import fnmatch
import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from sources.dates import date_hint

from ..findings import CheckCannotRun


class AuditConfigError(CheckCannotRun):
    """The rule configuration or the allow-list is malformed, or an allow-list entry expired."""

    def __init__(self, path: Path, message: str, fix: str):
        super().__init__(str(path), "audit", message, fix)


@dataclass(frozen=True)
class RuleConfig:
    """Which axe tags block, and which rules are off (each with its reason)."""

    tags: tuple[str, ...]
    disabled: MappingProxyType

    def axe_options(self, selectors: bool = True) -> str:
        """The options for axe.run, as JSON (a Python dict would reach JavaScript as-is).

        `selectors=False` skips computing a CSS selector for every checked element (about a
        fifth of axe's time on a clean page); a page that fails is then run again with them."""
        options = {
            "runOnly": {"type": "tag", "values": list(self.tags)},
            "rules": {rule: {"enabled": False} for rule in sorted(self.disabled)},
            "resultTypes": ["violations"],
        }
        if not selectors:
            options["selectors"] = False
        return json.dumps(options, sort_keys=True)

    def fingerprint(self) -> str:
        return hashlib.sha256(self.axe_options().encode()).hexdigest()[:16]


def load_rules(path: Path) -> RuleConfig:
    data = _read_toml(path)
    tags = data.get("tags")
    if not tags or not all(isinstance(t, str) for t in tags):
        raise AuditConfigError(path, "`tags` is not a non-empty list of axe tags",
                               'write e.g. tags = ["wcag2a", "wcag2aa"]')
    disabled = data.get("disabled", {})
    blank = [rule for rule, reason in disabled.items() if not str(reason).strip()]
    if blank:
        raise AuditConfigError(
            path, f"disabled rule(s) {blank} have no reason",
            "write why each rule cannot apply to this site, or switch it on again")
    return RuleConfig(tuple(tags), MappingProxyType(dict(disabled)))


@dataclass(frozen=True)
class AuditAllowance:
    """One accepted failure: pages matching a glob may fail one rule (an axe rule id or a
    MODA 檢測碼) until a date."""

    page: str
    rule: str
    reason: str
    expires: datetime.date

    def covers(self, page: str, rule: str) -> bool:
        return rule == self.rule and fnmatch.fnmatchcase(page, self.page)


def load_allowlist(path: Path, today: datetime.date) -> tuple[AuditAllowance, ...]:
    """Read the allow-list; any malformed or expired entry is an error naming it."""
    entries = []
    for number, raw in enumerate(_read_toml(path).get("allow", []), start=1):
        missing = {"page", "rule", "reason", "expires"} - set(raw)
        if missing or not str(raw.get("reason", "")).strip():
            raise AuditConfigError(path, f"entry {number} lacks {sorted(missing) or ['a reason']}",
                                   "give every [[allow]] entry page, rule, reason and expires")
        if not isinstance(raw["expires"], datetime.date):
            hint = date_hint(raw["expires"])
            raise AuditConfigError(path, f"entry {number}: expires is not a date" + (f"; {hint}" if hint else ""),
                                   "write a date without quotes, e.g. expires = 2027-01-31")
        entry = AuditAllowance(raw["page"], raw["rule"], raw["reason"], raw["expires"])
        if entry.expires < today:
            raise AuditConfigError(
                path, f"entry {number} ({entry.rule} on {entry.page}) expired on {entry.expires}",
                "fix the pages, or renew the entry with a new reason and date")
        entries.append(entry)
    return tuple(entries)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuditConfigError(path, "the file is missing", "restore it from git") from None
    except tomllib.TOMLDecodeError as error:
        raise AuditConfigError(path, f"the file is not valid TOML: {error}",
                               "correct the TOML syntax") from None
