"""Reproducible builds: the same commit built twice gives byte-identical output, every file under
output/ (pages, forms' PDF and ODT, feeds, sitemap, open data, the .gz copies). The second build
runs on another clock (faketime, two days on) in another time zone, with the forms generated
afresh, so no date can come from the clock."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from support import ROOT


def digests(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(real_site, tmp_path):
    output = tmp_path / "again"
    result = subprocess.run(
        ["faketime", "-f", "+2d", sys.executable, "-m", "site_build", "build", "--settings", "pelicanconf.py",
         "--content", "content", "--output", str(output), "--set", f'FORMS_CACHE_DIR="{tmp_path / "forms-cache"}"'],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "TZ": "America/New_York", "PYTHONPATH": str(ROOT / "plugins")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"forms: (\d+) files, \1 regenerated", result.stdout + result.stderr)  # made afresh
    first, second = digests(real_site.output), digests(output)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    kinds = {Path(name).suffix for name in first}
    assert {".html", ".pdf", ".odt", ".xml", ".json", ".csv", ".gz", ".txt"} <= kinds
    assert {"sitemap.xml", "feeds/zh-tw.atom.xml", "forms.csv", "guides.json", "index.html.gz"} <= set(first)
