"""The audit's reports: JSON for machines, HTML for people, and the console's findings."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from ..findings import Finding
from . import moda

ERROR_FIX = "Open the page in a browser and fix what stops it loading; then run the audit again."

HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accessibility audit: {{ summary.axe.violations }} axe violation(s), {{ summary.moda.failures }} national-rule
failure(s) on {{ summary.pages }} page(s)</title></head>
<body>
<main>
<h1>Accessibility audit</h1>
<p>{{ summary.date }} · {{ summary.pages }} page(s) found ·
{% if summary.complete %}every page audited{% else %}<strong>INCOMPLETE: some pages were not audited</strong>{% endif %}</p>
<table>
<caption>Results by checker</caption>
<thead><tr><th scope="col">Checker</th><th scope="col">Audited now</th><th scope="col">From cache</th>
<th scope="col">In error</th><th scope="col">Blocking</th><th scope="col">Allowed</th></tr></thead>
<tbody>
<tr><th scope="row">axe-core {{ engine.axe }} in Chromium {{ engine.chromium or "(not started: all cached)" }},
tags {{ config.tags|join(", ") }}</th>
<td>{{ summary.axe.audited }}</td><td>{{ summary.axe.cached }}</td><td>{{ summary.axe.errors }}</td>
<td>{{ summary.axe.violations }} element(s)</td><td>{{ summary.axe.allowed }}</td></tr>
<tr><th scope="row">網站無障礙規範 {{ national.spec }} {{ national.level }}: a11y-moda {{ engine.moda }},
{{ engine.moda_checks }} check codes (an unofficial community tool; the official checker is Freego)</th>
<td>{{ summary.moda.audited }}</td><td>{{ summary.moda.cached }}</td><td>{{ summary.moda.errors }}</td>
<td>{{ summary.moda.failures }} failure(s)</td><td>{{ summary.moda.allowed }}</td></tr>
</tbody>
</table>
<p>a11y-moda's own audit items (not MODA codes) reported, not blocking: {{ summary.moda.custom_items }}.</p>
{% if config.disabled %}<h2>axe rules switched off</h2><ul>
{% for rule, reason in config.disabled.items() %}<li><code>{{ rule }}</code>: {{ reason }}</li>{% endfor %}</ul>{% endif %}
<h2>Pages with problems</h2>
{% for name, page in pages.items() if page.axe.violations or page.axe.error or page.moda.issues or page.moda.error %}
<section><h3>{{ name }} ({{ page.lang }})</h3>
{% if page.axe.error %}<p>axe could not audit this page: {{ page.axe.error }}</p>{% endif %}
{% if page.moda.error %}<p>The national rules could not be checked: {{ page.moda.error }}</p>{% endif %}
{% for v in page.axe.violations %}
<h4>axe <code>{{ v.id }}</code> ({{ v.impact }}){% if v.allowed %} — allowed: {{ v.allowed }}{% endif %}</h4>
<p>{{ v.help }}. <a href="{{ v.helpUrl }}">How to fix {{ v.id }}</a></p>
<ul>{% for node in v.nodes %}<li><code>{{ node.target }}</code><pre>{{ node.html }}</pre><p>{{ node.failureSummary }}</p></li>{% endfor %}</ul>
{% endfor %}
{% for issue in page.moda.issues %}
<h4>檢測碼 <code>{{ issue.code }}</code>, WCAG {{ issue.wcag }}, {{ issue.status }}{% if issue.spec == "local" %} (a11y-moda's own item, not blocking){% endif %}{% if issue.allowed %} — allowed: {{ issue.allowed }}{% endif %}</h4>
<p lang="zh-Hant-TW">{{ issue.desc }}：{{ issue.message }}</p>
{% if issue.snippet %}<pre>{% if issue.line %}line {{ issue.line }}: {% endif %}{{ issue.snippet }}</pre>{% endif %}
{% endfor %}
</section>
{% else %}<p>None.</p>
{% endfor %}
</main>
</body>
</html>
"""


def write_reports(report_dir: Path, report: dict) -> tuple[Path, Path]:
    """Write audit.json and audit.html into the report folder (never into the site)."""
    report_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = report_dir / "audit.json", report_dir / "audit.html"
    json_path.write_text(json.dumps(report, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    env = Environment(autoescape=True, undefined=StrictUndefined)
    html_path.write_text(env.from_string(HTML_TEMPLATE).render(**report), encoding="utf-8")
    return json_path, html_path


def axe_findings(name: str, result: dict) -> list[Finding]:
    """One Finding per failing element of every blocking violation, and one for an audit error."""
    found = []
    if result.get("error"):
        found.append(Finding("axe", name, "", f"the audit could not run: {result['error']}", ERROR_FIX,
                             "audit-error"))
    for violation in result["violations"]:
        if violation.get("allowed"):
            continue
        for node in violation["nodes"]:
            found.append(Finding(
                "axe", name, node["target"], f"{violation['help']}.",
                " ".join(node["failureSummary"].split()) or "see the rule's help page.",
                violation["id"], violation["helpUrl"]))
    return found


def moda_finding(name: str, issue: dict) -> Finding:
    """A national-rule failure: page, line, 檢測碼 and WCAG criterion; the fix is what the code asks."""
    return Finding("moda", name, issue["snippet"], f"WCAG {issue['wcag']}: {issue['message'].rstrip('。. ')}",
                   f"{issue['desc']} (a11y-moda rules show {issue['code']})", issue["code"], moda.HELP_URL,
                   line=issue.get("line"))


def moda_findings(name: str, result: dict) -> list[Finding]:
    found = [moda_finding(name, issue) for issue in result["issues"] if moda.is_blocking(issue)]
    if result.get("error"):
        found.append(Finding("moda", name, "", f"the national rules could not be checked: {result['error']}",
                             ERROR_FIX, "audit-error"))
    return found


def findings(pages: dict[str, dict]) -> list[Finding]:
    """Every blocking problem of the audited pages, and every page in error."""
    return [finding for name, page in pages.items()
            for finding in axe_findings(name, page["axe"]) + moda_findings(name, page["moda"])]


def custom_item_notes(pages: dict[str, dict]) -> list[Finding]:
    """a11y-moda's own audit items that failed: shown, but they do not block."""
    return [Finding("moda", name, issue["snippet"],
                    f"WCAG {issue['wcag']}: {issue['message']} (an a11y-moda audit item, not a MODA code: "
                    "reported, not blocking)", issue["desc"], f"{issue['code']}", line=issue.get("line"))
            for name, page in pages.items() for issue in page["moda"]["issues"] if moda.is_custom_item(issue)]
