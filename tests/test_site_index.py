"""SiteIndex over small stand-in items: per-language lists, menu, counterparts, crumbs."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from bilingual.site_index import Placeholder, SiteIndex, make_placeholders
from bilingual.urls import save_as

LANGUAGES = {"zh-tw": {"html_lang": "zh-Hant-TW", "prefix": "", "name": "中文"},
             "en": {"html_lang": "en", "prefix": "en", "name": "English"}}


def item(slug, lang, kind="page", folder="", **extra):
    prefix = LANGUAGES[lang]["prefix"]
    return SimpleNamespace(slug=slug, lang=lang, bilingual_kind=kind, bilingual_folder=folder,
                           title=f"{slug}-{lang}", save_as=save_as(kind, folder, slug, prefix),
                           date=extra.pop("date", datetime.datetime(2026, 1, 1)), **extra)


def site():
    items = [
        item("home", "zh-tw"), item("home", "en"),
        item("faq", "zh-tw", nav="2"), item("faq", "en", nav="2"),
        item("guides", "zh-tw", nav="1"), item("guides", "en", nav="1"),
        item("birth", "zh-tw", folder="guides"), item("birth", "en", folder="guides"),
        item("notice", "zh-tw"),
        item("news", "zh-tw"), item("news", "en"),
        item("old", "zh-tw", kind="news", date=datetime.datetime(2025, 1, 1)),
        item("new", "zh-tw", kind="news", date=datetime.datetime(2026, 5, 1)),
    ]
    return SiteIndex(items, LANGUAGES, make_placeholders(items, LANGUAGES))


def test_placeholders_for_every_missing_translation_at_the_same_path():
    index = site()
    assert sorted(p.save_as for p in index.placeholders) == [
        "en/news/new/index.html", "en/news/old/index.html", "en/notice/index.html"]
    notice = index.find("page", "", "notice", "en")
    assert isinstance(notice, Placeholder) and notice.title == "notice-zh-tw" and notice.url == "en/notice/"


def test_counterparts_go_both_ways_and_tell_translations_from_placeholders():
    index = site()
    birth_zh = index.find("page", "guides", "birth", "zh-tw")
    birth_en = index.counterpart(birth_zh, "en")
    assert birth_en.title == "birth-en" and index.counterpart(birth_en, "zh-tw") is birth_zh
    notice_zh = index.find("page", "", "notice", "zh-tw")
    assert not index.is_translated(notice_zh, "en")
    assert index.counterpart(index.counterpart(notice_zh, "en"), "zh-tw") is notice_zh


def test_menu_follows_nav_numbers_and_news_is_newest_first():
    index = site()
    assert [p.title for p in index.nav("en")] == ["guides-en", "faq-en"]
    assert [n.slug for n in index.news("zh-tw")] == ["new", "old"]
    assert index.news("en") == []


def test_breadcrumbs_follow_folders_and_news():
    index = site()
    birth = index.find("page", "guides", "birth", "en")
    assert [c.title for c in index.breadcrumbs(birth)] == ["home-en", "guides-en"]
    new = index.find("news", "", "new", "zh-tw")
    assert [c.title for c in index.breadcrumbs(new)] == ["home-zh-tw", "news-zh-tw"]
    assert index.breadcrumbs(index.find("page", "", "home", "zh-tw")) == []


def test_site_map_starts_with_home_then_the_menu():
    titles = [p.title for p in site().site_map("zh-tw")]
    assert titles[:3] == ["home-zh-tw", "guides-zh-tw", "faq-zh-tw"]
    assert set(titles[3:]) == {"birth-zh-tw", "notice-zh-tw", "news-zh-tw"}
