"""content_model.inventory: the checks across files, each on a copy of the fixture site's content."""

from __future__ import annotations

import datetime
import shutil

import pytest

from content_model.inventory import check_inventory, read_entries
from content_model.reference import load_reference
from factories import LANGUAGES
from support import FIXTURE_SITE, edit

TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def content(tmp_path, monkeypatch):
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", root)
    monkeypatch.chdir(tmp_path)
    return root


FORMS = frozenset({"birth-application"})


def check(content, form_ids=FORMS, today=TODAY) -> tuple[list[str], list[str]]:
    reference, problems = load_reference(content / "data", list(LANGUAGES))
    assert problems == []
    entries, problems = read_entries(content, list(LANGUAGES))
    assert problems == []
    errors, warnings = check_inventory(entries, LANGUAGES, content, reference, form_ids, today)
    return [str(p) for p in errors], [str(p) for p in warnings]


def test_the_fixture_content_is_clean(content):
    assert check(content) == ([], [])


def test_the_same_slug_twice_in_one_language(content):
    shutil.copy(content / "pages/notice.zh-tw.md", content / "pages/notice-copy.zh-tw.md")
    [message] = check(content)[0]
    assert "duplicate-slug" in message and "notice-copy.zh-tw.md" in message and "notice.zh-tw.md" in message


def test_the_same_page_slug_in_two_folders_is_fine(content):
    (content / "pages/other").mkdir()
    shutil.copy(content / "pages/notice.zh-tw.md", content / "pages/other/notice.zh-tw.md")
    assert check(content) == ([], [])


def test_the_same_news_slug_in_two_folders_is_an_error(content):
    (content / "news/2025").mkdir()
    shutil.copy(content / "news/2026-11-01-opening.zh-tw.md", content / "news/2025/opening.zh-tw.md")
    errors = check(content)[0]
    assert any("news/2025/opening.zh-tw.md" in e and "already used by" in e for e in errors)


def test_a_translation_without_its_original(content):
    (content / "pages/notice.zh-tw.md").rename(content / "pages/notice2.zh-tw.md")
    edit(content / "pages/notice2.zh-tw.md", "slug: notice", "slug: notice2")
    shutil.copy(content / "pages/sitemap.en.md", content / "pages/lonely.en.md")
    edit(content / "pages/lonely.en.md", "slug: sitemap", "slug: lonely")
    [message] = check(content)[0]
    assert message.startswith("content/pages/lonely.en.md:3: header [no-original]")


def test_a_page_whose_address_is_taken_by_another_kind(content):
    (content / "pages/news").mkdir()
    shutil.copy(content / "pages/notice.zh-tw.md", content / "pages/news/opening.zh-tw.md")
    edit(content / "pages/news/opening.zh-tw.md", "slug: notice", "slug: opening")
    errors = check(content)[0]
    assert any("[same-address]" in e and "/news/opening/index.html" in e for e in errors), errors


def test_a_required_page_that_is_missing(content):
    (content / "pages/sitemap.zh-tw.md").unlink()
    (content / "pages/sitemap.en.md").unlink()
    [message] = check(content)[0]
    assert message.startswith("content/pages: header [required-page]: the site needs a page `sitemap`")
    assert "Fix: create content/pages/sitemap.zh-tw.md" in message


def test_a_section_page_takes_its_kind_s_template(content):
    edit(content / "pages/news.zh-tw.md", "slug: news\n", "slug: news\ntemplate: contact\n")
    [message] = check(content)[0]
    assert "[section-template]" in message and "Fix: delete the `template:` line" in message


@pytest.mark.parametrize("old, new, rule", [
    ("topic: births-deaths", "topic: weddings", "unknown-topic"),
    ("law: household-registration-act", "law: civil-code", "unknown-law"),
    ("sources: [L1]", "sources: [W99]", "unknown-source"),
])
def test_a_guide_s_keys_must_exist(content, old, new, rule):
    edit(content / "guides/birth.zh-tw.md", old, new)
    errors = check(content)[0]
    assert any(e.startswith("content/guides/birth.zh-tw.md:") and f"[{rule}]" in e for e in errors), errors


def test_an_unknown_form_is_a_warning_until_forms_exist_then_an_error(content):
    errors, warnings = check(content, form_ids=None)
    assert errors == [] and len(warnings) == 2 and "[unknown-form]" in warnings[0]
    assert check(content) == ([], [])
    errors, _ = check(content, form_ids=frozenset({"other"}))
    assert len(errors) == 2 and "[unknown-form]" in errors[0]


@pytest.mark.parametrize("old, new, key", [
    ("  - fee: household-certificate", "  - fee: transcript", "fees"),
    ("  fact: birth\n", "  fact: registration\n", "deadline.fact"),
    ("  nationwide: {status: ask}", "  nationwide: {status: \"yes\"}", "where"),
    ('articles: ["6", "48"]', 'articles: ["6"]', "legal_basis"),
])
def test_a_guide_pair_that_disagrees_on_a_fact(content, old, new, key):
    edit(content / "guides/birth.en.md", old, new)
    [message] = check(content)[0]
    assert message.startswith("content/guides/birth.en.md:") and f"[pair-disagrees]: `{key}` differs from" in message


def test_a_review_older_than_a_year_is_a_warning(content):
    errors, warnings = check(content, today=datetime.date(2028, 1, 1))
    guides = [warning for warning in warnings if warning.startswith("content/guides/")]
    assert errors == [] and len(guides) == 2
    assert "[review-due]" in guides[0] and "Fix: check every fact against its sources" in guides[0]
    # the pages that state rules (the contact page, the two moving pages, the opinions page) are due
    # too; no other page
    assert sorted(w.split(":")[0] for w in warnings if w not in guides) == [
        "content/pages/contact.zh-tw.md", "content/pages/forms/move.en.md", "content/pages/forms/move.zh-tw.md",
        "content/pages/opinions.zh-tw.md"]
