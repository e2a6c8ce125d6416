"""A city build with its audit (`python -m site_build build-all --audit`): every office built is
put through the gate of its own `make test` (links, national rules, the Nu HTML Checker, axe-core
in Chromium), one shared run for the city, one verdict per office. An office whose content is
wrong fails alone; an office whose page the audit refuses is reported with its own page's path and
fails alone; the others are still built AND audited. (To keep it quick, the HTML check and the
browser take only the news pages, `--audit-only`; links and the national lint take every page.)"""

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
NODE = ["--set", f"SEARCH_NODE_MODULES={json.dumps(str(ROOT / 'node_modules'))}"]
NEWS = "---\ntitle: {title}\nslug: notice\nlang: {lang}\ndate: 2026-11-02\nsummary: {title}\n---\n{body}\n"
SITES = ("a-broken", "b-button", "c-wuqi")


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Three offices: the first with a news item missing its date (the build refuses it), the
    second with a button without a name in a news item (the build lets it through, axe-core
    refuses it), the third as new-site makes it, with a news item."""
    root = tmp_path_factory.mktemp("city")
    for slug, zh in zip(SITES, ("甲", "乙", "梧棲"), strict=True):
        site = root / "sites" / slug
        new_site(site, Office(f"臺中市{zh}區戶政事務所", f"{slug} District Household Registration Office",
                              "臺中市", "Taichung City"))
        body = '公告內容。\n\n<button type="button"></button>' if slug == "b-button" else "公告內容。"
        (site / "content/news/notice.zh-tw.md").write_text(NEWS.format(title="公告", lang="zh-tw", body=body),
                                                          encoding="utf-8")
        (site / "content/news/notice.en.md").write_text(NEWS.format(title="Notice", lang="en", body="The notice."),
                                                       encoding="utf-8")
    (root / "sites/a-broken/content/news/late.zh-tw.md").write_text(
        "---\ntitle: 公告\nslug: late\nlang: zh-tw\nsummary: 一則公告。\n---\n內容。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "site_build", "build-all", "--sites", "sites", "--cache",
                           str(root / "city-cache"), "--audit", "--audit-only", "*news/*", *NODE],
                          cwd=root, capture_output=True, text=True, timeout=1200,
                          env={**os.environ, "COLUMNS": "300", "PYTHONPATH": str(ROOT / "plugins")})
    return root, done


def test_each_office_is_built_then_audited_with_one_line_each_in_order(city):
    _, done = city
    lines = done.stdout.splitlines()
    built = [line.split()[1] for line in lines if line.startswith("city: sites/")]
    audited = [line.split()[1] for line in lines if line.startswith("gate: ")]
    assert built == [f"sites/{site}" for site in SITES], done.stdout
    assert audited == ["sites/b-button", "sites/c-wuqi"], "every office built is audited, the failed one is not"
    assert lines.index(next(line for line in lines if line.startswith("city: sites/c-wuqi"))) < lines.index(
        next(line for line in lines if line.startswith("gate: ")))


def test_a_content_mistake_fails_its_office_alone(city):
    root, done = city
    assert "sites/a-broken/content/news/late.zh-tw.md:2: header [missing-key]" in done.stdout
    assert re.search(r"^city: sites/a-broken FAILED", done.stdout, re.M)
    assert not (root / "sites/a-broken/output").exists()
    assert re.search(r"^city: sites/b-button ok: \d+ HTML pages", done.stdout, re.M)


def test_an_audit_failure_is_reported_against_its_office_only(city):
    root, done = city
    problems = [line for line in done.stdout.splitlines() if " axe [" in line or " html [" in line
                or " moda [" in line or " links [" in line]
    assert problems, done.stdout
    assert all(line.startswith("sites/b-button/output/") for line in problems), problems
    assert any(line.startswith("sites/b-button/output/news/notice/index.html") and "axe [button-name]" in line
               for line in problems), problems
    failed = re.search(r"^gate: sites/b-button FAILED: (\d+) pages audited, (\d+) problem", done.stdout, re.M)
    assert failed and int(failed.group(1)) >= 4, done.stdout
    assert (root / "sites/b-button/reports/audit/audit.json").is_file(), "the office gets its own audit report"


def test_a_clean_office_passes_with_every_selected_page_audited(city):
    root, done = city
    passed = re.search(r"^gate: sites/c-wuqi ok: (\d+) pages audited", done.stdout, re.M)
    news = [p for p in (root / "sites/c-wuqi/output").rglob("*.html") if "news/" in p.relative_to(
        root / "sites/c-wuqi/output").as_posix()]
    assert passed and int(passed.group(1)) == len(news) >= 4, done.stdout
    report = json.loads((root / "sites/c-wuqi/reports/audit/audit.json").read_text(encoding="utf-8"))
    assert report["summary"]["complete"] and report["summary"]["pages"] == len(news)


def test_the_summary_and_exit_status_count_both_kinds_of_failure(city):
    _, done = city
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1].startswith(
        "city: 3 site(s), 2 built, 1 failed (sites/a-broken); audited 2: 1 passed, 1 failed (sites/b-button)")
