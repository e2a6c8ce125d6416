"""sitemap.xml, robots.txt and the Atom feeds, over a small site."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree as ET

from content_model.kinds import KINDS, kind_named
from factories import index, item
from site_outputs.feeds import atom_feed
from site_outputs.sitemap import robots_txt, sitemap_xml

ORIGIN = "https://example.gov.tw"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def site():
    return index(item("page", "home", "zh-tw"), item("page", "home", "en"),
                 item("page", "about", "zh-tw", modified=datetime.date(2026, 10, 2)), item("page", "about", "en"),
                 item("page", "notice", "zh-tw"), item("page", "404", "zh-tw"), item("page", "404", "en"),
                 item("news", "opening", "zh-tw", date=datetime.date(2026, 11, 1)),
                 item("news", "opening", "en", date=datetime.date(2026, 11, 1), modified=datetime.date(2026, 11, 3)))


def urls():
    root = ET.fromstring(sitemap_xml(site(), ORIGIN))
    return {u.find(f"{SM}loc").text: u for u in root.findall(f"{SM}url")}


def test_sitemap_lists_real_pages_not_placeholders_or_404():
    locs = urls()
    assert f"{ORIGIN}/en/about/" in locs and f"{ORIGIN}/notice/" in locs
    assert f"{ORIGIN}/en/notice/" not in locs and not [loc for loc in locs if "404" in loc]


def test_sitemap_fields_are_loc_lastmod_and_every_alternate():
    entry = urls()[f"{ORIGIN}/about/"]
    assert [child.tag for child in entry] == [f"{SM}loc", f"{SM}lastmod", f"{XHTML}link", f"{XHTML}link",
                                             f"{XHTML}link"]
    assert entry.find(f"{SM}lastmod").text == "2026-10-02"
    links = [(link.get("rel"), link.get("hreflang"), link.get("href")) for link in entry.findall(f"{XHTML}link")]
    assert links == [("alternate", "zh-Hant-TW", f"{ORIGIN}/about/"), ("alternate", "en", f"{ORIGIN}/en/about/"),
                     ("alternate", "x-default", f"{ORIGIN}/about/")]
    assert urls()[f"{ORIGIN}/en/news/opening/"].find(f"{SM}lastmod").text == "2026-11-03"


def test_sitemap_uses_href_not_ref():
    xml = sitemap_xml(site(), ORIGIN)
    assert b' href="' in xml and b" ref=" not in xml


def test_atom_feed_per_language_has_author_dates_and_absolute_links():
    feed = ET.fromstring(atom_feed(site(), kind_named("news"), "en", ORIGIN, "Test Office", "Asia/Taipei"))
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Test Office"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"{ORIGIN}/en/news/opening/"
    assert entry.find(f"{ATOM}published").text == "2026-11-01T00:00:00+08:00"
    assert entry.find(f"{ATOM}updated").text == "2026-11-03T00:00:00+08:00"


def test_a_feed_with_no_item_is_dated_by_no_clock():
    empty = index(item("page", "home", "en"))
    feed = ET.fromstring(atom_feed(empty, kind_named("news"), "en", ORIGIN, "T", "Asia/Taipei"))
    assert not feed.findall(f"{ATOM}entry") and feed.find(f"{ATOM}updated").text == "1970-01-01T00:00:00+00:00"
    dated = ET.fromstring(atom_feed(site(), kind_named("news"), "en", ORIGIN, "T", "Asia/Taipei"))
    assert dated.find(f"{ATOM}updated").text == "2026-11-03T00:00:00+08:00"


def test_robots_points_to_the_absolute_sitemap():
    assert robots_txt(ORIGIN) == f"User-agent: *\nAllow: /\n\nSitemap: {ORIGIN}/sitemap.xml\n"


def test_each_kind_with_a_feed_declares_one_file_per_language():
    news, disclosures = kind_named("news").feed, kind_named("disclosure").feed
    assert news.file("zh-tw") == "feeds/zh-tw.atom.xml" and news.file("en") == "feeds/en.atom.xml"
    assert disclosures.file("zh-tw") == "feeds/disclosures-zh-tw.atom.xml"
    files = [kind.feed.file(lang) for kind in KINDS if kind.feed for lang in ("zh-tw", "en")]
    assert len(set(files)) == len(files) == 4


def test_a_feed_holds_only_its_own_kind():
    both = index(item("page", "home", "en"),
                 item("news", "opening", "en", date=datetime.date(2026, 11, 1)),
                 item("disclosure", "plan", "en", date=datetime.date(2026, 11, 2)))
    for kind, slug in (("news", "opening"), ("disclosure", "plan")):
        feed = ET.fromstring(atom_feed(both, kind_named(kind), "en", ORIGIN, "T", "Asia/Taipei"))
        assert [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")] == [
            f"{ORIGIN}/en/{kind_named(kind).url.format(slug=slug, folder='')}"]
        assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{ORIGIN}/{kind_named(kind).feed.file('en')}"
