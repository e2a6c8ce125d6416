"""SiteIndex over small sites: per-language lists, menu, counterparts, alternates, crumbs."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from content_model.items import Placeholder
from factories import index, item


def site():
    return index(
        item("page", "home", "zh-tw"), item("page", "home", "en"),
        item("page", "faq", "zh-tw", nav=2), item("page", "faq", "en", nav=2),
        item("page", "guides", "zh-tw", nav=1), item("page", "guides", "en", nav=1),
        item("page", "news", "zh-tw"), item("page", "news", "en"),
        item("page", "rules", "zh-tw", folder="about"), item("page", "about", "zh-tw"),
        item("guide", "birth", "zh-tw"), item("guide", "birth", "en"),
        item("page", "notice", "zh-tw"),
        item("news", "old", "zh-tw", date=datetime.date(2025, 1, 1)),
        item("news", "new", "zh-tw", date=datetime.date(2026, 5, 1)),
    )


def test_placeholders_for_every_missing_translation_at_the_same_path():
    placeholders = site().placeholders
    assert sorted(p.save_as for p in placeholders) == [
        "en/about/index.html", "en/about/rules/index.html", "en/news/new/index.html", "en/news/old/index.html",
        "en/notice/index.html"]
    notice = site().find("page", "", "notice", "en")
    assert isinstance(notice, Placeholder) and notice.original.lang == "zh-tw" and notice.url == "en/notice/"


def test_items_per_kind_and_language_news_newest_first():
    assert [i.slug for i in site().news("zh-tw")] == ["new", "old"]
    assert site().news("en") == []
    assert [i.slug for i in site().items("guide", "en")] == ["birth"]


def test_menu_follows_nav_and_shows_placeholders_in_english():
    assert [p.slug for p in site().nav("en")] == ["guides", "faq"]
    assert all(p.lang == "en" for p in site().nav("en"))


def test_counterparts_and_translation_state():
    index_ = site()
    birth = index_.find("guide", "", "birth", "zh-tw")
    assert index_.counterpart(birth, "en").lang == "en" and index_.is_translated(birth, "en")
    notice = index_.find("page", "", "notice", "zh-tw")
    assert not index_.is_translated(notice, "en")


def test_alternates_are_real_versions_then_x_default():
    index_ = site()
    birth = index_.find("guide", "", "birth", "en")
    assert index_.alternates(birth) == [("zh-Hant-TW", "guides/birth/"), ("en", "en/guides/birth/"),
                                        ("x-default", "guides/birth/")]
    notice = index_.find("page", "", "notice", "en")
    assert index_.alternates(notice) == [("zh-Hant-TW", "notice/"), ("x-default", "notice/")]


def test_breadcrumbs_go_through_the_section_page_or_the_folders():
    index_ = site()
    assert [c.slug for c in index_.breadcrumbs(index_.find("guide", "", "birth", "en"))] == ["home", "guides"]
    assert [c.slug for c in index_.breadcrumbs(index_.find("news", "", "new", "zh-tw"))] == ["home", "news"]
    assert [c.slug for c in index_.breadcrumbs(index_.find("page", "about", "rules", "zh-tw"))] == ["home", "about"]
    assert index_.breadcrumbs(index_.find("page", "", "home", "en")) == []


def test_a_page_the_templates_need_is_never_silently_missing():
    with pytest.raises(LookupError, match="REQUIRED_PAGES"):
        site().page("sitemap", "en")


def test_updated_is_modified_else_date_else_reviewed():
    assert item("page", "a", "en", modified=datetime.date(2026, 1, 2)).updated == datetime.date(2026, 1, 2)
    assert item("news", "b", "en", date=datetime.date(2026, 3, 4)).updated == datetime.date(2026, 3, 4)
    later = item("news", "c", "en", date=datetime.date(2026, 3, 4), modified=datetime.date(2026, 4, 5))
    assert later.updated == datetime.date(2026, 4, 5)
    assert item("guide", "d", "en", reviewed=datetime.date(2026, 6, 7)).updated == datetime.date(2026, 6, 7)


def test_the_search_indexes_real_items_of_searched_kinds_only():
    index_ = index(item("page", "home", "zh-tw"), item("page", "404", "zh-tw"), item("page", "search", "zh-tw"),
                   item("page", "search", "zh-tw", folder="about"), item("guide", "search", "zh-tw"),
                   item("guide", "birth", "zh-tw"))
    searched = {(i.kind.name, i.folder, i.slug) for i in index_.all_items() if index_.is_searched(i)}
    assert searched == {("page", "", "home"), ("page", "about", "search"), ("guide", "", "search"),
                        ("guide", "", "birth")}
    assert not index_.is_searched(index_.find("guide", "", "birth", "en"))  # the placeholder: noindex


def test_a_kind_declared_search_false_is_not_indexed():
    news = item("news", "new", "zh-tw", date=datetime.date(2026, 5, 1))
    unsearched = dataclasses.replace(news, kind=dataclasses.replace(news.kind, search=False))
    index_ = index(news)
    assert index_.is_searched(news) and not index_.is_searched(unsearched)


def test_a_disclosure_s_breadcrumbs_go_through_its_category_in_every_language():
    pages = [item("page", slug, lang) for slug in ("home", "disclosures") for lang in ("zh-tw", "en")]
    categories = [item("disclosure-category", "organisation", lang) for lang in ("zh-tw", "en")]
    index_ = index(*pages, *categories, item("disclosure", "office", "zh-tw", category="organisation"))
    original = index_.find("disclosure", "", "office", "zh-tw")
    [placeholder] = index_.placeholders
    for entry, lang in ((original, "zh-tw"), (placeholder, "en")):
        crumbs = index_.breadcrumbs(entry)
        assert [(c.kind.name, c.slug, c.lang) for c in crumbs] == [
            ("page", "home", lang), ("page", "disclosures", lang), ("disclosure-category", "organisation", lang)]
    assert [c.slug for c in index_.breadcrumbs(index_.find("disclosure-category", "", "organisation", "en"))] == [
        "home", "disclosures"]
