"""The accessibility statement: the audit record it is given by the publishing gate (none in any
other build), both results in both languages, no redundant `lang`, and the checks people do by
hand from content/data/manual-checks.yaml, validated, with a warning when one is out of date."""

from __future__ import annotations

import datetime
import json
import textwrap

import pytest

from audit_record.manual_checks import load_manual_checks
from support import ROOT, parse, run_pelican

LANGUAGES = ["zh-tw", "en"]
TODAY = datetime.date(2026, 11, 30)
RECORD = {
    "allowed": 0,
    "date": "2026-11-30",
    "pages_by_lang": {"en": 14, "zh-Hant-TW": 15},
    "national": {"checks": 83, "failures": 0, "level": "AA", "spec": "115.11"},
    "standard": "WCAG 2.2 AA",
    "tags": ["wcag2a"],
    "tools": {"Nu Html Checker": "26.9.27", "a11y-moda": "0.6.1", "axe-core": "4.14.1"},
    "violations": 0,
}


@pytest.fixture(scope="module")
def site_with_record(tmp_path_factory):
    """The real site built as `make audit-release` builds it: with an audit record."""
    folder = tmp_path_factory.mktemp("with-record")
    record = folder / "record.json"
    record.write_text(json.dumps(RECORD), encoding="utf-8")
    build = run_pelican(
        ROOT / "content",
        ROOT / "pelicanconf.py",
        folder / "output",
        extra_settings={"AUDIT_RECORD_FILE": str(record)},
    )
    assert build.returncode == 0, build.log
    return build


def statement(output, lang):
    return parse(
        output / ("accessibility/index.html" if lang == "zh-tw" else "en/accessibility/index.html")
    )


@pytest.mark.parametrize(
    ("lang", "needle"),
    [
        ("zh-tw", "這份網站副本不顯示檢測結果。"),
        ("en", "This copy of the website shows no audit result."),
    ],
)
def test_a_build_without_the_gate_shows_no_audit_result(real_site, lang, needle):
    doc = statement(real_site.output, lang)
    assert doc.select_one("dl.audit-record") is None
    assert needle in doc.select_one("#latest-audit").find_next("p").get_text()


@pytest.mark.parametrize(
    ("lang", "needles"),
    [
        (
            "zh-tw",
            [
                "WCAG 2.2 AA",
                "中文：15 頁",
                "English：14 頁",
                "自動化檢測未發現違規項目。",
                "網站無障礙規範 115.11 AA 檢測碼：83 項檢測，0 項未通過",
                "axe-core 4.14.1",
                "a11y-moda 0.6.1",
                "Nu Html Checker 26.9.27",
                "民國115年11月30日",
            ],
        ),
        (
            "en",
            [
                "WCAG 2.2 AA",
                "中文: 15 pages",
                "English: 14 pages",
                "No violations found by the automated checks.",
                "Website Accessibility Guidelines 115.11 AA check codes: 83 checks, 0 failed",
                "axe-core 4.14.1",
                "a11y-moda 0.6.1",
                "30 November 2026",
            ],
        ),
    ],
)
def test_statement_shows_both_results_with_date_and_tools(site_with_record, lang, needles):
    doc = statement(site_with_record.output, lang)
    text = " ".join(doc.select_one("dl.audit-record").get_text().split())
    for needle in needles:
        assert needle in text, text
    assert doc.select_one("dl.audit-record time")["datetime"] == "2026-11-30"
    note = doc.select_one("dl.audit-record").find_next("p").get_text()
    assert "a11y-moda" in note and "Freego" in note


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statement_marks_only_the_other_language(site_with_record, lang):
    """MODA HM2310200C: a `lang` equal to the page's own is an error; the other one is marked."""
    doc = statement(site_with_record.output, lang)
    page_lang = doc.html["lang"]
    main_langs = [element["lang"] for element in doc.main.select("[lang]")]
    assert page_lang not in main_langs
    other = "en" if lang == "zh-tw" else "zh-Hant-TW"
    assert other in main_langs


def closest_lang(node) -> str:
    return next((parent["lang"] for parent in node.parents if parent.has_attr("lang")), "")


def test_the_chinese_statement_marks_every_english_tool_and_standard_name(site_with_record):
    """Each tool of the record, the standard and the national rules' official checker are English
    names: on the Chinese page every occurrence is inside an element with lang="en" (HM2310200C
    on the English page is the other test's)."""
    main = statement(site_with_record.output, "zh-tw").main
    names = [*RECORD["tools"], RECORD["standard"], "a11y-moda", "Freego"]
    for name in names:
        texts = main.find_all(string=lambda text, name=name: name in text)
        assert texts, f"{name} is not on the page"
        unmarked = [str(text) for text in texts if not closest_lang(text).startswith("en")]
        assert unmarked == [], f"{name} without lang=en: {unmarked}"
    tools = main.select_one("dl.audit-record").find("dt", string="檢測工具").find_next_sibling("dd")
    assert sorted(span.get_text() for span in tools.select("[lang=en]")) == sorted(RECORD["tools"])


@pytest.mark.parametrize(
    ("lang", "header", "not_done"),
    [
        ("zh-tw", ["檢查項目", "檢查方式", "最近一次檢查日期"], "尚未檢查"),
        ("en", ["Check", "How it is done", "Last done"], "Not done yet"),
    ],
)
def test_statement_lists_the_manual_checks(real_site, lang, header, not_done):
    table = statement(real_site.output, lang).select_one("#manual-checks ~ table")
    assert [th.get_text() for th in table.thead.select("th")] == header
    rows = table.tbody.select("tr")
    checks = load_manual_checks(ROOT / "content/data/manual-checks.yaml", LANGUAGES, TODAY).checks
    assert [row.th.get_text() for row in rows] == [check.name[lang] for check in checks]
    assert {check.id for check in checks} >= {
        "alt-text",
        "reading-order",
        "clear-language",
        "captions",
        "accesskeys",
        "zoom",
    }
    for row, check in zip(rows, checks, strict=True):
        last = row.select("td")[-1]
        if check.last_checked is None:
            assert last.get_text() == not_done
        else:
            assert last.time["datetime"] == check.last_checked.isoformat()


# --- the manual-checks file ---------------------------------------------------------------------

CHECK = """\
checks:
  - id: zoom
    name: {{zh-tw: 放大, en: Zoom}}
    how: {{zh-tw: 放大到 400%, en: Zoom to 400 %}}
{last}"""


def write_checks(tmp_path, text: str):
    path = tmp_path / "manual-checks.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_build_prints_each_warning_once(tmp_path):
    path = write_checks(tmp_path, CHECK.format(last="    last_checked: 2020-01-02\n"))
    build = run_pelican(
        ROOT / "tests/fixtures/site/content",
        ROOT / "tests/fixtures/site/fixtureconf.py",
        tmp_path / "output",
        extra_settings={"AUDIT_RECORD_MANUAL_CHECKS": str(path)},
    )
    assert build.returncode == 0, build.log
    warning = (
        f"{path.as_posix()}:2: manual-checks [stale]: warning: the check `zoom` was last done "
        "on 2020-01-02, more than 12 months before today. Fix: do the check as its `how` says, "
        "then set its last_checked to that day"
    )
    assert build.log.splitlines().count(warning) == 1, build.log
