"""The audit's reports: JSON for machines, HTML for people, and console findings."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from ..findings import Finding

HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accessibility audit: {{ summary.violations }} violation(s) on {{ summary.pages }} page(s)</title></head>
<body>
<main>
<h1>Accessibility audit</h1>
<p>{{ summary.date }} · axe-core {{ engine.axe }} · Chromium {{ engine.chromium or "not started (all cached)" }} ·
tags {{ config.tags|join(", ") }} · {{ summary.pages }} page(s), {{ summary.audited }} audited now,
{{ summary.cached }} from cache · <strong>{{ summary.violations }} blocking violation(s)</strong>,
{{ summary.allowed }} allowed by the allow-list.</p>
{% if config.disabled %}<h2>Rules switched off</h2><ul>
{% for rule, reason in config.disabled.items() %}<li><code>{{ rule }}</code>: {{ reason }}</li>{% endfor %}</ul>{% endif %}
<h2>Pages with problems</h2>
{% for name, page in pages.items() if page.violations or page.get("error") %}
<section><h3>{{ name }} ({{ page.lang }})</h3>
{% if page.get("error") %}<p>Audit error: {{ page.error }}</p>{% endif %}
{% for v in page.violations %}
<h4><code>{{ v.id }}</code> ({{ v.impact }}){% if v.allowed %} — allowed: {{ v.allowed }}{% endif %}</h4>
<p>{{ v.help }}. <a href="{{ v.helpUrl }}">How to fix {{ v.id }}</a></p>
<ul>{% for node in v.nodes %}<li><code>{{ node.target }}</code><pre>{{ node.html }}</pre><p>{{ node.failureSummary }}</p></li>{% endfor %}</ul>
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


def findings(pages: dict[str, dict]) -> list[Finding]:
    """One Finding per failing element of every blocking violation, and per audit error."""
    found = []
    for name, page in pages.items():
        if page.get("error"):
            found.append(Finding("axe", name, "(page)", f"the audit could not run: {page['error']}",
                                 "Open the page in a browser and fix what stops it loading.", "audit-error"))
        for violation in page["violations"]:
            if violation.get("allowed"):
                continue
            for node in violation["nodes"]:
                found.append(Finding(
                    "axe", name, node["target"], f"{violation['help']}.",
                    " ".join(node["failureSummary"].split()) or "see the rule's help page.",
                    violation["id"], violation["helpUrl"]))
    return found
