"""Unit tests of the audit's parts: rules, allow-list, cache keys, shards, record, findings."""

from __future__ import annotations

import datetime
import json

import pytest

from site_checks.audit.cache import AuditCache, assets_fingerprint, page_key
from site_checks.audit.cli import parse_shard, select_pages
from site_checks.audit.config import AuditConfigError, load_allowlist, load_rules
from site_checks.audit.engine import axe_version
from site_checks.audit.record import update_record
from site_checks.audit.report import findings
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
    with pytest.raises(AuditConfigError, match="need a written reason"):
        load_rules(write(tmp_path, "r.toml", 'tags = ["wcag2a"]\n[disabled]\nregion = ""\n'))
    off = load_rules(write(tmp_path, "r2.toml", 'tags = ["wcag2a"]\n[disabled]\nregion = "why"\n'))
    on = load_rules(write(tmp_path, "r3.toml", 'tags = ["wcag2a"]\n'))
    assert json.loads(off.axe_options())["rules"] == {"region": {"enabled": False}}
    assert off.fingerprint() != on.fingerprint()


ENTRY = '[[allow]]\npage = "en/news/*"\nrule = "color-contrast"\nreason = "vendor fix due"\nexpires = {}\n'


def test_allowlist_entry_covers_matching_pages_and_rule_only(tmp_path):
    (entry,) = load_allowlist(write(tmp_path, "a.toml", ENTRY.format("2027-01-31")), TODAY)
    assert entry.covers("en/news/x/index.html", "color-contrast")
    assert not entry.covers("news/x/index.html", "color-contrast")
    assert not entry.covers("en/news/x/index.html", "link-name")


def test_expired_or_incomplete_allowlist_entry_fails(tmp_path):
    with pytest.raises(AuditConfigError, match="expired on 2026-11-25"):
        load_allowlist(write(tmp_path, "a.toml", ENTRY.format("2026-11-25")), TODAY)
    with pytest.raises(AuditConfigError, match="needs page, rule, reason and expires"):
        load_allowlist(write(tmp_path, "b.toml", '[[allow]]\npage = "x"\nrule = "y"\n'), TODAY)
    assert load_allowlist(ROOT / ".ci/audit-allowlist.toml", TODAY) == ()


def test_cache_key_changes_with_page_assets_engine_and_rules(tmp_path):
    base = page_key(b"<p>x</p>", "css1", "4.14.1", "r1")
    assert base == page_key(b"<p>x</p>", "css1", "4.14.1", "r1")
    assert len({base, page_key(b"<p>y</p>", "css1", "4.14.1", "r1"), page_key(b"<p>x</p>", "css2", "4.14.1", "r1"),
                page_key(b"<p>x</p>", "css1", "4.15.0", "r1"), page_key(b"<p>x</p>", "css1", "4.14.1", "r2")}) == 5
    site = tmp_path / "site"
    (site / "theme").mkdir(parents=True)
    (site / "theme/a.css").write_text("a{}")
    before = assets_fingerprint(site)
    (site / "theme/a.css").write_text("a{color:red}")
    assert assets_fingerprint(site) != before


def test_cache_round_trip(tmp_path):
    cache = AuditCache(tmp_path / "c/results.json")
    cache.put("index.html", "k1", {"violations": []})
    cache.save()
    again = AuditCache(tmp_path / "c/results.json")
    assert again.get("index.html", "k1") == {"violations": []}
    assert again.get("index.html", "k2") is None


def test_shards_split_pages_without_overlap(tmp_path):
    for name in ["a", "b", "c", "d", "e"]:
        write(tmp_path, f"{name}.html", name)
    shards = [set(select_pages(tmp_path, (i, 3))) for i in (1, 2, 3)]
    assert set.union(*shards) == {f"{n}.html" for n in "abcde"}
    assert sum(map(len, shards)) == 5
    assert set(select_pages(tmp_path, (1, 1), "[ab].html")) == {"a.html", "b.html"}
    for bad in ("0/2", "3/2", "x"):
        with pytest.raises(AuditConfigError):
            parse_shard(bad)


def test_axe_version_comes_from_the_pinned_script():
    assert axe_version(ROOT / "node_modules/axe-core/axe.min.js") == "4.14.1"


def violation(rule="image-alt", allowed=""):
    return {"id": rule, "impact": "critical", "help": "Images must have alternative text",
            "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/image-alt", "allowed": allowed,
            "nodes": [{"target": "main img", "html": "<img src=x>", "failureSummary": "Fix any of the following:\n  add alt"}]}


def test_findings_name_page_element_rule_and_fix_and_skip_allowed():
    pages = {"en/index.html": {"lang": "en", "violations": [violation(), violation("region", allowed="why")]}}
    (finding,) = findings(pages)
    text = str(finding)
    assert "en/index.html" in text and "[image-alt]" in text and "main img" in text and "add alt" in text
    assert finding.help_url.endswith("image-alt")


def test_record_is_rewritten_only_when_more_than_the_date_changes(tmp_path):
    report = {"summary": {"date": "2026-11-26", "pages_by_lang": {"en": 2}, "violations": 0, "allowed": 0},
              "engine": {"axe": "4.14.1"}, "config": {"tags": ["wcag2a"]}}
    path = tmp_path / "record.json"
    assert update_record(path, report)
    report["summary"]["date"] = "2026-11-27"
    assert not update_record(path, report)
    report["summary"]["pages_by_lang"] = {"en": 3}
    assert update_record(path, report)
    assert json.loads(path.read_text())["date"] == "2026-11-27"


def test_page_language_is_read_from_the_html_element():
    from site_checks.audit.cli import html_lang

    assert html_lang(b'<!DOCTYPE html>\n<html lang="zh-Hant-TW">\n<head>') == "zh-Hant-TW"
    assert html_lang(b"<html class='x' lang='en'>") == "en"
    assert html_lang(b"<html>") == ""


def test_fast_options_only_drop_selectors():
    rules = load_rules(ROOT / ".ci/axe-rules.toml")
    fast, full = json.loads(rules.axe_options(selectors=False)), json.loads(rules.axe_options())
    assert fast.pop("selectors") is False and fast == full
