"""The record of the latest full audit, kept with the content for the accessibility statement."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path

STANDARD = "WCAG 2.2 AA"


def summarise(results: dict[str, dict], today: datetime.date, audited_now: int) -> dict:
    """Counts for the report and the statement: pages per language, blocking violations."""
    blocking = sum(len(v["nodes"]) for page in results.values() for v in page["violations"] if not v.get("allowed"))
    allowed = sum(len(v["nodes"]) for page in results.values() for v in page["violations"] if v.get("allowed"))
    errors = sum(1 for page in results.values() if page.get("error"))
    return {
        "date": today.isoformat(),
        "pages": len(results),
        "pages_by_lang": dict(sorted(Counter(page["lang"] for page in results.values()).items())),
        "audited": audited_now,
        "cached": len(results) - audited_now,
        "violations": blocking + errors,
        "allowed": allowed,
    }


def npm_version(package: str, root: Path = Path("node_modules")) -> str:
    """The installed version of a pinned npm tool, or '' if it is not installed."""
    try:
        return json.loads((root / package / "package.json").read_text(encoding="utf-8"))["version"]
    except (FileNotFoundError, KeyError, json.JSONDecodeError):
        return ""


def record_of(report: dict) -> dict:
    summary = report["summary"]
    return {
        "date": summary["date"],
        "standard": STANDARD,
        "pages_by_lang": summary["pages_by_lang"],
        "violations": summary["violations"],
        "allowed": summary["allowed"],
        "tools": {"axe-core": report["engine"]["axe"], "Nu Html Checker": npm_version("vnu-jar")},
        "tags": report["config"]["tags"],
    }


def update_record(path: Path, report: dict) -> bool:
    """Rewrite the record only when something but the date changed; True if it was written."""
    new = record_of(report)
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        old = None
    if old is not None and {**old, "date": ""} == {**new, "date": ""}:
        return False
    path.write_text(json.dumps(new, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return True
