"""The audit's reports: JSON for machines, HTML for people, and the console's findings."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from ..findings import PageFinding
from . import moda

ERROR_FIX = "Open the page in a browser and fix what stops it loading; then run the audit again."

HTML_TEMPLATE = Path(__file__).with_name("report.html")  # the report for people


def write_reports(report_dir: Path, report: dict) -> tuple[Path, Path]:
    """Write audit.json and audit.html into the report folder (never into the site)."""
    report_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = report_dir / "audit.json", report_dir / "audit.html"
    json_path.write_text(
        json.dumps(report, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8"
    )
    env = Environment(autoescape=True, undefined=StrictUndefined)
    template = env.from_string(HTML_TEMPLATE.read_text(encoding="utf-8"))
    html_path.write_text(template.render(**report), encoding="utf-8")
    return json_path, html_path


def axe_findings(name: str, result: dict) -> list[PageFinding]:
    """One PageFinding per failing element of every blocking violation, and one for an audit error."""
    found = []
    if result.get("error"):
        found.append(
            PageFinding(
                "axe",
                name,
                "",
                f"the audit could not run: {result['error']}",
                ERROR_FIX,
                "audit-error",
            )
        )
    for violation in result["violations"]:
        if violation.get("allowed"):
            continue
        for node in violation["nodes"]:
            found.append(
                PageFinding(
                    "axe",
                    name,
                    node["target"],
                    f"{violation['help']}.",
                    " ".join(node["failureSummary"].split()) or "see the rule's help page.",
                    violation["id"],
                    violation["helpUrl"],
                )
            )
    return found


def moda_finding(name: str, issue: dict) -> PageFinding:
    """A national-rule failure: page, line, 檢測碼, WCAG criterion; the fix: what the code asks."""
    return PageFinding(
        "moda",
        name,
        issue["snippet"],
        f"WCAG {issue['wcag']}: {issue['message'].rstrip('。. ')}",
        f"{issue['desc']} (a11y-moda rules show {issue['code']})",
        issue["code"],
        moda.HELP_URL,
        line=issue.get("line"),
    )


def moda_findings(name: str, result: dict) -> list[PageFinding]:
    found = [moda_finding(name, issue) for issue in result["issues"] if moda.is_blocking(issue)]
    if result.get("error"):
        found.append(
            PageFinding(
                "moda",
                name,
                "",
                f"the national rules could not be checked: {result['error']}",
                ERROR_FIX,
                "audit-error",
            )
        )
    return found


def findings(pages: dict[str, dict]) -> list[PageFinding]:
    """Every blocking problem of the audited pages, and every page in error."""
    return [
        finding
        for name, page in pages.items()
        for finding in axe_findings(name, page["axe"]) + moda_findings(name, page["moda"])
    ]


def custom_item_notes(pages: dict[str, dict]) -> list[PageFinding]:
    """a11y-moda's own audit items that failed: shown, but they do not block."""
    return [
        PageFinding(
            "moda",
            name,
            issue["snippet"],
            f"WCAG {issue['wcag']}: {issue['message']} (an a11y-moda audit item, not a MODA code: "
            "reported, not blocking)",
            issue["desc"],
            f"{issue['code']}",
            line=issue.get("line"),
        )
        for name, page in pages.items()
        for issue in page["moda"]["issues"]
        if moda.is_custom_item(issue)
    ]
