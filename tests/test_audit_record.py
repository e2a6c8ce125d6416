"""The accessibility statement shows the latest full audit recorded with the content."""

from __future__ import annotations

import datetime
import json

import pytest

from audit_record.audit_record import AuditRecordError, load_record
from support import ROOT, parse

RECORD = ROOT / "content/accessibility-audit.json"


def test_missing_record_means_no_audit_yet(tmp_path):
    assert load_record(tmp_path / "none.json") is None


def test_malformed_or_incomplete_record_is_an_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(AuditRecordError, match="run `make audit`"):
        load_record(bad)
    bad.write_text('{"date": "2026-11-26"}', encoding="utf-8")
    with pytest.raises(AuditRecordError, match="missing"):
        load_record(bad)


def test_record_date_is_parsed_and_read_only():
    record = load_record(RECORD)
    assert isinstance(record["date"], datetime.date)
    with pytest.raises(TypeError):
        record["violations"] = 1


@pytest.mark.parametrize(("path", "needles"), [
    ("accessibility/index.html", ["WCAG 2.2 AA", "中文：{zh} 頁", "English：{en} 頁", "axe-core {axe}"]),
    ("en/accessibility/index.html", ["WCAG 2.2 AA", "中文: {zh} pages", "English: {en} pages", "axe-core {axe}"]),
])
def test_statement_shows_the_record_in_both_languages(real_site, path, needles):
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    values = {"zh": record["pages_by_lang"]["zh-Hant-TW"], "en": record["pages_by_lang"]["en"],
              "axe": record["tools"]["axe-core"]}
    doc = parse(real_site.output / path)
    text = " ".join(doc.select_one("dl.audit-record").get_text().split())
    for needle in needles:
        assert needle.format(**values) in text, text
    assert doc.select_one("dl.audit-record time")["datetime"] == record["date"]


def test_recorded_page_counts_match_the_site_that_is_built(real_site):
    """The statement must not claim a number of pages the site does not have."""
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    built = {}
    for page in real_site.output.rglob("*.html"):
        lang = parse(page).html["lang"]
        built[lang] = built.get(lang, 0) + 1
    assert record["pages_by_lang"] == built, (
        "content/accessibility-audit.json is out of date with the site. "
        "Fix: run `make audit` and commit content/accessibility-audit.json.")
