"""The staff review page (/review/, /en/review/): made at every build, in no menu, site map,
sitemap.xml, feed or search, not indexed; it lists every declared fact with its value, source,
law and last review, every page's review date, what is not confirmed, and every statement that
asks readers to check with the office, with its page. Also: the review dates every page that
states rules shows, the lists of offices made from the guides, and `make publish` listing the
reviews that are due."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from publish_support import publishable_copy

from support import ROOT, edit


def test_make_publish_lists_the_reviews_that_are_due_without_stopping(tmp_path):
    site = publishable_copy(tmp_path)
    edit(site / "content/guides/birth.en.md", "reviewed: 2026-11-21", "reviewed:")
    edit(site / "content/data/facts.yaml", "    source: L1\n    reviewed: 2026-11-21\n  household-certificate:",
         "    source: L1\n    reviewed: 2024-01-01\n  household-certificate:")
    command = [sys.executable, "-m", "site_publish", "go-live", "--settings", str(site / "publishtest.py")]
    result = subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    lines = result.stdout.splitlines()
    due = [line for line in lines if line.startswith("warning: ")]
    assert re.fullmatch(r"warning: content/guides/birth\.en\.md:7: review \[never-reviewed\]: .*", due[0]), due
    assert re.fullmatch(r"warning: content/data/facts\.yaml:7: review \[review-due\]: `fee:registration`: the facts "
                        r"were last reviewed \d+ days ago \(2024-01-01\)\. Fix: .*", due[1]), due
    assert len(due) == 2 and "go-live: 2 review(s) due" in result.stdout
    assert result.returncode == 0, result.stdout + result.stderr  # listed, not refused
