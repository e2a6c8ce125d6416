"""sitemap.xml, robots.txt and the Atom feeds, over a small stand-in site."""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from xml.etree import ElementTree as ET

from bilingual.site_index import SiteIndex, make_placeholders
from bilingual.urls import save_as, url_of
from site_outputs.feeds import atom_feed, feed_path
from site_outputs.sitemap import alternates, robots_txt, sitemap_xml

LANGUAGES = {"zh-tw": {"html_lang": "zh-Hant-TW", "prefix": "", "name": "中文"},
             "en": {"html_lang": "en", "prefix": "en", "name": "English"}}
ORIGIN = "https://example.gov.tw"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
DAY = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)


def item(slug, lang, kind="page"):
    saved = save_as(kind, "", slug, LANGUAGES[lang]["prefix"])
    return SimpleNamespace(slug=slug, lang=lang, bilingual_kind=kind, bilingual_folder="", save_as=saved,
                           url=url_of(saved), title=f"{slug}-{lang}", summary="s", date=DAY, modified=DAY)


def index():
    items = [item("home", "zh-tw"), item("home", "en"), item("about", "zh-tw"), item("about", "en"),
             item("notice", "zh-tw"), item("404", "zh-tw"), item("404", "en"),
             item("opening", "zh-tw", "news"), item("opening", "en", "news")]
    return SiteIndex(items, LANGUAGES, make_placeholders(items, LANGUAGES))


def test_sitemap_lists_real_pages_with_href_alternates_not_placeholders_or_404():
    root = ET.fromstring(sitemap_xml(index(), ORIGIN))
    locs = [u.find(f"{SM}loc").text for u in root]
    assert f"{ORIGIN}/en/about/" in locs and f"{ORIGIN}/notice/" in locs
    assert f"{ORIGIN}/en/notice/" not in locs and not [l for l in locs if "404" in l]
    assert b' href="' in sitemap_xml(index(), ORIGIN) and b" ref=" not in sitemap_xml(index(), ORIGIN)


def test_alternates_skip_placeholders_and_end_with_x_default():
    site = index()
    notice = site.find("page", "", "notice", "zh-tw")
    assert alternates(site, notice) == [("zh-Hant-TW", "notice/"), ("x-default", "notice/")]
    about = site.find("page", "", "about", "en")
    assert alternates(site, about) == [("zh-Hant-TW", "about/"), ("en", "en/about/"), ("x-default", "about/")]


def test_atom_feed_per_language_has_author_and_absolute_links():
    feed = ET.fromstring(atom_feed(index(), "en", ORIGIN, "Test Office"))
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Test Office"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"{ORIGIN}/en/news/opening/"
    assert feed.find(f"{ATOM}updated").text.startswith("2026-11-01")


def test_robots_points_to_the_absolute_sitemap():
    assert robots_txt(ORIGIN) == f"User-agent: *\nAllow: /\n\nSitemap: {ORIGIN}/sitemap.xml\n"


def test_one_feed_per_language():
    assert feed_path("zh-tw") == "feeds/zh-tw.atom.xml" and feed_path("en") == "feeds/en.atom.xml"
