"""Targeted assertions on the tiny bilingual fixture site."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from support import parse

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_pairs_share_the_relative_path(fixture_site):
    out = fixture_site.output
    for path in ("index.html", "guides/index.html", "guides/birth/index.html", "news/opening/index.html"):
        assert (out / path).is_file() and (out / "en" / path).is_file(), path


def test_untranslated_items_are_listed_and_get_an_english_placeholder(fixture_site):
    [notice] = [line for line in fixture_site.log.splitlines() if line.startswith("notice: ")]
    assert "content/pages/notice.zh-tw.md (en)" in notice
    doc = parse(fixture_site.output / "en/notice/index.html")
    assert doc.html["lang"] == "en"
    assert doc.h1.get_text() == "Available in Chinese only"
    original = doc.select_one("main a[href='/notice/']")
    assert original["hreflang"] == "zh-Hant-TW" and original.span["lang"] == "zh-Hant-TW"
    assert original.span.get_text() == "僅中文公告"
    assert original.get_text() == "僅中文公告 (the original, in Chinese)"  # unlike the footer's link here
    assert doc.select_one("meta[name=robots]")["content"] == "noindex"


def test_unverified_office_values_are_warned_about(fixture_site):
    assert ("content/office.toml:25: office-data [unverified]: [hours] is not confirmed by the office: "
            "Fixture value") in fixture_site.log


def test_footer_shows_office_data_from_the_data_file(fixture_site):
    zh = parse(fixture_site.output / "guides/birth/index.html").footer.get_text()
    en = parse(fixture_site.output / "en/guides/birth/index.html").footer.get_text()
    assert "測試市測試路1號" in zh and "04-0000-0001" in zh
    assert "1 Test Road, Test City" in en and "+886-4-0000-0001" in en


def test_dates_are_roc_in_chinese_and_english_in_english(fixture_site):
    zh = parse(fixture_site.output / "guides/birth/index.html").select_one("footer time")
    en = parse(fixture_site.output / "en/guides/birth/index.html").select_one("footer time")
    assert (zh["datetime"], zh.get_text()) == ("2026-11-21", "民國115年11月21日")
    assert (en["datetime"], en.get_text()) == ("2026-11-21", "21 November 2026")


def test_ui_strings_are_translated_per_page_language(fixture_site):
    zh = parse(fixture_site.output / "index.html")
    en = parse(fixture_site.output / "en/index.html")
    assert zh.select_one(".skip-link").get_text() == "跳到主要內容"
    assert en.select_one(".skip-link").get_text() == "Skip to main content"


def test_navigation_and_breadcrumbs(fixture_site):
    doc = parse(fixture_site.output / "en/guides/birth/index.html")
    assert [a.get_text() for a in doc.select("nav.main-nav .menu-wide a")] == ["Application guides", "News"]
    crumbs = [a["href"] for a in doc.select("nav.breadcrumbs a")]
    assert crumbs == ["/en/", "/en/guides/"]
    assert doc.select_one("nav.breadcrumbs [aria-current=page]").get_text() == "Birth registration"


def test_section_pages_list_their_items_per_language(fixture_site):
    doc = parse(fixture_site.output / "en/guides/index.html")
    assert doc.select_one("main a[href='/en/guides/birth/']") is not None


def test_news_lists_and_feeds_are_per_language(fixture_site):
    out = fixture_site.output
    assert parse(out / "en/news/index.html").select_one("main a[href='/en/news/opening/']")
    for lang, title in (("zh-tw", "新網站啟用"), ("en", "New website launched")):
        feed = ET.parse(out / f"feeds/{lang}.atom.xml").getroot()
        entries = feed.findall(f"{ATOM}entry")
        assert [e.find(f"{ATOM}title").text for e in entries] == [title]
        link = entries[0].find(f"{ATOM}link").get("href")
        assert re.fullmatch(r"https://fixture\.example/(en/)?news/opening/", link), link


def test_sitemap_has_hreflang_alternates_and_no_placeholders(fixture_site):
    root = ET.parse(fixture_site.output / "sitemap.xml").getroot()
    locs = {u.find(f"{SM}loc").text: u for u in root.findall(f"{SM}url")}
    assert "https://fixture.example/en/notice/" not in locs
    assert "https://fixture.example/notice/" in locs
    birth = locs["https://fixture.example/en/guides/birth/"]
    links = {link.get("hreflang"): link.get("href") for link in birth.findall(f"{XHTML}link")}
    assert links == {
        "zh-Hant-TW": "https://fixture.example/guides/birth/",
        "en": "https://fixture.example/en/guides/birth/",
        "x-default": "https://fixture.example/guides/birth/",
    }
    assert "Sitemap: https://fixture.example/sitemap.xml" in (fixture_site.output / "robots.txt").read_text()


def test_builds_are_reproducible(fixture_site, tmp_path):
    from support import FIXTURE_SITE, run_pelican

    again = run_pelican(FIXTURE_SITE / "content", FIXTURE_SITE / "fixtureconf.py", tmp_path / "again")
    assert again.returncode == 0, again.log
    first = {p.relative_to(fixture_site.output): p.read_bytes() for p in fixture_site.output.rglob("*") if p.is_file()}
    second = {p.relative_to(again.output): p.read_bytes() for p in again.output.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_untranslated_parents_and_footer_links_keep_their_chinese_titles_marked(fixture_site):
    doc = parse(fixture_site.output / "en/forms/move/index.html")
    crumb = doc.select_one("nav.breadcrumbs a[href='/en/forms/']")
    assert crumb.select_one("span[lang=zh-Hant-TW]").get_text() == "書表下載"
    footer = doc.select_one("footer a[href='/en/privacy/']")
    assert footer.select_one("span[lang=zh-Hant-TW]").get_text() == "隱私權政策"


def test_only_urgent_news_is_an_important_notice(tmp_path):
    from support import build_fixture_copy, copy_fixture_site

    site = copy_fixture_site(tmp_path / "site")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0 and parse(tmp_path / "out/index.html").select_one("#urgent-heading") is None
    news = site / "content/news/2026-11-01-opening.zh-tw.md"
    news.write_text(news.read_text(encoding="utf-8").replace("date: ", "urgent: true\ndate: ", 1), encoding="utf-8")
    build = build_fixture_copy(site, tmp_path / "out")
    notice = parse(tmp_path / "out/index.html").select_one("section.notice")
    assert build.returncode == 0 and [a["href"] for a in notice.select("a")] == ["/news/opening/"]
