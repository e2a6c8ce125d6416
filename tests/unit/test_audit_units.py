"""Unit tests of the audit's parts: rules, allow-list, cache keys, shards, the national rules'
results, the counts that decide a pass, the record, findings."""

from __future__ import annotations

import datetime
import json

import pytest
from a11y_moda.models import Issue, Level, PageReport

from site_checks.audit import moda
from site_checks.audit.cache import assets_fingerprint, page_key
from site_checks.audit.cli import html_lang, mark_allowed, unaudited
from site_checks.audit.config import AuditConfigError, load_allowlist, load_rules
from site_checks.audit.engine import axe_version
from site_checks.audit.record import record_differences, summarise, write_record
from site_checks.audit.report import custom_item_notes, findings
from site_checks.cache import ResultCache
from site_checks.pages import PageSelectionError, parse_shard, select_pages
from support import ROOT

TODAY = datetime.date(2026, 11, 26)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_project_rules_block_wcag22_aa_and_best_practice():
    rules = load_rules(ROOT / ".ci/axe-rules.toml")
    assert rules.tags == ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
    options = json.loads(rules.axe_options())
    assert options["runOnly"]["values"] == list(rules.tags)
    assert options["resultTypes"] == ["violations"]


def test_a_disabled_rule_needs_a_reason_and_changes_the_fingerprint(tmp_path):
    with pytest.raises(AuditConfigError, match="have no reason"):
        load_rules(write(tmp_path, "r.toml", 'tags = ["wcag2a"]\n[disabled]\nregion = ""\n'))
    off = load_rules(write(tmp_path, "r2.toml", 'tags = ["wcag2a"]\n[disabled]\nregion = "why"\n'))
    on = load_rules(write(tmp_path, "r3.toml", 'tags = ["wcag2a"]\n'))
    assert json.loads(off.axe_options())["rules"] == {"region": {"enabled": False}}
    assert off.fingerprint() != on.fingerprint()


ENTRY = (
    '[[allow]]\npage = "en/news/*"\nrule = "{rule}"\nreason = "vendor fix due"\nexpires = {date}\n'
)


def test_allowlist_entry_covers_matching_pages_and_rule_only(tmp_path):
    (entry,) = load_allowlist(
        write(tmp_path, "a.toml", ENTRY.format(rule="color-contrast", date="2027-01-31")), TODAY
    )
    assert entry.covers("en/news/x/index.html", "color-contrast")
    assert not entry.covers("news/x/index.html", "color-contrast")
    assert not entry.covers("en/news/x/index.html", "link-name")


def test_expired_or_incomplete_allowlist_entry_fails(tmp_path):
    with pytest.raises(AuditConfigError, match="expired on 2026-11-25"):
        load_allowlist(write(tmp_path, "a.toml", ENTRY.format(rule="x", date="2026-11-25")), TODAY)
    with pytest.raises(AuditConfigError, match="page, rule, reason and expires"):
        load_allowlist(write(tmp_path, "b.toml", '[[allow]]\npage = "x"\nrule = "y"\n'), TODAY)
    assert load_allowlist(ROOT / ".ci/audit-allowlist.toml", TODAY) == ()


def test_cache_key_changes_with_page_assets_engine_and_rules(tmp_path):
    base = page_key(b"<p>x</p>", "css1", "4.14.1", "r1")
    assert base == page_key(b"<p>x</p>", "css1", "4.14.1", "r1")
    assert (
        len(
            {
                base,
                page_key(b"<p>y</p>", "css1", "4.14.1", "r1"),
                page_key(b"<p>x</p>", "css2", "4.14.1", "r1"),
                page_key(b"<p>x</p>", "css1", "4.15.0", "r1"),
                page_key(b"<p>x</p>", "css1", "4.14.1", "r2"),
            }
        )
        == 5
    )
    site = tmp_path / "site"
    (site / "theme").mkdir(parents=True)
    (site / "theme/a.css").write_text("a{}")
    before = assets_fingerprint(site)
    (site / "theme/a.css").write_text("a{color:red}")
    assert assets_fingerprint(site) != before


def test_cache_round_trip(tmp_path):
    cache = ResultCache(tmp_path / "c/results.json")
    cache.put("index.html", "k1", {"violations": []})
    cache.save()
    again = ResultCache(tmp_path / "c/results.json")
    assert again.get("index.html", "k1") == {"violations": []}
    assert again.get("index.html", "k2") is None
    write(tmp_path, "broken.json", "[1, 2")
    assert ResultCache(tmp_path / "broken.json").get("index.html", "k1") is None


def test_shards_split_pages_without_overlap(tmp_path):
    for name in ["a", "b", "c", "d", "e"]:
        write(tmp_path, f"{name}.html", name)
    shards = [set(select_pages(tmp_path, (i, 3))) for i in (1, 2, 3)]
    assert set.union(*shards) == {f"{n}.html" for n in "abcde"}
    assert sum(map(len, shards)) == 5
    assert set(select_pages(tmp_path, (1, 1), "[ab].html")) == {"a.html", "b.html"}
    for bad in ("0/2", "3/2", "x"):
        with pytest.raises(PageSelectionError):
            parse_shard(bad)


def test_axe_version_comes_from_the_pinned_script():
    assert axe_version(ROOT / "node_modules/axe-core/axe.min.js") == "4.14.1"


def test_page_language_is_read_from_the_html_element():
    assert html_lang(b'<!DOCTYPE html>\n<html lang="zh-Hant-TW">\n<head>') == "zh-Hant-TW"
    assert html_lang(b"<html class='x' lang='en'>") == "en"
    assert html_lang(b"<html>") == ""


def test_fast_options_only_drop_selectors():
    rules = load_rules(ROOT / ".ci/axe-rules.toml")
    fast, full = json.loads(rules.axe_options(selectors=False)), json.loads(rules.axe_options())
    assert fast.pop("selectors") is False and fast == full


# --- the national rules' results ----------------------------------------------------------------

PAGE_HTML = (
    '<!DOCTYPE html>\n<html lang="en">\n<body>\n<p><span lang="en">English</span></p>\n'
    '<p><span lang="en">English</span></p>\n</body>\n</html>\n'
)


def issue(
    rule="HM2310200C",
    status="fail",
    spec="115.11",
    snippet='<span lang="en">English</span>',
    message="宣告為不同語系的文字內容，其語系宣告值不可與網頁宣告相同。",
):
    return Issue(
        rule_id=rule,
        guideline="3.1.2",
        level=Level.AA,
        desc="使用不同人類語言的內容區段要有 lang",
        message=message,
        snippet=snippet,
        status=status,
        spec=spec,
    )


def test_failures_of_the_115_table_block_local_items_do_not_and_retired_codes_are_left_out():
    report = PageReport(
        url="http://127.0.0.1/x",
        status_code=200,
        issues=[
            issue(),
            issue(),
            issue(rule="H309204", spec="local", snippet=""),
            issue(rule="OLD0001", spec="110.07"),
            issue(rule="GN1240101E", status="info"),
            issue(rule=moda.NOT_RUN_NOTE, status="caveat", snippet=""),
        ],
    )
    result = moda.result_of(report, PAGE_HTML)
    assert result["error"] == ""
    codes = [(i["code"], i["line"]) for i in result["issues"]]
    assert codes == [("HM2310200C", 4), ("HM2310200C", 5), ("H309204", None), ("GN1240101E", None)]
    assert [moda.is_blocking(i) for i in result["issues"]] == [True, True, False, False]
    assert [moda.is_custom_item(i) for i in result["issues"]] == [False, False, True, False]


@pytest.mark.parametrize(
    ("report", "cause"),
    [
        (PageReport(url="u", fetch_error="HTTP 404"), "could not fetch the page: HTTP 404"),
        (
            PageReport(
                url="u",
                issues=[
                    issue(rule=moda.BLOCKED, status="caveat", snippet="http://127.0.0.1/a.css")
                ],
            ),
            "blocked the page's own requests",
        ),
        (
            PageReport(
                url="u",
                issues=[issue(status="caveat", message=moda.CRASH_PREFIX + "：KeyError: x")],
            ),
            "rule HM2310200C crashed",
        ),
    ],
    ids=["not-fetched", "css-blocked", "rule-crashed"],
)
def test_a_page_the_national_rules_did_not_really_check_is_an_error(report, cause):
    result = moda.result_of(report, PAGE_HTML)
    assert cause in result["error"] and result["issues"] == []


def test_the_checks_counted_are_the_115_codes_run_at_aa():
    codes = moda.checks_run()
    assert "HM2310200C" in codes and "H309204" not in codes
    assert len(codes) == len(set(codes)) > 50


# --- counts, findings and the record -------------------------------------------------------------


def axe_violation(rule="image-alt"):
    return {
        "id": rule,
        "impact": "critical",
        "help": "Images must have alternative text",
        "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/image-alt",
        "nodes": [
            {
                "target": "main img",
                "html": "<img src=x>",
                "failureSummary": "Fix any of the following:\n  add alt",
            }
        ],
    }


def page_result(lang="en", violations=(), issues=(), axe_error="", moda_error=""):
    return {
        "lang": lang,
        "axe": {"engine": "4.14.1", "error": axe_error, "violations": list(violations)},
        "moda": {"error": moda_error, "issues": list(issues)},
    }


def moda_issue(code="HM2310200C", spec="115.11", line=4):
    return {
        "code": code,
        "wcag": "3.1.2",
        "desc": "使用不同人類語言的內容區段要有 lang",
        "spec": spec,
        "message": "語系宣告值不可與網頁宣告相同。",
        "snippet": '<span lang="en">English</span>',
        "status": "fail",
        "line": line,
    }


def test_findings_name_page_line_rule_and_fix_and_skip_allowed(tmp_path):
    allow = write(
        tmp_path, "a.toml", ENTRY.format(rule="region", date="2027-01-31").replace("en/news/*", "*")
    )
    pages = {
        "en/index.html": page_result(
            violations=[axe_violation(), axe_violation("region")],
            issues=[moda_issue(), moda_issue("H309204", spec="local", line=None)],
        )
    }
    mark_allowed(pages, load_allowlist(allow, TODAY))
    axe_line, moda_line = map(str, findings(pages))
    assert axe_line == (
        "en/index.html: axe [image-alt]: Images must have alternative text. Element: main img. "
        "Fix: Fix any of the following: add alt"
    )
    assert moda_line == (
        "en/index.html:4: moda [HM2310200C]: WCAG 3.1.2: 語系宣告值不可與網頁宣告相同. "
        'Element: <span lang="en">English</span>. Fix: 使用不同人類語言的內容區段要有 lang '
        "(a11y-moda rules show HM2310200C)"
    )
    (note,) = custom_item_notes(pages)
    assert "not blocking" in str(note) and note.rule == "H309204"


def test_a_page_in_error_is_a_finding_and_the_run_is_incomplete():
    pages = {
        "a.html": page_result(),
        "b.html": page_result(axe_error="JavascriptException: planted"),
    }
    (finding,) = findings(pages)
    assert str(finding).startswith(
        "b.html: axe [audit-error]: the audit could not run: JavascriptException"
    )
    summary = summarise(pages, TODAY, {"axe": {"a.html", "b.html"}, "moda": set()})
    assert summary["axe"] == {"audited": 1, "cached": 0, "errors": 1, "violations": 0, "allowed": 0}
    assert summary["moda"]["cached"] == 2 and summary["complete"] is False
    assert summarise({"a.html": page_result()}, TODAY, {"axe": {"a.html"}, "moda": {"a.html"}})[
        "complete"
    ]


def report_of(pages, checks=83):
    summary = summarise(pages, TODAY, {"axe": set(pages), "moda": set(pages)})
    return {
        "summary": summary,
        "engine": {"axe": "4.14.1", "moda": "0.6.1", "moda_checks": checks},
        "config": {"tags": ["wcag2a"]},
    }


def test_the_record_holds_both_results_and_any_difference_is_named(tmp_path):
    pages = {
        "index.html": page_result("zh-Hant-TW"),
        "en/index.html": page_result("en", issues=[moda_issue()]),
    }
    path = tmp_path / "record.json"
    write_record(path, report_of(pages))
    record = json.loads(path.read_text())
    assert record["pages_by_lang"] == {"en": 1, "zh-Hant-TW": 1}
    assert record["national"] == {"spec": "115.11", "level": "AA", "checks": 83, "failures": 1}
    assert record["violations"] == 0 and record["tools"]["a11y-moda"] == "0.6.1"
    assert record_differences(path, report_of(pages)) == []
    pages["en/new/index.html"] = page_result("en")
    assert record_differences(path, report_of(pages)) == [
        "pages_by_lang: {'en': 1, 'zh-Hant-TW': 1} in the record, {'en': 2, 'zh-Hant-TW': 1} now"
    ]


# --- pages without a result: whatever the engine returns, the run compares it with what it asked --


def test_a_page_without_a_real_result_is_unaudited_with_its_cause():
    todo = {"axe": ["a.html", "b.html", "c.html", "d.html"], "moda": ["a.html", "b.html"]}
    fresh = {
        "axe": {
            "a.html": {"engine": "4.14.1", "error": "", "violations": []},
            "b.html": {"engine": "", "error": "JavascriptException: planted", "violations": []},
            "c.html": {"engine": "", "error": "", "violations": []},  # looks clean, was never audited
        },
        "moda": {"a.html": {"error": "", "issues": []}, "b.html": None},
    }
    died = "Chromium stopped during the page's audit (InvalidSessionIdException)"
    browser = {"lost": {"c.html": died}, "errors": ["Chromium stopped 3 times, so it was not started again"]}
    assert unaudited(todo, fresh, browser) == {
        "axe": {"c.html": died, "d.html": "Chromium stopped 3 times, so it was not started again"},
        "moda": {"b.html": "a11y-moda returned no result for it"},
    }
    assert unaudited(todo, {**fresh, "axe": {}}, {})["axe"] == dict.fromkeys(
        todo["axe"], "no browser returned a result for it"
    )


@pytest.fixture
def tiny_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for name in ("index.html", "a.html", "b.html", "c.html"):
        write(site, name, '<!DOCTYPE html><html lang="en"><title>t</title><p>x</p></html>')
    return site


def run_with_engines(site, tmp_path, axe_results, moda_results, monkeypatch, *extra):
    """The audit command with both engines replaced: axe gives `axe_results` (and a Chromium
    version), the national rules `moda_results`; nothing else is faked."""
    from site_checks.__main__ import main
    from site_checks.audit import cli

    def fake_axe(urls, axe, options, workers, done, binary):
        return {name: result for name, result in axe_results.items() if name in urls}, {
            "chromium": "fake 1", "errors": [], "lost": {}}

    monkeypatch.setattr(cli, "audit_pages", fake_axe)
    monkeypatch.setattr(cli.moda, "scan_pages", lambda urls, html, done: {
        name: result for name, result in moda_results.items() if name in urls})
    return main(["audit", "--site", str(site), "--all", "--report-dir", str(tmp_path / "report"),
                 "--cache-dir", str(tmp_path / "cache"), "--axe", str(ROOT / "node_modules/axe-core/axe.min.js"),
                 *extra])


def test_an_engine_that_returns_fewer_pages_fails_the_run_and_writes_no_record(
    tiny_site, tmp_path, capsys, monkeypatch
):
    clean_axe = {"engine": "4.14.1", "error": "", "violations": []}
    clean_moda = {"error": "", "issues": []}
    names = ["a.html", "b.html", "c.html", "index.html"]
    record = tmp_path / "record.json"
    axe = {"a.html": clean_axe, "b.html": {"engine": "", "error": "", "violations": []}, "index.html": clean_axe}
    code = run_with_engines(tiny_site, tmp_path, axe, dict.fromkeys(names, clean_moda), monkeypatch,
                            "--record", str(record))
    printed = capsys.readouterr().out.splitlines()
    assert code == 1 and not record.exists(), printed
    assert printed[1:] == [
        f"{tiny_site}: audit [unaudited]: axe-core: 2 of 4 page(s) have no result (b.html, c.html): no browser "
        "returned a result for it. Fix: run the audit again; if Chromium keeps stopping, look for a lack of "
        "memory (dmesg) or audit with --workers 1",
        "accessibility audit: 1 problem(s) in 1 file(s)",
    ]
    assert "axe-core 4.14.1: 2 audited, 0 from cache, 2 in error" in printed[0]
    # the same run with every page audited passes and writes the record
    axe["b.html"] = axe["c.html"] = clean_axe
    assert run_with_engines(tiny_site, tmp_path, axe, dict.fromkeys(names, clean_moda), monkeypatch,
                            "--record", str(record)) == 0
    assert json.loads(record.read_text())["pages_by_lang"] == {"en": 4}
