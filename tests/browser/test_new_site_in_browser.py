"""A new office's site passes the whole gate before anything is written in it: made by
`new-site`, built with the national layer, every page passes the Nu HTML Checker, axe-core in
Chromium and the national rules (a11y-moda), as `make test` of the site runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from site_build.new_site import Office, new_site
from support import ROOT

pytestmark = pytest.mark.browser  # the audit runs in Chromium


def run(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=site, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "COLUMNS": "300", "PYTHONPATH": str(ROOT / "plugins")})


def test_a_new_site_passes_the_html_check_axe_and_the_national_rules(tmp_path):
    site = tmp_path / "wuqi"
    new_site(site, Office("臺中市梧棲區戶政事務所", "Wuqi District Household Registration Office, Taichung City"))
    (site / "node_modules").symlink_to(ROOT / "node_modules")  # Pagefind, axe-core, vnu, as `npm ci` installs them
    built = run(site, "site_build", "build", "--settings", "pelicanconf.py", "--content", "content", "--output",
                "output", "--set", f"FORMS_CACHE_DIR={json.dumps(str(ROOT / '.cache' / 'forms'))}")
    assert built.returncode == 0, built.stdout + built.stderr
    pages = len(list((site / "output").rglob("*.html")))
    assert pages > 90
    html = run(site, "site_checks", "html", "--site", "output")
    assert html.returncode == 0 and "HTML validation: no problems" in html.stdout, html.stdout + html.stderr
    audit = run(site, "site_checks", "audit", "--site", "output", "--base-path", "")
    assert audit.returncode == 0, audit.stdout + audit.stderr
    found = re.search(r"audit: (\d+) page\(s\) found; axe-core [\d.]+: (\d+) audited, 0 from cache, 0 in error; "
                      r"national rules .*?: (\d+) audited, 0 from cache, 0 in error", audit.stdout)
    assert found and int(found.group(1)) > 90 and len(set(found.groups())) == 1, audit.stdout
    assert "accessibility audit: no problems" in audit.stdout
