"""The §7(5) plan pages, with the measures table, pass the whole gate in both languages: the Nu
HTML Checker, axe-core in Chromium, the national rules (a11y-moda, in the browser and as a
source lint); the table has a caption, header cells with scope and stacks at 320 px (the
no-broken-word check over every table page is tests/browser/test_narrow_tables.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from site_checks.__main__ import main as site_checks
from site_checks.national_lint import lint_findings
from support import parse

pytestmark = pytest.mark.browser
PLAN = "disclosures/service-quality-plan-2008/index.html"
PAGES = [PLAN, f"en/{PLAN}"]
WEIGHTS = ["40%", "24%", "16%", "12%", "8%"]


@pytest.mark.parametrize("page", PAGES)
def test_the_plan_table_has_a_caption_scoped_headers_and_stacking_labels(real_site, page):
    [table] = parse(real_site.output / page).select("main table")
    assert table.caption.get_text() in ("97年度提升服務品質執行計畫的五項措施",
                                        "The five measures of the 2008 service quality plan")
    headers = table.thead.select("th")
    assert len(headers) == 4 and all(th["scope"] == "col" for th in headers)
    assert "stack" in table["class"]
    rows = table.tbody.select("tr")
    assert [row.select("td")[1].get_text() for row in rows] == WEIGHTS
    for row in rows:
        assert [cell["data-label"] for cell in row.select("td")] == [th.get_text() for th in headers]


def test_the_plan_pages_pass_the_html_check_axe_and_the_national_rules(real_site, tmp_path, capsys):
    only = "*" + PLAN
    html = site_checks(["html", "--site", str(real_site.output), "--only", only, "--all",
                        "--cache", str(tmp_path / "html.json")])
    audit = site_checks(["audit", "--site", str(real_site.output), "--only", only, "--all", "--workers", "1",
                         "--report-dir", str(tmp_path / "report"), "--cache-dir", str(tmp_path / "cache")])
    printed = capsys.readouterr().out
    assert (html, audit) == (0, 0), printed
    assert "HTML validation: 2 file(s) found, 2 checked" in printed
    report = json.loads((tmp_path / "report/audit.json").read_text(encoding="utf-8"))
    assert sorted(report["pages"]) == sorted(PAGES)
    for result in report["pages"].values():
        assert result["axe"]["violations"] == [] and not result["axe"]["error"]
        assert not result["moda"]["error"]
        assert [i for i in result["moda"]["issues"] if i["status"] not in ("info", "pass")] == []


def test_the_plan_pages_pass_the_national_rules_source_lint(real_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(real_site.output / "theme", site / "theme")
    for page in PAGES:
        (site / page).parent.mkdir(parents=True)
        shutil.copy(real_site.output / page, site / page)
    assert lint_findings(site) == []
