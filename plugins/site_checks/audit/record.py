"""The audit's counts, and the record of a full audit that the accessibility statement shows.

The record is written only by a complete full audit (every page, no shard, no errors) and is
not kept with the content: the publishing gate (`make audit-release`) writes it, builds the
site again so that the statement shows it, and audits that build with `--expect-record`,
which fails unless the new audit gives the very same record (see docs/accessibility-gate.md).
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path

from . import moda

STANDARD = "WCAG 2.2 AA"
ENGINES = ("axe", "moda")


def engine_counts(results: dict[str, dict], engine: str, audited_now: set[str]) -> dict:
    """Pages audited now (without error), taken from the cache, and in error, for one engine."""
    errors = {name for name, page in results.items() if page[engine].get("error")}
    return {
        "audited": len(audited_now - errors),
        "cached": len(set(results) - audited_now),
        "errors": len(errors),
    }


def axe_counts(results: dict[str, dict]) -> dict:
    nodes = [
        (v.get("allowed"), len(v["nodes"]))
        for page in results.values()
        for v in page["axe"]["violations"]
    ]
    return {
        "violations": sum(n for allowed, n in nodes if not allowed),
        "allowed": sum(n for allowed, n in nodes if allowed),
    }


def moda_counts(results: dict[str, dict]) -> dict:
    issues = [issue for page in results.values() for issue in page["moda"]["issues"]]
    return {
        "failures": sum(1 for issue in issues if moda.is_blocking(issue)),
        "allowed": sum(1 for issue in issues if issue["status"] == "fail" and issue.get("allowed")),
        "custom_items": sum(1 for issue in issues if moda.is_custom_item(issue)),
    }


def summarise(
    results: dict[str, dict], today: datetime.date, audited_now: dict[str, set[str]]
) -> dict:
    """Counts for the reports, the console and the statement; `complete` only if every page was
    audited now or taken from the cache by every engine, and none is in error."""
    counts = {engine: engine_counts(results, engine, audited_now[engine]) for engine in ENGINES}
    counts["axe"].update(axe_counts(results))
    counts["moda"].update(moda_counts(results))
    complete = all(
        c["audited"] + c["cached"] == len(results) and c["errors"] == 0 for c in counts.values()
    )
    return {
        "date": today.isoformat(),
        "pages": len(results),
        "pages_by_lang": dict(sorted(Counter(page["lang"] for page in results.values()).items())),
        **counts,
        "complete": complete,
    }


def npm_version(package: str, root: Path = Path("node_modules")) -> str:
    """The installed version of a pinned npm tool, or '' if it is not installed."""
    try:
        return json.loads((root / package / "package.json").read_text(encoding="utf-8"))["version"]
    except (FileNotFoundError, KeyError, json.JSONDecodeError):
        return ""


def record_of(report: dict) -> dict:
    """What the statement shows: date, standard, pages per language, results and tool versions."""
    summary, engine = report["summary"], report["engine"]
    return {
        "date": summary["date"],
        "standard": STANDARD,
        "pages_by_lang": summary["pages_by_lang"],
        "violations": summary["axe"]["violations"] + summary["axe"]["errors"],
        "allowed": summary["axe"]["allowed"],
        "national": {
            "spec": moda.SPEC,
            "level": moda.LEVEL,
            "checks": engine["moda_checks"],
            "failures": summary["moda"]["failures"] + summary["moda"]["errors"],
        },
        "tools": {
            "axe-core": engine["axe"],
            "Nu Html Checker": npm_version("vnu-jar"),
            "a11y-moda": engine["moda"],
        },
        "tags": report["config"]["tags"],
    }


def write_record(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(record_of(report), indent=2, ensure_ascii=False, sort_keys=True) + "\n",
        encoding="utf-8",
    )


def record_differences(path: Path, report: dict) -> list[str]:
    """How the record in `path` differs from this audit's (the date aside); [] if it does not."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as error:
        return [f"the record cannot be read ({type(error).__name__})"]
    new = record_of(report)
    return [
        f"{key}: {old.get(key)!r} in the record, {new.get(key)!r} now"
        for key in sorted(set(old) | set(new))
        if key != "date" and old.get(key) != new.get(key)
    ]
