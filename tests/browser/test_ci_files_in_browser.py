"""The CI files for the office's git host (.github/workflows/site.yml, .gitlab-ci.yml): valid
against their published schemas (check-jsonschema's built-in copies), `make test` on every
push, the audit in 2 shards on main merged before `make publish`, which runs only on main
after the tests. Also: merging two shards' results gives one complete audit and its record."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support import ROOT


def run_checks(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "site_checks", *args], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"}, timeout=600)


@pytest.mark.browser
def test_two_shards_merged_give_one_complete_audit_and_its_record(fixture_site, tmp_path):
    site = str(fixture_site.output)
    for shard in ("1/2", "2/2"):
        folder = tmp_path / "shards" / shard[0]
        result = run_checks("audit", "--site", site, "--all", "--shard", shard, "--cache-dir", str(folder / "audit"),
                            "--report-dir", str(tmp_path / "reports" / shard[0]))
        assert result.returncode == 0, result.stdout
    merged = run_checks("merge-caches", "--into", str(tmp_path / "cache"), str(tmp_path / "shards/1"),
                        str(tmp_path / "shards/2"))
    assert merged.returncode == 0, merged.stdout
    record = tmp_path / "record.json"
    whole = run_checks("audit", "--site", site, "--cache-dir", str(tmp_path / "cache/audit"),
                       "--report-dir", str(tmp_path / "reports/all"), "--record", str(record))
    assert whole.returncode == 0, whole.stdout
    assert "axe-core 4.14.1: 0 audited," in whole.stdout and ", 0 in error; national rules" in whole.stdout
    assert record.is_file() and (tmp_path / "reports/all/audit.json").is_file()
