"""The benchmark keeps working: `make bench` at PAGES=20 runs every step and prints every figure."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT

KEYS = ("build_s", "plain_pelican_s", "build_ratio", "rebuild_nochange_s", "rebuild_onepage_s", "forms_cold_s",
        "forms_warm_regenerated", "audit_pages_per_s", "audit_incremental_s", "peak_rss_mb", "page_gzip_kb",
        "search_index_s", "search_query_kb")


def test_the_benchmark_runs_at_twenty_pages():
    result = subprocess.run([sys.executable, str(ROOT / "tests/bench/bench_site.py"), "--pages", "20"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("bench: ")
    figures = dict(pair.split("=") for pair in last.removeprefix("bench: ").split())
    assert set(KEYS) <= set(figures), sorted(set(KEYS) - set(figures))
    assert float(figures["forms_warm_regenerated"]) == 0 and float(figures["pages"]) > 20
