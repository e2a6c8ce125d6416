"""guides.json and guides.csv: every fact a guide declares, in both languages, for others to reuse.
The JSON has the shape of `GuidesDocument`; its facts equal the declared ones (facts.yaml) and the
guides' headers; the CSV is UTF-8 with a BOM, has exactly the documented columns (docs/facts.md),
one row per guide, and round-trips through Python's csv module; the open-data page lists both."""

from __future__ import annotations

import csv
import io
import re

from content_model.guide_data import CSV_COLUMNS, GuidesDocument
from content_model.reference import load_reference
from sources.front_matter import read_source
from support import ROOT, parse

LANGUAGES = ["zh-tw", "en"]
REFERENCE, _ = load_reference(ROOT / "content/data", LANGUAGES)
GUIDES = sorted(path.name.split(".")[0] for path in (ROOT / "content/guides").glob("*.zh-tw.md"))


def document(site) -> GuidesDocument:
    return GuidesDocument.model_validate_json((site.output / "guides.json").read_bytes())


def test_every_guide_is_there_with_every_fact_it_declares_in_both_languages(real_site):
    data = document(real_site)
    assert data.count == len(data.items) == len(GUIDES) == 16
    assert sorted(item.slug for item in data.items) == GUIDES
    for item in data.items:
        headers = {lang: read_source(ROOT / f"content/guides/{item.slug}.{lang}.md").header for lang in LANGUAGES}
        assert set(item.title) == set(item.url) == set(item.applicants) == set(item.steps) == set(LANGUAGES)
        assert len(item.documents) == len(headers["zh-tw"]["documents"])
        assert all(set(document.name) == set(LANGUAGES) for document in item.documents)
        assert [fee.fact for fee in item.fees] == [fee["fee"] for fee in headers["zh-tw"]["fees"]]
        for fee in item.fees:
            declared = REFERENCE.facts.fees[fee.fact]
            assert (fee.amount, fee.source, fee.law) == (declared.amount, declared.source, declared.law)
            assert fee.unit == (dict(declared.unit.root) if declared.unit else None)
            assert set(fee.item) == set(LANGUAGES)
        assert set(item.where) == {"office", "city", "nationwide"}
        for place, record in [*item.where.items(), ("online", item.online)]:
            assert record.status == headers["en"]["where"][place]["status"]
        assert item.reviewed == headers["zh-tw"]["reviewed"]
        for basis in item.legal_basis:
            law = REFERENCE.law(basis.law)
            assert (basis.pcode, basis.url) == (law.pcode, law.url)
            assert [article.url for article in basis.articles] == [law.article_url(a.number) for a in basis.articles]
            assert set(basis.name) == set(LANGUAGES) and basis.version and set(basis.version) == set(LANGUAGES)
        assert [source.tag for source in item.sources] == headers["zh-tw"]["sources"]


def test_texts_are_plain_and_facts_are_in(real_site):
    raw = (real_site.output / "guides.json").read_text(encoding="utf-8")
    assert "{{" not in raw and "<span" not in raw and "<a " not in raw
    death = next(item for item in document(real_site).items if item.slug == "death")
    assert death.deadline.days == 30 and death.deadline.fact == "registration"
    assert "30日" in death.deadline.text["zh-tw"] and "30 days" in death.deadline.text["en"]
    birth = next(item for item in document(real_site).items if item.slug == "birth")
    assert birth.documents[0].zh == "出生證明書正本"
    articles = [article.url for basis in birth.legal_basis for article in basis.articles]
    assert "https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=D0030006&flno=48-2" in articles


def test_the_csv_has_the_documented_columns_one_row_per_guide(real_site):
    data = (real_site.output / "guides.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(GUIDES) and list(rows[0]) == list(CSV_COLUMNS)
    seal = next(row for row in rows if row["slug"] == "seal")
    assert seal["fees_zh"] == "印鑑登記、變更或廢止: 20 每次 | 印鑑證明: 20 每張"
    assert seal["fees_en"] == ("Seal registration, change or cancellation: 20 each time | "
                               "Seal certificate: 20 per certificate")
    assert seal["city"] == seal["nationwide"] == "ask" and seal["online"] == "no"
    assert seal["deadline_days"] == "" and seal["legal_basis_urls"] == ""  # a rule the database does not hold
    birth = next(row for row in rows if row["slug"] == "birth")
    assert birth["deadline_days"] == "60" and "D0030006" in birth["legal_basis_urls"]
    assert birth["url_en"].endswith("/en/guides/birth/") and "出生證明書正本" in birth["documents_zh"]


def test_the_open_data_page_lists_both_files(real_site):
    for prefix in ("", "en/"):
        links = {a["href"] for a in parse(real_site.output / prefix / "open-data/index.html").select("main a")}
        assert {"/guides.json", "/guides.csv"} <= links
    text = parse(real_site.output / "en/open-data/index.html").get_text(" ")
    assert re.search(r"Application guides: who applies, documents, fees, deadlines, where and online, legal basis",
                     " ".join(text.split()))
