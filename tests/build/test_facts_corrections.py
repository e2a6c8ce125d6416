"""The fact sheet's Corrections C1–C14 hold on the built real site, in both languages.

Where a correction is a statement several pages make, it is declared once (facts.yaml `texts:`)
and these tests check the declaration and that every page that speaks of it uses it; where it is
a venue, they check the guides' `where` and the lists made from it. A few string checks remain
for wordings that must not come back (the 1996 line, "the parent who dies last")."""

from __future__ import annotations

import re

import pytest

from content_model.reference import load_reference
from sources.front_matter import read_source
from support import ROOT, parse

LANGUAGES = ["zh-tw", "en"]
PREFIX = {"zh-tw": "", "en": "en/"}


@pytest.fixture(scope="module")
def reference():
    data, problems = load_reference(ROOT / "content/data", LANGUAGES)
    assert problems == []
    return data


def text_fact(reference, key: str, lang: str) -> str:
    return reference.facts.texts[key].text[lang]


def guide(slug: str, lang: str):
    return read_source(ROOT / f"content/guides/{slug}.{lang}.md")


def main_text(site, page: str) -> str:
    return " ".join(parse(site.output / page).select_one("main").get_text(" ").split())


def every_text_file():
    """Every page, data file and form definition, except where facts are declared (facts.yaml) and
    the disclosures (dated documents reproduced as they are)."""
    for folder in ("content", "forms"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".yaml") and "disclosures" not in path.parts and path.name != "facts.yaml":
                yield path


def test_c1_the_english_transcript_shows_nine_kinds_of_event_on_every_page_that_says_so(real_site, reference):
    assert text_fact(reference, "english-transcript-events", "zh-tw") == \
        "出生、認領、收養、終止收養、結婚、離婚、監護、死亡及死亡宣告"
    en = text_fact(reference, "english-transcript-events", "en")
    for event in ("births", "acknowledgements", "adoptions", "terminations of adoption", "marriages", "divorces",
                  "guardianship", "deaths", "presumptions of death"):
        assert event in en
    # every source that speaks of what the English transcript shows uses the declaration
    speaking = [path for path in every_text_file() if path.name != "sources.yaml"  # titles of sources
                and re.search(r"英文[^\n]{0,2}戶籍謄本[^\n]{0,12}記載|(English household registration transcript|"
                             r"transcript in English)[^\n]{0,20}shows",
                             path.read_text("utf-8"))]
    assert {path.name for path in speaking} >= {"transcript.zh-tw.md", "transcript.en.md", "glossary.yaml",
                                                  "form.yaml"}
    for path in speaking:
        assert "{{text:english-transcript-events}}" in path.read_text("utf-8"), path
    for lang in LANGUAGES:
        for page in ("guides/transcript/index.html", "glossary/index.html",
                     "forms/english-transcript-application/index.html"):
            text = main_text(real_site, PREFIX[lang] + page)
            assert text_fact(reference, "english-transcript-events", lang) in text, page
            # never "only" a list of events again (a form may say that selected persons only are shown)
            assert not re.search(r"shows only (?:births|deaths|marriages)|只記載(?:出生|死亡|結婚)", text), page


def test_c2_a_lost_id_card_is_reported_online_or_at_any_office_never_by_calling_1996(real_site, reference):
    assert "不需要憑證" in text_fact(reference, "lost-id-card", "zh-tw")
    assert "any household registration office" in text_fact(reference, "lost-id-card", "en")
    phone = re.compile(r"(?<![\d-])1996(?![\d-])")  # the number, not a date such as 1996-08-15
    for path in real_site.output.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".xml"):
            assert not phone.search(path.read_text("utf-8")), path
    for lang in LANGUAGES:
        for page in ("guides/id-card/index.html", "faq/index.html"):
            assert text_fact(reference, "lost-id-card", lang) in main_text(real_site, PREFIX[lang] + page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_c3_c10_guardianship_and_household_certificates_are_any_office_matters_in_the_lists(real_site, lang):
    for slug in ("guardianship", "household-certificate"):
        header = guide(slug, lang).header
        assert header["where"]["nationwide"]["status"] == "yes"
    listed = any_office_links(real_site, lang)
    assert {f"/{PREFIX[lang]}guides/guardianship/", f"/{PREFIX[lang]}guides/household-certificate/"} <= listed


def any_office_links(site, lang: str) -> set[str]:
    """The guides linked from the contact page's "any office" list (the list after its heading)."""
    doc = parse(site.output / PREFIX[lang] / "contact/index.html")
    lists = doc.select("main h2 ~ ul")
    links = [{a["href"] for a in ul.select("a")} for ul in lists]
    return next(found for found in links if any("/guides/death/" in href for href in found))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_c4_a_replaced_card_s_photo_is_never_required_when_the_counter_has_one_on_file(real_site, reference, lang):
    on_file = text_fact(reference, "photo-on-file", lang)
    assert ("存檔的相片" if lang == "zh-tw" else "photo on file") in on_file
    # every guide document that asks for a photo for a replacement or re-issue says so with the declaration
    for path in sorted((ROOT / "content/guides").glob(f"*.{lang}.md")):
        source = read_source(path)
        for document in source.header["documents"]:
            words = document["name"] + document.get("note", "")
            if re.search(r"相片|photo", words, re.I) and not re.search(r"初領|first|無依|abandoned", words, re.I):
                assert re.search(r"\{\{text:photo-(on-file|spouse-death)\}\}", words), (path.name, words)
    death = main_text(real_site, PREFIX[lang] + "guides/death/index.html")
    assert text_fact(reference, "photo-spouse-death", lang) in death
    for page in ("contact/index.html", "faq/index.html", "guides/marriage/index.html"):
        assert on_file in main_text(real_site, PREFIX[lang] + page), page


def test_c5_grandparents_on_either_side_may_register_a_birth(real_site):
    zh, en = guide("birth", "zh-tw").header["applicants"][0], guide("birth", "en").header["applicants"][0]
    assert "祖父母或外祖父母" in zh and "either side" in en
    for page in real_site.output.rglob("*.html"):
        assert "father's parents, the head" not in page.read_text("utf-8"), page


@pytest.mark.parametrize("key, words", [
    ("online-divorce", {"zh-tw": ["調解", "和解", "裁判離婚確定"], "en": ["mediation", "settlement", "final"]}),
    ("online-death-applicants", {"zh-tw": ["配偶", "親屬", "同戶"], "en": ["spouse", "relative", "same household"]}),
])
def test_c6_c7_online_divorce_and_death_as_declared_on_every_page_that_says_so(real_site, reference, key, words):
    for lang in LANGUAGES:
        declared = text_fact(reference, key, lang)
        assert all(word in declared for word in words[lang])
        for page in ("news/online-services/index.html", "guides/" + ("divorce" if "divorce" in key else "death")
                     + "/index.html"):
            assert declared in main_text(real_site, PREFIX[lang] + page), page
    assert "{{text:online-divorce}}" in (ROOT / "content/guides/divorce.en.md").read_text("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_c8_the_guardian_named_by_will_is_named_by_the_parent_who_last_exercised_parental_rights(real_site, lang):
    text = main_text(real_site, PREFIX[lang] + "guides/guardianship/index.html")
    assert ("最後行使、負擔" in text) if lang == "zh-tw" else ("last exercised" in text)
    for page in real_site.output.rglob("*.html"):
        content = page.read_text("utf-8")
        assert "後死的" not in content and "dies last" not in content and "died last" not in content, page


@pytest.mark.parametrize("lang, words", [("zh-tw", "同時在同一直轄市或縣（市）設立戶籍6個月以上"),
                                         ("en", "has had a household registration in the same city or county as "
                                                "you, at the same time, for six months or more")])
def test_c9_the_same_full_name_registered_in_the_same_city_at_the_same_time(real_site, lang, words):
    assert words in main_text(real_site, PREFIX[lang] + "guides/name-change/index.html")


def test_c11_original_records_are_not_said_to_be_only_at_the_original_office(real_site):
    for page in real_site.output.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "日治" not in text and "Japanese colonial" not in text, page
        assert "還沒有電腦化" not in text and "not yet computerised" not in text, page


@pytest.mark.parametrize("lang, service, ask", [
    ("zh-tw", r"到宅服務|法律諮詢", r"是否仍提供"), ("en", r"home visits?|legal advice|legal consultations",
                                                     r"whether (it|they|this) (is )?still|still offers?"),
])
def test_c12_home_visits_and_legal_advice_are_never_a_current_service(real_site, lang, service, ask):
    for page in ("contact/index.html", "services/index.html", "about/index.html"):
        doc = parse(real_site.output / PREFIX[lang] / page)
        for block in doc.select("main p, main li, main h2"):
            text = " ".join(block.get_text(" ").split())
            if re.search(service, text, re.I) and block.name != "h2":
                section = " ".join([text, *(h.get_text() for h in block.find_all_previous("h2", limit=1))])
                assert re.search(ask, section, re.I), (page, text)


def test_c13_the_seal_guide_rests_on_the_seal_rules_as_a_whole(real_site):
    for lang in LANGUAGES:
        [basis] = guide("seal", lang).header["legal_basis"]
        assert basis == {"law": "seal-registration-rules"}  # no single point: the whole rule
        text = main_text(real_site, PREFIX[lang] + "guides/seal/index.html")
        assert ("全文" if lang == "zh-tw" else "the whole text") in text


def test_c14_a_translation_is_authenticated_by_a_notary_not_notarised(real_site, reference):
    assert "國內公證人認證" in text_fact(reference, "translation", "zh-tw")
    assert "authenticated by a notary public" in text_fact(reference, "translation", "en")
    for path in every_text_file():
        text = path.read_text("utf-8")
        assert not re.search(r"譯本[^。\n]{0,20}公證(?!人認證)|公證[^。\n]{0,5}譯本", text), path
        assert "notarised in Taiwan" not in text, path
