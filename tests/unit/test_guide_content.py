"""The application guides (content/guides/) and their reference data (content/data/) as written:
every guide of issue #8 (and the household certificate's, issue #17) exists in both languages and
validates, each zh/en pair agrees on its facts, every key a guide uses exists in the data files,
and English guides use the glossary's preferred terms. The rendering of guides is tested with the
guide content kind."""

from __future__ import annotations

import re

import pytest

from content_model.schemas.guide import GuideHeader, agreement
from content_model.schemas.reference import Glossary, Laws, Sources, Topics
from sources.front_matter import load_yaml, read_source
from sources.validation import validate
from support import ROOT

CONTEXT = {"languages": ["zh-tw", "en"]}
GUIDES = ROOT / "content/guides"
DATA = ROOT / "content/data"
SLUGS = ["birth", "death", "marriage", "divorce", "moving", "id-card", "transcript", "seal", "adoption",
         "guardianship", "name-change", "indigenous-status", "initial-registration", "household-split",
         "delegation", "household-certificate"]


def data(name: str, model):
    path = DATA / name
    loaded, lines = load_yaml(str(path), path.read_text("utf-8"), stage="header")
    result, problems = validate(model, loaded, str(path), lambda loc: lines.get(tuple(loc), 1), context=CONTEXT)
    assert not problems, "\n".join(map(str, problems))
    return result


def guide(slug: str, lang: str) -> GuideHeader:
    source = read_source(GUIDES / f"{slug}.{lang}.md")
    header, problems = validate(GuideHeader, source.header, source.path, source.line_of, context=CONTEXT)
    assert not problems, "\n".join(map(str, problems))
    assert (header.slug, header.lang) == (slug, lang)
    return header


def avoided_variants(text: str, glossary: Glossary) -> list[str]:
    """Every avoided English variant of the glossary found in the text, as a whole phrase (plural too);
    a variant that is the term in other capitals is looked for in exactly those capitals."""
    def flags(variant: str, term) -> int:
        return 0 if variant.lower() == term.en.lower() else re.IGNORECASE

    return [f"{variant!r} (write {term.en!r})" for term in glossary.root for variant in term.avoid
            if re.search(rf"(?<![\w-]){re.escape(variant)}(?:s|es)?(?![\w-])", text, flags(variant, term))]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return data("glossary.yaml", Glossary)


def test_every_data_file_validates(glossary):
    assert data("topics.yaml", Topics).root[0].key == "births-deaths"
    assert data("laws.yaml", Laws).root["household-registration-act"].pcode == "D0030006"
    sources = data("sources.yaml", Sources).root
    assert {term.source for term in glossary.root} <= set(sources)
    assert len({term.id for term in glossary.root}) == len(glossary.root), "a glossary id is used twice"


def test_there_are_exactly_the_fifteen_guides_in_both_languages():
    assert sorted(path.name for path in GUIDES.glob("*.md")) == sorted(
        f"{slug}.{lang}.md" for slug in SLUGS for lang in CONTEXT["languages"])


@pytest.mark.parametrize("slug", SLUGS)
def test_a_guide_pair_validates_agrees_and_uses_known_keys(slug):
    zh, en = guide(slug, "zh-tw"), guide(slug, "en")
    assert agreement(zh, en) == []
    topics = {topic.key for topic in data("topics.yaml", Topics).root}
    laws, sources = set(data("laws.yaml", Laws).root), set(data("sources.yaml", Sources).root)
    for header in (zh, en):
        assert header.topic in topics
        assert {basis.law for basis in header.legal_basis} <= laws
        assert set(header.sources) <= sources


@pytest.mark.parametrize("slug", SLUGS)
def test_english_guides_use_the_glossary_terms_and_chinese_guides_write_amounts_in_chinese(slug, glossary):
    english = (GUIDES / f"{slug}.en.md").read_text("utf-8")
    keywords = re.search(r"^keywords: .*$", english, re.M)  # search words may hold what people type
    assert avoided_variants(english.replace(keywords.group(0), "") if keywords else english, glossary) == []
    assert "NT$" not in (GUIDES / f"{slug}.zh-tw.md").read_text("utf-8")


def test_the_variant_check_finds_a_planted_variant_and_not_the_preferred_term(glossary):
    assert avoided_variants("Bring your household transcript.", glossary) == [
        "'household transcript' (write 'household registration transcript')"]
    assert avoided_variants("Two Household Transcripts", glossary) == [
        "'household transcript' (write 'household registration transcript')"]
    assert avoided_variants("Bring your household registration transcript and re-issue card.", glossary) == []
    assert avoided_variants("Your National ID Card number", glossary) == [
        "'National ID Card' (write 'national ID card')"]
    assert avoided_variants("National ID card: first issue", glossary) == []


def test_no_preferred_term_contains_an_avoided_variant(glossary):
    assert [term.en for term in glossary.root if avoided_variants(term.en, glossary)] == []
