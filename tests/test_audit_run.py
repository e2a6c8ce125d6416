"""The audit end to end: the real site passes with zero violations, the cache skips unchanged
pages, shards cover every page once, and an expired allow-list entry fails the gate."""

from __future__ import annotations

import functools
import json
import re
import shutil

from site_checks.__main__ import main as site_checks

PAGE = "en/guides/birth/index.html"


def run_audit(site, tmp_path, *extra):
    return site_checks(["audit", "--site", str(site), "--report-dir", str(tmp_path / "report"),
                        "--cache", str(tmp_path / "cache.json"), *extra])


def audit_english(*extra, site, tmp_path):
    """Audit only the English pages with one browser: enough to show the cache at work."""
    return run_audit(site, tmp_path, "--only", "en/*", "--workers", "1", *extra)


def counts(printed: str) -> tuple[int, int]:
    match = re.search(r"(\d+) audited, (\d+) from cache", printed)
    assert match, printed
    return int(match[1]), int(match[2])


def test_real_site_has_zero_violations_in_both_languages(real_site, tmp_path, capsys):
    code = run_audit(real_site.output, tmp_path, "--all", "--record", str(tmp_path / "record.json"))
    printed = capsys.readouterr().out
    assert code == 0, printed
    record = json.loads((tmp_path / "record.json").read_text())
    assert record["violations"] == 0
    assert record["pages_by_lang"]["zh-Hant-TW"] == record["pages_by_lang"]["en"] > 10
    report = json.loads((tmp_path / "report/audit.json").read_text())
    assert report["engine"]["axe"] == "4.14.1" and report["engine"]["chromium"]


def test_unchanged_pages_are_not_audited_again(fixture_site, tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(fixture_site.output, site)
    total = len(list((site / "en").rglob("*.html")))
    run_audit = functools.partial(audit_english, site=site, tmp_path=tmp_path)
    assert run_audit() == 0
    assert counts(capsys.readouterr().out) == (total, 0)
    assert run_audit() == 0
    assert counts(capsys.readouterr().out) == (0, total)
    page = site / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("Within 60 days", "Within sixty days"), encoding="utf-8")
    assert run_audit() == 0
    assert counts(capsys.readouterr().out) == (1, total - 1)
    assert run_audit("--all") == 0
    assert counts(capsys.readouterr().out) == (total, 0)


def test_shards_together_audit_every_page_once(fixture_site, tmp_path, capsys):
    seen = []
    for shard in ("1/2", "2/2"):
        assert run_audit(fixture_site.output, tmp_path / shard.replace("/", "-"), "--shard", shard,
                         "--only", "en/*", "--workers", "1") == 0
        capsys.readouterr()
        report = json.loads((tmp_path / shard.replace("/", "-") / "report/audit.json").read_text())
        seen += list(report["pages"])
    assert sorted(seen) == sorted(p.relative_to(fixture_site.output).as_posix()
                                  for p in (fixture_site.output / "en").rglob("*.html"))


def test_expired_allowlist_entry_fails_before_auditing(fixture_site, tmp_path, capsys):
    allow = tmp_path / "allow.toml"
    allow.write_text('[[allow]]\npage = "*"\nrule = "region"\nreason = "old"\nexpires = 2020-01-01\n')
    assert run_audit(fixture_site.output, tmp_path, "--allowlist", str(allow)) == 2
    assert "expired on 2020-01-01" in capsys.readouterr().err
