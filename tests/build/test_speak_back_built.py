"""Citizens can speak back (issue 21), on built sites:

- "Report a problem with this page" is on every page of both languages: with the office's e-mail
  confirmed (the fixture site) a mailto: link whose subject, read back as a mail program reads it,
  is the page's title and full address; with it unconfirmed (the real site) a link to the contact
  page of the page's language;
- the opinions page is in every footer and on the site map page, lists the channels that need no
  voice before the telephone, links §168–173 of the Administrative Procedure Act;
- the staging banner names every unconfirmed channel;
- the open-data catalogue lists only files the build makes, describes only fields they have, and
  describes every field they have; its DCAT reads as RDF;
- a channel URL that is not https stops the build with one line at office.toml's line."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

import pytest
import rdflib
from rdflib.namespace import DCAT

from site_outputs.catalogue import catalogue_problems, datasets, file_fields
from support import build_fixture_copy, copy_fixture_site, edit, parse, problem_lines

ORIGIN = "https://fixture.example"


def pages(output):
    return sorted(path for path in output.rglob("*.html") if "theme" not in path.parts)


def page_address(output, page, origin):
    relative = page.relative_to(output).as_posix()
    return f"{origin}/{relative[:-len('index.html')] if relative.endswith('index.html') else relative}"


def test_every_page_s_footer_opens_a_mail_with_its_title_and_address(fixture_site):
    checked = 0
    for page in pages(fixture_site.output):
        html = parse(page)
        [link] = html.select("footer .report-problem a")
        parts = urlsplit(link["href"])
        assert parts.scheme == "mailto" and unquote(parts.path) == "office@fixture.example", page
        # read as a mail program reads it (RFC 6068: percent-decoding only; a `+` stays a plus)
        subject = unquote(dict(field.split("=", 1) for field in parts.query.split("&"))["subject"])
        zh = html.html["lang"].startswith("zh")
        found = re.fullmatch(r"網頁問題回報：(.+)（(.+)）" if zh else r"Problem with the page: (.+) \((.+)\)", subject)
        assert found, (page, subject)
        title, address = found.groups()
        assert address == page_address(fixture_site.output, page, ORIGIN), (page, subject)
        # the page's own title (a page not yet translated: the original's, which it shows and links)
        assert title in html.title.get_text() or title in html.select_one("main").get_text(" "), (page, title)
        checked += 1
    assert checked > 20


def test_the_chinese_subject_is_percent_encoded_utf8(fixture_site):
    href = parse(fixture_site.output / "opinions/index.html").select_one("footer .report-problem a")["href"]
    assert href.isascii() and "%E6%84%8F%E8%A6%8B%E8%88%87%E9%99%B3%E6%83%85" in href  # 意見與陳情
    assert "subject=" in href and " " not in href and "+" not in href


def test_with_the_e_mail_unconfirmed_the_link_leads_to_the_contact_page(real_site):
    checked = 0
    for page in pages(real_site.output):
        html = parse(page)
        [link] = html.select("footer .report-problem a")
        lang = html.html["lang"]
        contact = "/en/contact/" if lang == "en" else "/contact/"
        assert link["href"] == contact, (page, link["href"])
        assert "mailto:" not in str(html.select_one("footer"))
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang, prefix, title", [("zh-tw", "", "意見與陳情"), ("en", "en/", "Opinions and petitions")])
def test_the_opinions_page_is_in_the_footer_and_the_site_map(real_site, lang, prefix, title):
    home = parse(real_site.output / prefix / "index.html")
    assert f"/{prefix}opinions/" in [a["href"] for a in home.select("footer .footer-links a")]
    site_map = parse(real_site.output / prefix / "sitemap/index.html")
    assert f"/{prefix}opinions/" in [a["href"] for a in site_map.select("main a")]
    page = parse(real_site.output / prefix / "opinions/index.html")
    assert page.select_one("h1").get_text(strip=True) == title
    # the channels that need no voice first, the telephone after them
    headings = [h["id"] for h in page.select("main h3")]
    assert headings.index("in-writing") < headings.index("by-telephone")
    written = page.select_one("#in-writing + dl").get_text(" ")
    assert "1999" not in written and "1999" in page.select_one("#by-telephone + dl").get_text(" ")
    # every channel is unconfirmed on the real site, and says so
    assert len(page.select(".channels .unconfirmed")) == 7
    # §168–173, each article linked as the guides link them
    articles = [a["href"] for a in page.select("#legal-basis ~ ul a")]
    for number in range(168, 174):
        assert f"https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=A0030055&flno={number}" in articles
    text = page.select_one("main").get_text(" ")
    assert ("國民身分證統一編號" if lang == "zh-tw" else "national ID card number") in text


def test_the_accessibility_statement_says_how_to_report_a_barrier_and_the_reply_time(real_site):
    for prefix, unset in (("", "本所尚未訂定"), ("en/", "not yet set by the office")):
        page = parse(real_site.output / prefix / "accessibility/index.html")
        feedback = page.select_one("#feedback")
        assert feedback is not None and page.select_one("#in-writing") and page.select_one("#not-satisfied")
        assert unset in page.select_one("main").get_text(" ")
        assert f"/{prefix}opinions/" in [a["href"] for a in page.select("main a")]


def test_every_guide_says_whether_it_can_be_booked(real_site):
    guides = sorted((real_site.output / "en/guides").glob("*/index.html"))
    assert guides
    for guide in guides:
        where = parse(guide).select_one("ul.where").get_text(" ")
        assert "Book a counter appointment online: ask the office whether you can book this" in where, guide
    appointments = parse(real_site.output / "en/appointments/index.html").select_one("main").get_text(" ")
    assert "No service is confirmed as bookable online yet" in appointments


def test_the_catalogue_lists_only_built_files_and_every_field_they_have(real_site):
    output = real_site.output
    assert catalogue_problems(datasets(), output) == []
    document = json.loads((output / "datasets.json").read_text(encoding="utf-8"))
    for record in document["datasets"]:
        for distribution in record["distributions"]:
            built = output / distribution["file"]
            assert built.is_file()
            described = {f["name"] for f in record["fields"] if f["file"] == distribution["file"]}
            have = file_fields(built, distribution["format"])
            assert have is not None, f"{built.name} has no record: the field check would pass on nothing"
            assert described == have, (built.name, described ^ have)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_dcat_files_exist_in_the_build(real_site):
    graph = rdflib.Graph().parse(data=(real_site.output / "datasets.jsonld").read_bytes(), format="json-ld")
    downloads = [str(url) for url in graph.objects(None, DCAT.downloadURL)]
    assert len(downloads) == 6
    for url in downloads:
        assert re.fullmatch(r"http://local-build\.invalid/[a-z]+\.(json|csv)", url), url
        assert (real_site.output / url.rsplit("/", 1)[1]).is_file()


@pytest.mark.parametrize("lang, prefix", [("zh-tw", ""), ("en", "en/")])
def test_the_open_data_page_shows_each_dataset_as_a_table(real_site, lang, prefix):
    page = parse(real_site.output / prefix / "open-data/index.html")
    tables = page.select("table.metadata")
    assert len(tables) == 3
    headers = [th.get_text(strip=True) for th in tables[0].select("th[scope=row]")]
    if lang == "zh-tw":
        assert headers == ["資料集名稱", "資料集描述", "主要欄位說明", "提供機關", "聯絡人", "更新頻率", "授權方式",
                           "計費方式", "編碼格式", "檔案格式"]
        assert "政府資料開放授權條款－第1版" in tables[0].get_text()
    assert len(headers) == 10
    # a field's meaning is text: "/guides/<slug>/" is shown as written, not read as an element
    assert "/guides/<slug>/" in page.select_one("main").get_text() and not page.select("main slug")
    links = [a["href"] for a in page.select("main a")]
    assert "/datasets.json" in links and "/datasets.jsonld" in links


def test_a_staging_build_names_every_unconfirmed_channel(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    office = site / "content/office.toml"
    edit(office, '[director_email]\nzh-tw = "director@fixture.example"\nen = "director@fixture.example"\n',
         '[director_email]\nzh-tw = "（待確認）"\nen = "(to be confirmed)"\nunverified = "not found"\n')
    edit(office, 'url = "https://booking.fixture.example/"\n',
         'url = "https://booking.fixture.example/"\nunverified = "not confirmed"\n')
    build = build_fixture_copy(site, tmp_path / "out", SITE_STAGING=True)
    assert build.returncode == 0, build.log
    for prefix, words in (("", ["服務時間", "主任信箱（電子郵件）", "線上預約"]),
                          ("en/", ["Opening hours", "The director's mailbox (e-mail)", "Online appointments"])):
        banner = parse(tmp_path / "out" / prefix / "index.html").select_one("header .staging-banner").get_text(" ")
        for word in words:
            assert word in banner, (prefix, word, banner)
        assert ("Fax" if prefix else "傳真") not in banner  # confirmed in the fixture: not named


def test_a_channel_url_that_is_not_https_stops_the_build_with_one_line(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    office = site / "content/office.toml"
    edit(office, 'url = "https://mailbox.fixture.example/"', 'url = "http://mailbox.fixture.example/"')
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode != 0
    lines = office.read_text(encoding="utf-8").splitlines()
    line = lines.index('url = "http://mailbox.fixture.example/"') + 1
    assert problem_lines(build) == [
        f"content/office.toml:{line}: office-data [url]: [city_mailbox] url = 'http://mailbox.fixture.example/' is "
        "not an https:// address. Fix: write the full https:// address the office confirmed (never http://)"]
    assert not (tmp_path / "out" / "index.html").exists()


def test_an_e_mail_that_is_not_an_address_stops_the_build_with_one_line(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    office = site / "content/office.toml"
    text = office.read_text(encoding="utf-8")
    office.write_text(text.replace("director@fixture.example", "director at fixture.example"), encoding="utf-8")
    build = build_fixture_copy(site, tmp_path / "out")
    lines = office.read_text(encoding="utf-8").splitlines()
    line = lines.index('zh-tw = "director at fixture.example"') + 1
    assert problem_lines(build) == [
        f"content/office.toml:{line}: office-data [email]: [director_email] zh-tw = 'director at fixture.example' "
        "is not a valid e-mail address. Fix: write the address as name@host (e.g. office@example.gov.tw), or keep "
        "its `unverified` line and a text such as （待確認） until confirmed"]
    assert not (tmp_path / "out" / "index.html").exists()
