"""The disclosure header and the categories data file: each bad input is one Problem with the
key's line and a fix; the kind's own checks (category, laws, slug) and the facts the two
language versions must share."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from content_model.kinds import kind_named
from content_model.reference import load_file, load_reference
from content_model.schemas.disclosure import DisclosureCategories, agreement, references
from sources.front_matter import read_source
from sources.validation import validate
from support import ROOT

LANGUAGES = ["zh-tw", "en"]
HEADER = """---
title: 97年度提升服務品質執行計畫
slug: service-quality-plan-2008
lang: zh-tw
summary: 計畫摘要。
category: plans-and-reports
date: 2026-11-30
issuer: 臺中縣龍井鄉戶政事務所
{extra}---
本文。
"""
DATA = ROOT / "content" / "data"


def problems(tmp_path, extra: str = "", replace: tuple[str, str] = ("", "")) -> list[str]:
    path = tmp_path / "x.md"
    path.write_text(HEADER.format(extra=extra).replace(*replace), encoding="utf-8")
    source = read_source(path)
    _, found = validate(kind_named("disclosure").schema, source.header, "x.md", source.line_of,
                        context={"languages": LANGUAGES})
    return [str(problem) for problem in found]


def header(**fields):
    data = {"title": "t", "slug": "plan", "lang": "zh-tw", "summary": "s", "category": "plans-and-reports",
            "date": "2026-11-30", "issuer": "本所", **fields}
    return kind_named("disclosure").schema.model_validate(data, context={"languages": LANGUAGES})


@pytest.fixture(scope="module")
def reference():
    data, found = load_reference(DATA, LANGUAGES)
    assert found == []
    return data


def test_a_valid_header_with_every_optional_key(tmp_path):
    extra = ("modified: 2026-12-01\ndocument_number: 龍戶字第1150000001號\nvalid_until: 2027-12-31\n"
             "attachments:\n  - file: plan.pdf\n    title: 計畫全文\nlaws:\n  - name-act\noffice_details: true\n")
    assert problems(tmp_path, extra) == []


def test_a_missing_date_names_the_header_and_says_what_to_write(tmp_path):
    [message] = problems(tmp_path, replace=("date: 2026-11-30\n", ""))
    assert message == ("x.md:2: header [missing-key]: the key `date` is missing. Fix: add `date: …` "
                       "(the publication date, as YYYY-MM-DD); see docs/content-guide.md.")


@pytest.mark.parametrize("key", ["category", "issuer", "summary"])
def test_every_required_key_is_required(tmp_path, key):
    text = "\n".join(line for line in HEADER.format(extra="").splitlines() if not line.startswith(f"{key}:"))
    path = tmp_path / "x.md"
    path.write_text(text + "\n", encoding="utf-8")
    source = read_source(path)
    _, found = validate(kind_named("disclosure").schema, source.header, "x.md", source.line_of,
                        context={"languages": LANGUAGES})
    assert [str(p).split(". Fix:")[0] for p in found] == [
        f"x.md:2: header [missing-key]: the key `{key}` is missing"]


def test_an_impossible_date_is_named_with_its_line(tmp_path):
    [message] = problems(tmp_path, replace=("date: 2026-11-30", "date: 2026-02-30"))
    assert message.startswith("x.md:7: header [invalid-value]: `date`:")
    assert "Fix: write the publication date, as YYYY-MM-DD" in message


def test_valid_until_before_the_publication_date(tmp_path):
    [message] = problems(tmp_path, "valid_until: 2026-11-29\n")
    assert message.startswith("x.md:9: header [invalid-value]: `valid_until`: value error, the information "
                              "cannot end (2026-11-29) before it is published (2026-11-30)")
    assert "Fix: write the last day the information applies, as YYYY-MM-DD, not before `date`" in message


def test_valid_until_on_the_publication_date_is_fine(tmp_path):
    assert problems(tmp_path, "valid_until: 2026-11-30\n") == []


@pytest.mark.parametrize("name", ["計畫.pdf", "plan.docx", "plan.PDF", "../plan.pdf", "plan", "sub/plan.pdf"])
def test_an_attachment_name_the_build_cannot_publish(tmp_path, name):
    [message] = problems(tmp_path, f"attachments:\n  - file: {name}\n    title: 全文\n")
    assert message.startswith("x.md:10: header [invalid-value]: `attachments[0].file`")
    assert "ending in .pdf, .odt, .ods, .odp or .csv" in message


def test_an_attachment_needs_a_title(tmp_path):
    [message] = problems(tmp_path, "attachments:\n  - file: plan.pdf\n")
    assert message.startswith("x.md:10: header [missing-key]: the key `attachments[0].title` is missing")


def test_an_unknown_category_lists_the_ten_keys(reference):
    [finding] = references(header(category="budget"), reference, None)
    assert (finding.location, finding.rule, finding.message) == (("category",), "unknown-category",
                                                                  "unknown category `budget`")
    assert finding.fix == ("use one of the keys in content/data/disclosure-categories.yaml: regulations, "
                           "interpretive-rules, organisation, administrative-guidance, plans-and-reports, budgets, "
                           "petitions-and-appeals, contracts, subsidies, meeting-records")


def test_an_unknown_law_and_a_slug_that_is_a_category_address(reference):
    found = references(header(slug="budgets", laws=["name-act", "tax-act"]), reference, None)
    assert [(f.location, f.rule) for f in found] == [(("slug",), "category-slug"), (("laws", 1), "unknown-law")]


def test_a_known_category_and_laws_pass(reference):
    assert references(header(laws=["nationality-act", "government-information-act"]), reference, None) == []


def test_the_translation_must_share_every_fact_but_words():
    original = header(attachments=[{"file": "plan.pdf", "title": "全文"}], valid_until="2027-01-01")
    same = header(lang="en", title="Plan", issuer="The office", attachments=[{"file": "plan.pdf", "title": "Text"}],
                  valid_until="2027-01-01")
    assert agreement(original, same) == []
    other = header(lang="en", category="budgets", date="2026-12-01", attachments=[], valid_until="2027-01-01")
    assert [location for location, _ in agreement(original, other)] == [("category",), ("date",), ("attachments",)]


# --- the categories data file ----------------------------------------------------------------

def categories_problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "disclosure-categories.yaml"
    path.write_text(text, encoding="utf-8")
    _, found = load_file(path, DisclosureCategories, LANGUAGES)
    return [str(problem) for problem in found]


def real_categories() -> str:
    return (DATA / "disclosure-categories.yaml").read_text(encoding="utf-8")


def test_the_real_file_has_the_ten_categories_of_article_7_in_order(reference):
    categories = reference.disclosure_categories.root
    assert [c.number for c in categories] == list(range(1, 11))
    assert categories[2].key == "organisation" and categories[2].name["zh-tw"] == "組織、職掌及聯絡方式"
    assert all(c.explain[lang] and c.empty[lang] for c in categories for lang in LANGUAGES)


def test_the_fixture_site_uses_the_same_categories():
    fixture = ROOT / "tests/fixtures/site/content/data/disclosure-categories.yaml"
    assert fixture.read_text(encoding="utf-8") == real_categories()


def test_a_category_left_out_is_named(tmp_path):
    text = real_categories()
    start = text.index("- key: budgets")
    end = text.index("- key: petitions-and-appeals")
    [message] = categories_problems(tmp_path, text[:start] + text[end:])
    assert "the categories must be the 10 of 政府資訊公開法 §7, numbered 1 to 10 in order" in message
    assert "[1, 2, 3, 4, 5, 7, 8, 9, 10]" in message


def test_a_key_used_twice_is_named(tmp_path):
    [message] = categories_problems(tmp_path, real_categories().replace("key: budgets", "key: contracts"))
    assert "each key must be used once" in message


def test_a_missing_english_text_names_its_line(tmp_path):
    text = real_categories().replace("    en: Budgets and final accounts\n", "")
    [message] = categories_problems(tmp_path, text)
    line = real_categories().splitlines().index("- key: budgets") + 3  # its `name:`
    assert message.startswith(f"{tmp_path}/disclosure-categories.yaml:{line}: data [invalid-value]: `[5].name`")
    assert "a text is missing for en" in message


def test_a_category_number_out_of_range(tmp_path):
    [message, *_] = categories_problems(tmp_path, real_categories().replace("number: 10", "number: 11"))
    assert "`[9].number`" in message and "Fix: write its number in §7 I, from 1 to 10" in message


def test_a_missing_categories_file_stops_the_build(tmp_path):
    _, found = load_file(tmp_path / "disclosure-categories.yaml", DisclosureCategories, LANGUAGES)
    assert [p.rule for p in found] == ["missing-file"]


def test_category_pages_date_from_their_items_or_the_landing_page(reference):
    from content_model.disclosure_items import category_items
    from factories import LANGUAGES as SITE
    from factories import item

    landing = [item("page", "disclosures", lang, modified=datetime.date(2026, 11, 20)) for lang in SITE]
    plan = item("disclosure", "plan", "zh-tw", category="plans-and-reports", date=datetime.date(2026, 11, 25))
    made = {(i.slug, i.lang): i for i in category_items(reference, [*landing, plan], SITE)}
    assert len(made) == 20
    assert made[("plans-and-reports", "en")].updated == datetime.date(2026, 11, 25)
    assert made[("budgets", "zh-tw")].updated == datetime.date(2026, 11, 20)
    budgets = made[("budgets", "en")]
    assert (budgets.title, budgets.number, budgets.url) == ("Budgets and final accounts", 6, "en/disclosures/budgets/")
    assert budgets.empty.startswith("Nothing of this kind is published")
    assert Path(budgets.source_path).name == "disclosure-categories.yaml"
