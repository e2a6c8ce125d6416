"""The staff review page (/review/, /en/review/): made at every build, in no menu, site map,
sitemap.xml, feed or search, not indexed; it lists every declared fact with its value, source,
law and last review, every page's review date, what is not confirmed, and every statement that
asks readers to check with the office, with its page. Also: the review dates every page that
states rules shows, the lists of offices made from the guides, and `make publish` listing the
reviews that are due."""

from __future__ import annotations

import pytest

from content_model.reference import load_reference
from sources.front_matter import read_source
from support import ROOT, build_fixture_copy, copy_fixture_site, edit, parse, problem_lines

LANGUAGES = ["zh-tw", "en"]
PREFIX = {"zh-tw": "", "en": "en/"}
REFERENCE, _ = load_reference(ROOT / "content/data", LANGUAGES)


def review(site, lang: str):
    return parse(site.output / PREFIX[lang] / "review/index.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_declared_fact_is_listed_with_its_value_source_law_and_review(real_site, lang):
    doc = review(real_site, lang)
    assert doc.html["lang"] == {"zh-tw": "zh-Hant-TW", "en": "en"}[lang]
    rows = {row.select_one("th code").get_text(): row for row in doc.select("table.review-facts tbody tr")}
    declared = {f"{kind}:{key}": fact for kind, key, fact in REFERENCE.facts.all()}
    assert set(rows) == set(declared)
    for name, fact in declared.items():
        cells = rows[name].select("td")
        assert fact.name[lang] in rows[name].get_text()
        assert cells[1].get_text().startswith(f"{fact.source}: ")
        source = REFERENCE.source(fact.source)
        if source.url:
            assert cells[1].a["href"] == str(source.url)
        if fact.law:
            assert REFERENCE.law(fact.law).name[lang] in cells[2].get_text()
        time = cells[3].select_one("time")
        assert (time["datetime"] == fact.reviewed.isoformat()) if fact.reviewed else time is None
    fee = rows["fee:transcript"].select("td")
    assert fee[0].get_text().startswith("每張新臺幣15元" if lang == "zh-tw" else "NT$15 per page")
    assert "/guides/transcript/" in " ".join(a["href"] for a in fee[4].select("a"))  # where it is stated
    assert "/forms/transcript-application/" in " ".join(a["href"] for a in fee[4].select("a"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_is_not_confirmed_and_every_ask_the_office_statement_with_its_page(real_site, lang):
    doc = review(real_site, lang)
    text = " ".join(doc.select_one("main").get_text(" ").split())
    for _, key, fact in REFERENCE.facts.all():
        if fact.unverified:
            assert fact.unverified[lang] in text, key
    assert "address" in text  # the office's own details, unconfirmed in content/office.toml
    statements = {h3.a["href"]: h3.find_next_sibling("ul").get_text(" ") for h3 in doc.select("#ask ~ h3")}
    birth = statements[f"/{PREFIX[lang]}guides/birth/"]
    assert ("目前沒有確認" in birth) if lang == "zh-tw" else ("not confirmed" in birth)
    services = statements[f"/{PREFIX[lang]}services/"]
    assert ("是否仍提供" in services) if lang == "zh-tw" else ("still offered" in services)
    asking = [phrase.lower() for phrase in REFERENCE.facts.ask[lang]]
    for listed in statements.values():
        assert any(phrase in listed.lower() for phrase in asking)


def test_the_review_page_is_in_no_menu_site_map_sitemap_feed_or_search(real_site):
    for lang in LANGUAGES:
        doc = review(real_site, lang)
        assert doc.select_one('meta[name="robots"]')["content"] == "noindex"
        assert not doc.select_one("main").has_attr("data-pagefind-body")
        for page in ("index.html", "sitemap/index.html", "guides/index.html"):
            links = [a["href"] for a in parse(real_site.output / PREFIX[lang] / page).select("a")]
            assert not any(href.rstrip("/").endswith("/review") for href in links), page
    assert "/review/" not in (real_site.output / "sitemap.xml").read_text("utf-8")
    for feed in (real_site.output / "feeds").glob("*.xml"):
        assert "/review/" not in feed.read_text("utf-8")
    assert not any("review" in path.name for path in (real_site.output / "pagefind").rglob("*.pf_meta"))


def test_a_page_cannot_take_the_review_page_s_address(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    (site / "content/pages/review.zh-tw.md").write_text(
        "---\ntitle: 審查\nslug: review\nlang: zh-tw\nsummary: 測試。\nmodified: 2026-11-20\n---\n測試。\n",
        encoding="utf-8")
    assert problem_lines(build_fixture_copy(site, tmp_path / "out")) == [
        "content/pages/review.zh-tw.md:3: header [reserved-slug]: /review/ is the address of the staff review page "
        "the build makes (docs/facts.md). Fix: give the page another slug"]


@pytest.mark.parametrize("lang, words", [("zh-tw", "本頁說明的規定，最近一次依來源查核的日期是民國115年12月4日。"),
                                         ("en", "The rules on this page were last checked against their sources on "
                                                "4 December 2026.")])
def test_a_page_that_states_rules_shows_its_review_date(real_site, lang, words):
    for page in ("faq", "contact", "services"):
        doc = parse(real_site.output / PREFIX[lang] / page / "index.html")
        shown = doc.select_one("main p.reviewed")
        assert " ".join(shown.get_text().split()) == words, page
        assert shown.time["datetime"] == "2026-12-04"
    guide = parse(real_site.output / PREFIX[lang] / "guides/birth/index.html")
    assert guide.select_one("#sources + p time")["datetime"] == "2026-12-04"
    assert parse(real_site.output / PREFIX[lang] / "privacy/index.html").select_one("main p.reviewed") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contact_page_s_lists_are_the_guides_where(real_site, lang):
    """Each list on the contact page holds exactly the guides whose `where` says so (read from the
    guides here, not from the lists), in both languages."""
    expected = {"yes": set(), "no": set(), "ask": set()}
    for path in sorted((ROOT / "content/guides").glob(f"*.{lang}.md")):
        header = read_source(path).header
        status = header["where"]["nationwide"]["status"]
        if status in expected:
            expected[status].add(f"/{PREFIX[lang]}guides/{header['slug']}/")
    doc = parse(real_site.output / PREFIX[lang] / "contact/index.html")
    lists = [{a["href"] for a in ul.select("a")} for ul in doc.select("main h2 ~ ul")
             if any("/guides/" in a["href"] for a in ul.select("a"))]
    assert lists == [expected["yes"], expected["no"], expected["ask"]]
    assert f"/{PREFIX[lang]}guides/guardianship/" in expected["yes"]


def test_a_list_changes_with_a_guide_s_where(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    build = build_fixture_copy(site, tmp_path / "before")
    assert build.returncode == 0, build.log
    lists = parse(build.output / "contact/index.html").select("main ul")
    assert [a["href"] for ul in lists for a in ul.select("a")] == ["/guides/birth/"]  # nationwide: ask
    for lang in LANGUAGES:
        edit(site / f"content/guides/birth.{lang}.md", "  nationwide: {status: ask}", "  nationwide: {status: \"yes\"}")
    build = build_fixture_copy(site, tmp_path / "after")
    assert build.returncode == 0, build.log
    doc = parse(build.output / "contact/index.html")
    first = doc.select_one("main p + ul")
    assert [a["href"] for a in first.select("a")] == ["/guides/birth/"]  # now under "any office"


