"""Every application guide of the real site, as built: the same parts in the same order, and
the facts on the page equal to the data in the guide's header (and equal between zh and en)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content_model.facts import Resolver
from content_model.reference import load_reference
from content_model.schemas.guide import GuideHeader
from sources.front_matter import read_source
from support import ROOT, build_fixture_copy, copy_fixture_site, parse
from template_env.catalogs import load_all

GUIDES = sorted((ROOT / "content/guides").glob("*.md"))
PARTS = ["glance-heading", "who", "documents", "steps", "forms", "notes", "sources"]
FEE = {"zh-tw": "新臺幣{:,}元", "en": "NT${:,}"}
FREE = {"zh-tw": "免費", "en": "free"}
REFERENCE, _ = load_reference(ROOT / "content/data", ["zh-tw", "en"])
RESOLVER = Resolver(REFERENCE.facts, load_all(ROOT / "i18n", ["zh-tw", "en"], "en"))


def header(path: Path) -> GuideHeader:
    return GuideHeader.model_validate(read_source(path).header)


def resolved(text: str, lang: str) -> str:
    """A header text with its facts in, as the page shows it."""
    value, problems = RESOLVER.resolve(text, lang)
    assert problems == []
    return value


def page_of(site, path: Path):
    guide = header(path)
    prefix = "" if guide.lang == "zh-tw" else "en/"
    return guide, parse(site.output / f"{prefix}guides/{guide.slug}/index.html")


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.name)
def test_every_part_is_there_in_order(real_site, path):
    guide, doc = page_of(real_site, path)
    found = [h2.get("id") for h2 in doc.select("main h2:not([hidden])")]  # the search keywords are hidden
    expected = [part for part in PARTS if part != "forms" or guide.forms]
    assert found == expected
    assert doc.select_one("main .glance dl") and doc.select("main ul.checklist li")
    assert len(doc.select("main ol.steps li")) == len(guide.steps)
    assert len(doc.select("main ul.checklist li")) == len(guide.documents)


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.name)
def test_fee_deadline_and_legal_basis_on_the_page_equal_the_data(real_site, path):
    guide, doc = page_of(real_site, path)
    glance = " ".join(doc.select_one("main .glance").get_text().split())
    for fee in guide.fees:
        fact = REFERENCE.facts.fees[fee.fee]  # the amount is declared once, in facts.yaml
        expected = FREE[guide.lang] if fact.amount == 0 else FEE[guide.lang].format(fact.amount)
        assert expected in glance, (fee, glance)
        if fact.unit and fact.amount:
            assert fact.unit[guide.lang] in glance
    assert " ".join(resolved(guide.deadline.text, guide.lang).split()) in glance
    basis = doc.select("#sources + p + ul > li")[: len(guide.legal_basis)]
    for line, law in zip(basis, guide.legal_basis, strict=True):
        reference_law = REFERENCE.law(law.law)
        assert reference_law.name[guide.lang] in line.get_text()
        links = {a["href"] for a in line.select("a")}
        for article in law.articles:
            assert reference_law.article_url(article) in links or reference_law.numbered_by == "point", article
        if not law.articles:
            assert ("全文" if guide.lang == "zh-tw" else "the whole text") in line.get_text()


def test_a_related_form_link_resolves_to_the_form_page_and_its_files(real_site):
    _, doc = page_of(real_site, ROOT / "content/guides/delegation.en.md")
    link = doc.select_one("#forms + h3 a")
    assert link["href"] == "/en/forms/letter-of-authorisation/"
    assert (real_site.output / "en/forms/letter-of-authorisation/index.html").is_file()
    downloads = doc.select("#forms ~ details.form-downloads ul.downloads a")
    assert sorted(download["href"] for download in downloads) == sorted(
        f"/forms/letter-of-authorisation/letter-of-authorisation-{variant}-en.{fmt}"
        for variant in ("blank", "example") for fmt in ("pdf", "odt"))
    for download in downloads:
        assert (real_site.output / download["href"].lstrip("/")).is_file()
        fmt = download["href"].rsplit(".", 1)[1].upper()
        assert re.search(rf"\({fmt}, .*(KB|bytes)\)", download.get_text()), download.get_text()


def test_a_related_form_that_does_not_exist_stops_the_build(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    for lang in ("zh-tw", "en"):
        path = site / f"content/guides/birth.{lang}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("forms: [birth-application]",
                                                                 "forms: [no-such-form]"), encoding="utf-8")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 2
    assert "content/guides/birth.zh-tw.md:" in build.stdout and "[unknown-form]: no form `no-such-form`" in build.stdout


def test_an_avoided_english_term_stops_the_build_at_its_line(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    path = site / "content/guides/birth.en.md"
    text = path.read_text(encoding="utf-8") + "\nKeep your household booklet safe.\n"
    path.write_text(text, encoding="utf-8")
    build = build_fixture_copy(site, tmp_path / "out")
    line = text.count("\n")
    assert build.returncode == 2
    assert (f"content/guides/birth.en.md:{line}: lint [glossary]: 'household booklet' is a variant the glossary "
            "avoids for 戶口名簿. Fix: write 'household certificate'") in build.stdout


def test_guides_json_has_every_guide_with_the_same_facts(real_site):
    import json

    data = json.loads((real_site.output / "guides.json").read_text(encoding="utf-8"))
    assert data["count"] == 16
    birth = next(item for item in data["items"] if item["slug"] == "birth")
    zh = header(ROOT / "content/guides/birth.zh-tw.md")
    assert [fee["amount"] for fee in birth["fees"]] == [REFERENCE.facts.fees[fee.fee].amount for fee in zh.fees]
    assert birth["deadline"]["days"] == REFERENCE.facts.days[zh.deadline.fact].days == 60
    assert set(birth["url"]) == {"zh-tw", "en"}


@pytest.mark.parametrize("lang, prefix", [("zh-tw", ""), ("en", "en/")])
def test_the_glossary_page_lists_every_term_with_the_other_language_marked(real_site, lang, prefix):
    from sources.front_matter import load_yaml

    glossary = (ROOT / "content/data/glossary.yaml").read_text(encoding="utf-8")
    terms, _ = load_yaml("glossary.yaml", glossary, stage="data")
    doc = parse(real_site.output / prefix / "glossary/index.html")
    entries = {dt["id"]: dt for dt in doc.select("main dl.glossary dt")}
    assert set(entries) == {term["id"] for term in terms}
    for term in terms:
        dt = entries[term["id"]]
        other = dt.select_one("span[lang]")
        expected = (term["en"], "en") if lang == "zh-tw" else (term["zh"], "zh-Hant-TW")
        assert (other.get_text(), other["lang"]) == expected
        assert dt.find_next_sibling("dd").get_text() == resolved(term["explain"][lang], lang)  # facts in
