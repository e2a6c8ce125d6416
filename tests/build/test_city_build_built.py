"""A city build (`python -m site_build build-all`, make build-all): every office's site under a
folder or named in a list, built one after the other with one forms cache, so the national forms
are made once for the whole city; one result line per site; a site's mistake is reported with its
own path and never stops the sites after it; the exit status says that one failed."""

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

OWN_PAGES = ("privacy.zh-tw", "privacy.en", "open-data.zh-tw", "open-data.en")
NODE = ["--set", f"SEARCH_NODE_MODULES={json.dumps(str(ROOT / 'node_modules'))}"]


def build_all(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "site_build", "build-all", *args, *NODE], cwd=cwd,
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, "COLUMNS": "300", "PYTHONPATH": str(ROOT / "plugins")})


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Three offices, the first (alphabetically) with a news item missing its date; a fresh forms cache."""
    root = tmp_path_factory.mktemp("city")
    for slug, zh in (("a-broken", "甲"), ("b-daya", "大雅"), ("c-wuqi", "梧棲")):
        new_site(root / "sites" / slug, Office(f"臺中市{zh}區戶政事務所", f"{slug} District Household Registration "
                                               "Office", "臺中市", "Taichung City"))
    (root / "sites/a-broken/content/news/late.zh-tw.md").write_text(
        "---\ntitle: 公告\nslug: late\nlang: zh-tw\nsummary: 一則公告。\n---\n內容。\n", encoding="utf-8")
    return root, build_all(root, "--sites", "sites", "--cache", str(root / "city-cache"))


def test_each_site_gets_one_result_line_and_a_failure_stops_none(city):
    root, done = city
    results = [line for line in done.stdout.splitlines() if line.startswith("city: sites/")]
    assert [line.split()[1] for line in results] == ["sites/a-broken", "sites/b-daya", "sites/c-wuqi"], done.stdout
    assert "FAILED" in results[0] and " ok: " in results[1] and " ok: " in results[2]
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1].startswith("city: 3 site(s), 2 built, 1 failed (sites/a-broken)")
    assert "sites/a-broken/content/news/late.zh-tw.md:2: header [missing-key]" in done.stdout
    assert not (root / "sites/a-broken/output").exists()
    for site in ("b-daya", "c-wuqi"):
        assert (root / "sites" / site / "output/en/guides/birth/index.html").is_file()


def test_the_national_forms_and_pages_are_made_once_for_the_city(city):
    _, done = city
    built = [re.search(r"(\d+) form files made, (\d+) of (\d+) content files rendered", line).groups()
             for line in done.stdout.splitlines() if " ok: " in line]
    (forms_1, rendered_1, files_1), (forms_2, rendered_2, _) = [tuple(map(int, b)) for b in built]
    assert forms_1 > 20 and forms_2 == 0, done.stdout  # the first good site made them; the next took them
    assert rendered_1 == files_1 > 50, done.stdout
    assert rendered_2 == len(OWN_PAGES), "only the office's own pages (its name is in them) are rendered again"


def test_a_list_file_names_the_sites_and_a_wrong_entry_is_one_line(city, tmp_path):
    root, _ = city
    (root / "offices.txt").write_text("# the city's offices\nsites/b-daya\nsites/nowhere\n", encoding="utf-8")
    done = build_all(root, "--list", "offices.txt", "--cache", str(root / "city-cache"))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith("sites/nowhere: build-all [not-a-site]: there is no pelicanconf.py")
    assert "city: sites/b-daya" not in done.stdout, "nothing is built while the list is wrong"
