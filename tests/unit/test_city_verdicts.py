"""The city build's verdicts (site_build/city.py): an office whose gate gave no verdict (the gate
process stopped) is a failed office, one line each; the last line counts builds and audits apart."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from site_build import city


def built(site: Path, ok: bool = True) -> city.SiteResult:
    return city.SiteResult(site, ok, 1.0, 118 if ok else 0, 0, 6, 70, "")


def test_an_office_without_a_verdict_fails_with_its_own_line(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")  # the gate's process stops at once, judging nothing
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    verdicts = city.audit_all([built(Path("sites/a")), built(Path("sites/b"), ok=False), built(Path("sites/c"))],
                              {}, stream=out)
    assert out.getvalue().splitlines() == [
        "gate: sites/a FAILED: the gate stopped (exit 1) before judging it",
        "gate: sites/c FAILED: the gate stopped (exit 1) before judging it"]
    assert set(verdicts) == {"sites/a", "sites/c"} and not any(v["ok"] for v in verdicts.values())


def test_the_summary_counts_builds_and_audits_apart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    results = [built(Path("sites/a")), built(Path("sites/b"), ok=False), built(Path("sites/c"))]
    verdicts = {"sites/a": {"ok": True, "audited": 118}, "sites/c": {"ok": False, "audited": 117}}
    line = city.summary(results, 12.0, verdicts)
    assert line.startswith("city: 3 site(s), 2 built, 1 failed (sites/b); audited 2: 1 passed, 1 failed (sites/c), "
                           "235 pages audited; 236 HTML pages"), line
    assert "audited" not in city.summary(results, 12.0), "without --audit, nothing is said about an audit"
