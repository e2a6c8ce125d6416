from pathlib import Path

import pytest

from bilingual.content_index import (
    ContentError, Entry, check_entry, check_pairs, read_header, scan, untranslated, validate,
)

LANGS = ["zh-tw", "en"]
REQUIRED = {"page": ["summary"], "news": ["date"]}


def entry(path="content/pages/a.zh-tw.md", kind="page", folder="", **meta):
    meta = {"title": "T", "summary": "S", **meta}
    return Entry(path, kind, folder, meta, {k: n for n, k in enumerate(meta, start=1)})


def test_read_header_stops_at_blank_line_and_records_lines():
    meta, lines = read_header("Title: 出生登記\nSlug: birth\nLang: zh-tw\n\nBody: not a header\n")
    assert meta == {"title": "出生登記", "slug": "birth", "lang": "zh-tw"}
    assert lines == {"title": 1, "slug": 2, "lang": 3}


def test_read_header_joins_indented_continuation_lines():
    meta, _ = read_header("Summary: one\n  two\nSlug: x\n\n")
    assert meta["summary"] == "one two"


def test_missing_slug_and_lang_are_reported_with_file_and_fix():
    problems = check_entry(entry(), LANGS, REQUIRED)
    text = "\n".join(map(str, problems))
    assert "content/pages/a.zh-tw.md:1: the header has no `Slug:`" in text
    assert "no `Lang:`" in text and "Fix:" in text


def test_unknown_and_upper_case_languages_are_rejected_at_their_line():
    for bad in ("fr", "zh-TW"):
        problems = check_entry(entry(slug="a", lang=bad), LANGS, REQUIRED)
        assert [p.line for p in problems] == [4], problems
        assert repr(bad) in problems[0].message


def test_non_ascii_slug_is_rejected():
    problems = check_entry(entry(slug="出生", lang="zh-tw"), LANGS, REQUIRED)
    assert "not lower-case ASCII" in problems[0].message


def test_duplicate_slug_in_one_language_names_both_files():
    first = entry("content/pages/a.zh-tw.md", slug="a", lang="zh-tw")
    second = entry("content/pages/b.zh-tw.md", slug="a", lang="zh-tw")
    problems = check_pairs([first, second], "zh-tw")
    assert len(problems) == 1
    assert problems[0].path == "content/pages/b.zh-tw.md"
    assert "content/pages/a.zh-tw.md" in problems[0].message


def test_same_slug_in_other_folder_or_kind_is_fine():
    entries = [entry(slug="a", lang="zh-tw"), entry(folder="guides", slug="a", lang="zh-tw"),
               entry(kind="news", slug="a", lang="zh-tw", date="2026-01-01")]
    assert check_pairs(entries, "zh-tw") == []


def test_news_slugs_are_unique_across_folders():
    entries = [entry("content/news/a.zh-tw.md", kind="news", slug="a", lang="zh-tw"),
               entry("content/news/2025/a.zh-tw.md", kind="news", folder="2025", slug="a", lang="zh-tw")]
    (problem,) = check_pairs(entries, "zh-tw")
    assert problem.path == "content/news/2025/a.zh-tw.md" and "content/news/a.zh-tw.md" in problem.message


def test_translation_without_original_is_an_error():
    problems = check_pairs([entry("content/pages/a.en.md", slug="a", lang="en")], "zh-tw")
    assert "no zh-tw file with slug 'a'" in problems[0].message


def test_untranslated_lists_primary_items_missing_a_language():
    pair = [entry(slug="a", lang="zh-tw"), entry(slug="a", lang="en")]
    alone = entry("content/pages/b.zh-tw.md", slug="b", lang="zh-tw")
    assert untranslated([*pair, alone], LANGS) == [(alone, "en")]


def test_validate_raises_one_error_listing_every_problem():
    with pytest.raises(ContentError) as caught:
        validate([entry(), entry("content/pages/x.en.md", slug="x", lang="en")], LANGS, REQUIRED)
    message = str(caught.value)
    assert message.startswith("3 content problem(s)")
    assert "x.en.md" in message


def test_scan_reads_kinds_and_folders(tmp_path: Path):
    (tmp_path / "pages" / "guides").mkdir(parents=True)
    (tmp_path / "pages" / "guides" / "b.zh-tw.md").write_text("Slug: b\nLang: zh-tw\n\nx", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "n.en.md").write_text("Slug: n\n\nx", encoding="utf-8")
    found = {(e.kind, e.folder, e.slug) for e in scan(tmp_path, {"page": ["pages"], "news": ["news"]})}
    assert found == {("page", "guides", "b"), ("news", "", "n")}
