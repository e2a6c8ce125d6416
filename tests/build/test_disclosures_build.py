"""Disclosures in a build: each bad input stops it with one line naming file, line and fix;
attachments are published beside their page with format and size (the SHA-256 in the
language's SHA256SUMS.txt, linked once); the item,
category and landing pages; and the footer, site map and feeds that lead to them."""

from __future__ import annotations

import hashlib
import shutil
from xml.etree import ElementTree as ET

import pytest

from support import FIXTURE_SITE, build_fixture_copy, copy_fixture_site, edit, parse, problem_lines

ITEM = "content/disclosures/counter-statistics.zh-tw.md"
ITEM_EN = "content/disclosures/counter-statistics.en.md"
ATTACHMENT = "content/disclosures/counter-statistics/counts.csv"
ATOM = "{http://www.w3.org/2005/Atom}"
TEN_ZH = ["法律、命令及自治法規", "解釋性規定及裁量基準", "組織、職掌及聯絡方式", "行政指導文書",
          "施政計畫、業務統計及研究報告",
          "預算及決算書", "請願處理結果及訴願決定", "公共工程及採購契約", "支付或接受的補助", "合議制機關會議紀錄"]
TEN_EN = ["Laws, regulations and local rules", "Interpretive rules and discretionary standards",
          "Organisation, functions and contact details", "Administrative guidance documents",
          "Plans, statistics and research reports", "Budgets and final accounts",
          "Petitions and administrative appeals", "Public works and procurement contracts",
          "Subsidies paid or received", "Meeting records of collegial bodies"]


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def build(site, tmp_path, **overrides):
    return build_fixture_copy(site, tmp_path / "out", **overrides)


# --- bad input, one line each ------------------------------------------------------------------

def test_an_unknown_category_names_the_file_line_and_the_keys(site, tmp_path):
    edit(site / ITEM, "category: plans-and-reports", "category: statistics")
    edit(site / ITEM_EN, "category: plans-and-reports", "category: statistics")
    lines = problem_lines(build(site, tmp_path))
    assert [line.split(": header")[0] for line in lines] == [f"{ITEM_EN}:6", f"{ITEM}:6"]
    assert lines[1].startswith(f"{ITEM}:6: header [unknown-category]: unknown category `statistics`. Fix: use one "
                               "of the keys in content/data/disclosure-categories.yaml: regulations, ")


def test_a_missing_date_names_the_file(site, tmp_path):
    edit(site / ITEM, "date: 2026-11-05\n", "")
    [line] = problem_lines(build(site, tmp_path))
    assert line.startswith(f"{ITEM}:2: header [missing-key]: the key `date` is missing. Fix: add `date: …` "
                           "(the publication date, as YYYY-MM-DD)")


def test_a_missing_attachment_names_the_file_and_the_line_that_lists_it(site, tmp_path):
    (site / ATTACHMENT).unlink()
    lines = problem_lines(build(site, tmp_path))
    assert lines == [
        f"{path}:14: header [missing-attachment]: the attachment `counts.csv` is not in "
        "content/disclosures/counter-statistics/. Fix: put the file at "
        "content/disclosures/counter-statistics/counts.csv, or correct its name (upper and lower case count)"
        for path in (ITEM_EN, ITEM)]


def test_valid_until_before_the_publication_date(site, tmp_path):
    edit(site / ITEM, "valid_until: 2026-12-31", "valid_until: 2026-11-04")
    [line] = problem_lines(build(site, tmp_path))
    assert line.startswith(f"{ITEM}:10: header [invalid-value]: `valid_until`: value error, the information "
                           "cannot end (2026-11-04) before it is published (2026-11-05)")


def test_a_translation_that_lists_other_attachments(site, tmp_path):
    edit(site / ITEM_EN, "attachments:\n  - file: counts.csv\n    title: Table of cases\n", "")
    [line] = problem_lines(build(site, tmp_path))
    assert line.startswith(f"{ITEM_EN}:2: header [pair-disagrees]: `attachments` differs from {ITEM}: "
                           "[] here but ['counts.csv'] in the original")


def test_an_untagged_pdf_attachment_stops_the_build(site, tmp_path):
    from weasyprint import HTML  # slow to import: only this test pays for it

    HTML(string='<html lang="zh-Hant-TW"><title>表</title><p>統計表</p></html>').write_pdf(
        site / "content/disclosures/counter-statistics/table.pdf")
    edit(site / ITEM, "    title: 案件統計表\n", "    title: 案件統計表\n  - file: table.pdf\n    title: 統計表\n")
    edit(site / ITEM_EN, "    title: Table of cases\n",
         "    title: Table of cases\n  - file: table.pdf\n    title: Table\n")
    lines = problem_lines(build(site, tmp_path))
    assert [line.split(". Fix:")[0] for line in lines] == [
        f"{path}:16: header [untagged-pdf]: `table.pdf` has no tags, so a screen reader cannot read it properly"
        for path in (ITEM_EN, ITEM)]
    assert "Universal Accessibility (PDF/UA)" in lines[0]


def test_a_file_no_item_lists_is_a_warning_and_not_published(site, tmp_path):
    shutil.copy(site / ATTACHMENT, site / "content/disclosures/counter-statistics/old.csv")
    result = build(site, tmp_path)
    assert result.returncode == 0, result.log
    assert ("warning: content/disclosures/counter-statistics/old.csv: header [unlisted-attachment]: no item lists "
            "this file under `attachments:`, so it is not published") in result.log
    assert not (tmp_path / "out/disclosures/counter-statistics/old.csv").exists()


# --- the pages of the fixture site ---------------------------------------------------------------

def test_an_attachment_is_published_beside_its_page_with_format_size_and_sha256(fixture_site):
    source = (fixture_site.output / "disclosures/counter-statistics/counts.csv").read_bytes()
    assert source == (FIXTURE_SITE / ATTACHMENT).read_bytes()
    for prefix, size in (("", "（CSV，28 位元組）"), ("en/", " (CSV, 28 bytes)")):
        doc = parse(fixture_site.output / f"{prefix}disclosures/counter-statistics/index.html")
        link = doc.select_one("dl.facts a[type='text/csv']")
        assert link["href"] == "/disclosures/counter-statistics/counts.csv"
        assert link.get_text().endswith(size)
        assert hashlib.sha256(source).hexdigest() not in doc.get_text(), "a checksum is read out on the page"
        sums = (fixture_site.output / f"{prefix}SHA256SUMS.txt").read_text(encoding="utf-8")
        assert f"{hashlib.sha256(source).hexdigest()}  {link['href'].lstrip('/')}\n" in sums
        assert doc.select_one(f"p.checksums a[href='/{prefix}SHA256SUMS.txt']") is not None


def test_an_item_page_shows_its_facts_in_a_definition_list(fixture_site):
    doc = parse(fixture_site.output / "en/disclosures/counter-statistics/index.html")
    facts = doc.select_one("main dl.facts")
    assert [dt.get_text() for dt in facts.find_all("dt")] == [
        "Category", "Published", "Valid until", "Issued by", "Document number", "Attachments"]
    values = facts.find_all("dd", recursive=False)
    assert values[0].a["href"] == "/en/disclosures/plans-and-reports/"
    assert values[0].get_text() == "Plans, statistics and research reports"
    assert [t["datetime"] for t in facts.find_all("time")] == ["2026-11-05", "2026-12-31"]
    assert values[4].span["lang"] == "zh-Hant-TW" and values[4].get_text() == "測戶字第1150000001號"
    law = doc.select_one("main #laws + ul a")
    assert (law.get_text(), law["hreflang"]) == ("Household Registration Act (external site)", "zh-Hant-TW")
    crumbs = [a["href"] for a in doc.select("nav.breadcrumbs a")]
    assert crumbs == ["/en/", "/en/disclosures/", "/en/disclosures/plans-and-reports/"]


def test_the_office_details_come_from_the_office_data_with_unconfirmed_ones_named(fixture_site):
    doc = parse(fixture_site.output / "disclosures/office/index.html")
    details = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in doc.select("main dl.office-details dt")}
    assert details["機關名稱"] == "測試戶政事務所" and details["地址"] == "測試市測試路1號"
    assert details["網址"] == "https://fixture.example/"
    assert doc.select_one("main p.notice").get_text() == ("尚未經本所確認的資料：服務時間。洽公前請先向本所查證。")


def test_a_category_page_lists_its_items_and_links_back_to_all_ten(fixture_site):
    doc = parse(fixture_site.output / "en/disclosures/organisation/index.html")
    [entry] = doc.select("main .news-list li")
    assert entry.a["href"] == "/en/disclosures/office/" and entry.a.span["lang"] == "zh-Hant-TW"
    assert "(in Chinese only)" in entry.get_text()
    back = doc.select("main a[href='/en/disclosures/#categories']")
    assert [a.get_text() for a in back] == ["All ten categories of government information"]
    empty = parse(fixture_site.output / "disclosures/budgets/index.html").select_one("main p.notice").get_text()
    assert empty.startswith("本網站目前沒有刊登這一類的資訊")


def test_the_disclosures_feed_per_language_and_the_news_feed_unchanged(fixture_site):
    for lang, titles in (("zh-tw", ["櫃台案件統計", "本所組織及聯絡方式"]), ("en", ["Counter statistics"])):
        feed = ET.parse(fixture_site.output / f"feeds/disclosures-{lang}.atom.xml").getroot()
        assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == titles
        news = ET.parse(fixture_site.output / f"feeds/{lang}.atom.xml").getroot()
        assert len(news.findall(f"{ATOM}entry")) == 1
    zh = ET.parse(fixture_site.output / "feeds/disclosures-zh-tw.atom.xml").getroot()
    assert zh.find(f"{ATOM}title").text == "測試戶政事務所：政府資訊公開"
    head = parse(fixture_site.output / "en/disclosures/index.html").select_one(
        "head link[href='/feeds/disclosures-en.atom.xml']")
    assert head["type"] == "application/atom+xml"


# --- the real site ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, names", [("zh-tw", TEN_ZH), ("en", TEN_EN)])
def test_the_landing_page_shows_all_ten_categories_with_a_count_or_why_not(real_site, lang, names):
    prefix = "" if lang == "zh-tw" else "en/"
    doc = parse(real_site.output / f"{prefix}disclosures/index.html")
    categories = doc.select("main ol.disclosure-categories > li")
    assert [li.h3.get_text() for li in categories] == names
    for li in categories:
        target = li.h3.a["href"].removeprefix("/")
        assert (real_site.output / target / "index.html").is_file(), target
        assert li.select_one("p.empty") or li.strong
    counted = {li.h3.get_text(): li.strong.get_text() for li in categories if li.strong}
    published = {"zh-tw": "已公開1筆", "en": "1 item published"}[lang]
    assert counted == {names[0]: published, names[2]: published, names[4]: published}
    meeting = categories[9].select_one("p.empty").get_text()
    assert meeting.startswith({"zh-tw": "本所無此類資訊", "en": "The office has no information of this kind"}[lang])


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_footer_and_the_site_map_page_link_the_landing_page(real_site, prefix):
    target = f"/{prefix}disclosures/"
    for page in ("index.html", "guides/birth/index.html", "disclosures/budgets/index.html"):
        doc = parse(real_site.output / prefix / page)
        assert doc.select_one(f"footer a[href='{target}']"), page
    site_map = parse(real_site.output / prefix / "sitemap/index.html")
    assert site_map.select_one(f"main a[href='{target}']")
    assert len(site_map.select(f"main a[href^='{target}'][href$='/']")) >= 11  # the page and the ten categories


def test_every_disclosure_page_exists_in_both_languages(real_site):
    zh = {p.relative_to(real_site.output / "disclosures") for p in (real_site.output / "disclosures").rglob("*.html")}
    en = {p.relative_to(real_site.output / "en/disclosures") for p in
          (real_site.output / "en/disclosures").rglob("*.html")}
    assert zh == en and len(zh) == 1 + 10 + 3


def test_the_laws_link_to_the_national_law_database(real_site):
    doc = parse(real_site.output / "en/disclosures/applicable-laws/index.html")
    items = doc.select("main #laws + ul > li")
    cue = " (external site)"  # every link to another site says so (template_env.links)
    assert all(li.a.get_text().endswith(cue) for li in items if li.a)
    linked = {li.a.get_text().removesuffix(cue): li.a["href"] for li in items
              if li.a and "law.moj.gov.tw/LawClass" in li.a["href"]}
    assert linked == {"Household Registration Act": "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0030006",
                      "Enforcement Rules of the Household Registration Act":
                          "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0030007",
                      "Household Registration Fee Standards":
                          "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0030026",
                      "Name Act": "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0030011",
                      "Indigenous Peoples Status Act": "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0130001",
                      "Freedom of Government Information Law":
                          "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=I0020026",
                      "Nationality Act": "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0030001"}
    assert len(items) == len(linked)  # every law has its pcode (content/data/laws.yaml)


def test_the_organisation_page_shows_the_office_data_not_a_copy(real_site):
    from office_data.office_data import load
    from support import ROOT

    office = load(ROOT / "content/office.toml", ["zh-tw", "en"])
    doc = parse(real_site.output / "disclosures/office-organisation/index.html")
    details = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in doc.select("main dl.office-details dt")}
    assert details["地址"] == office.text("address", "zh-tw") and details["傳真"] == office.text("fax", "zh-tw")
    assert set(office.unverified()) >= {"address", "phone"}
    assert doc.select_one("main p.notice").get_text().startswith("尚未經本所確認的資料：地址、電話")
    source = (ROOT / "content/disclosures/office-organisation.zh-tw.md").read_text(encoding="utf-8")
    assert office.text("address", "zh-tw") not in source
