"""Unit tests of the audit's parts: rules, allow-list, cache keys, shards, the national rules'
results, the counts that decide a pass, the record, findings."""

from __future__ import annotations

# --- the national rules' results ----------------------------------------------------------------


# --- counts, findings and the record -------------------------------------------------------------


def test_the_real_site_passes_the_national_rules_lint(real_site):
    from site_checks.national_lint import lint_findings

    assert lint_findings(real_site.output) == []


# --- pages without a result: whatever the engine returns, the run compares it with what it asked --


