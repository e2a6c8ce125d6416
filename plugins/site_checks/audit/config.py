"""The audit's rule configuration (`.ci/axe-rules.toml`) and allow-list (`.ci/audit-allowlist.toml`)."""

from __future__ import annotations

import datetime
import fnmatch
import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType


class AuditConfigError(Exception):
    """The rule configuration or the allow-list is malformed, or an allow-list entry expired."""


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
        raise AuditConfigError(f"{path}: `tags` must be a non-empty list of axe tags.")
    disabled = data.get("disabled", {})
    blank = [rule for rule, reason in disabled.items() if not str(reason).strip()]
    if blank:
        raise AuditConfigError(f"{path}: disabled rule(s) {blank} need a written reason.")
    return RuleConfig(tuple(tags), MappingProxyType(dict(disabled)))


@dataclass(frozen=True)
class Allowance:
    """One accepted violation: pages matching a glob may fail one rule until a date."""

    page: str
    rule: str
    reason: str
    expires: datetime.date

    def covers(self, page: str, rule: str) -> bool:
        return rule == self.rule and fnmatch.fnmatchcase(page, self.page)


def load_allowlist(path: Path, today: datetime.date) -> tuple[Allowance, ...]:
    """Read the allow-list; any malformed or expired entry is an error naming it."""
    entries = []
    for number, raw in enumerate(_read_toml(path).get("allow", []), start=1):
        missing = {"page", "rule", "reason", "expires"} - set(raw)
        if missing or not str(raw.get("reason", "")).strip():
            raise AuditConfigError(f"{path}: entry {number} needs page, rule, reason and expires ({sorted(missing)}).")
        if not isinstance(raw["expires"], datetime.date):
            raise AuditConfigError(f"{path}: entry {number}: expires must be a date like 2027-01-31.")
        entry = Allowance(raw["page"], raw["rule"], raw["reason"], raw["expires"])
        if entry.expires < today:
            raise AuditConfigError(
                f"{path}: entry {number} ({entry.rule} on {entry.page}) expired on {entry.expires}. "
                "Fix the pages, or renew the entry with a new reason and date.")
        entries.append(entry)
    return tuple(entries)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuditConfigError(f"{path}: file is missing.") from None
    except tomllib.TOMLDecodeError as error:
        raise AuditConfigError(f"{path}: {error}") from None
