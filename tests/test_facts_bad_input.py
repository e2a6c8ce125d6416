"""Facts that are not in their one place, planted in a copy of the fixture site as a new member of
staff would write them: each is one line `path:line: stage [rule]: message. Fix: …` naming the
file and line, and the build stops (exit 2, no traceback, output/ untouched)."""

from __future__ import annotations

import pytest

from support import ROOT, build_fixture_copy, copy_fixture_site, edit, problem_lines


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def lines_of(site, tmp_path) -> list[str]:
    build = build_fixture_copy(site, tmp_path / "out")
    assert not (tmp_path / "out").exists(), "a failed build wrote output"
    return problem_lines(build)


def append(path, text: str) -> int:
    """Add lines at the end of a file; the line number of the first one."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_an_amount_in_a_guide_s_body_that_its_header_does_not_declare(site, tmp_path):
    line = append(site / "content/guides/birth.en.md", "\nA new household certificate costs NT$35.\n") + 1
    assert lines_of(site, tmp_path) == [
        f"content/guides/birth.en.md:{line}: facts [typed-fact]: an amount of money typed by hand: `NT$35`. "
        "Fix: declare the fact in content/data/facts.yaml with its source, then write its placeholder (in a "
        "guide, only a value its header declares; docs/facts.md)"]


def test_a_value_the_header_declares_may_be_repeated_but_not_another_one(site, tmp_path):
    # 60 days and NT$30 are declared (deadline.fact birth, fee household-certificate): allowed.
    # NT$15 is a declared fact (transcript), but not this guide's: the fix names its placeholder.
    line = append(site / "content/guides/birth.zh-tw.md",
                  "\n出生後60日內辦理，戶口名簿每份新臺幣30元，謄本每張新臺幣15元。\n") + 1
    assert lines_of(site, tmp_path) == [
        f"content/guides/birth.zh-tw.md:{line}: facts [typed-fact]: an amount of money typed by hand: `新臺幣15元`. "
        "Fix: write the placeholder of the declared fact instead, e.g. {{fee:transcript}} (in a guide, only a "
        "value its header declares; docs/facts.md)"]


def test_a_time_limit_in_a_summary_that_the_header_does_not_declare(site, tmp_path):
    edit(site / "content/guides/birth.en.md", "summary: Register within 60 days of the birth.",
         "summary: Register within 30 days of the birth.")
    assert lines_of(site, tmp_path) == [
        "content/guides/birth.en.md:5: facts [typed-fact]: a number of days typed by hand: `30 days`. Fix: write "
        "the placeholder of the declared fact instead, e.g. {{days:registration}} (in a guide, only a value its "
        "header declares; docs/facts.md)"]


def test_the_two_languages_of_a_guide_state_different_facts(site, tmp_path):
    append(site / "content/guides/birth.en.md", "\nA transcript costs {{fee:transcript:unit}}.\n")
    assert lines_of(site, tmp_path) == [
        "content/guides/birth.en.md:2: facts [pair-disagrees]: NT$15 is stated only here, not in both languages. "
        "Fix: state the same fees, fines and time limits in both languages, each with its placeholder"]


def test_a_fee_typed_on_a_page_is_a_fact_two_pages_could_state_differently(site, tmp_path):
    line = append(site / "content/pages/notice.zh-tw.md", "\n戶籍謄本每張新臺幣20元。\n") + 1
    assert lines_of(site, tmp_path) == [
        f"content/pages/notice.zh-tw.md:{line}: facts [typed-fact]: an amount of money typed by hand: `新臺幣20元`. "
        "Fix: declare the fact in content/data/facts.yaml with its source, then write its placeholder (pages and "
        "news never type a fee, fine or time limit; docs/facts.md)"]


def test_an_unknown_fact_key_names_the_close_ones(site, tmp_path):
    edit(site / "content/pages/forms/move.en.md", "Register within {{days:registration}} of moving in.\n",
         "Register within {{days:registraton}} of moving in.\n")
    assert lines_of(site, tmp_path) == [
        "content/pages/forms/move.en.md:7: facts [unknown-fact]: `{{days:registraton}}` names no fact. Fix: write "
        "`{{days:registration}}`, or use a key of `days` facts in content/data/facts.yaml (declare a new fact "
        "there first); see docs/facts.md"]


def test_an_unknown_fee_key_in_a_guide_s_header(site, tmp_path):
    edit(site / "content/guides/birth.zh-tw.md", "  - fee: household-certificate", "  - fee: household-booklet")
    assert lines_of(site, tmp_path) == [
        "content/guides/birth.zh-tw.md:21: header [unknown-fact]: unknown fee `household-booklet`. Fix: use a key "
        "of `fees:` in content/data/facts.yaml, or declare the fee there with its source first"]


def test_a_page_that_states_rules_without_a_review_date(site, tmp_path):
    edit(site / "content/pages/forms/move.zh-tw.md", "reviewed: 2026-11-20\n", "")
    assert lines_of(site, tmp_path) == [
        "content/pages/forms/move.zh-tw.md:2: facts [no-review-date]: this page states rules "
        "(`{{days:registration}}`) but has no `reviewed:` date. Fix: add `reviewed: YYYY-MM-DD`, the day its facts "
        "were last checked (empty if never; docs/facts.md)"]


def test_a_law_without_its_pcode(site, tmp_path):
    edit(site / "content/data/laws.yaml", "  pcode: D0030006\n", "")
    assert lines_of(site, tmp_path) == [
        "content/data/laws.yaml:1: data [no-pcode]: the law `household-registration-act` has no `pcode`. Fix: add "
        "`pcode: …`, the PCODE in its address on law.moj.gov.tw (e.g. 國籍法: pcode: D0030001); only a rule the "
        "national law database does not hold may say why instead, in `not_in_database:`"]


def test_a_source_tag_a_guide_cites_that_sources_yaml_lacks(site, tmp_path):
    for lang in ("zh-tw", "en"):
        edit(site / f"content/guides/birth.{lang}.md", "sources: [L1]", "sources: [L1, W99]")
    assert lines_of(site, tmp_path) == [
        f"content/guides/birth.{lang}.md:{line}: header [unknown-source]: unknown source `W99`. Fix: use a tag from "
        "content/data/sources.yaml, or add the source there" for lang, line in (("en", 37), ("zh-tw", 35))]


def test_a_fact_whose_source_is_missing(site, tmp_path):
    facts = site / "content/data/facts.yaml"
    edit(facts, "    amount: 15\n    unit: {zh-tw: 每張, en: per page}\n    source: L1",
         "    amount: 15\n    unit: {zh-tw: 每張, en: per page}\n    source: L3")
    line = facts.read_text(encoding="utf-8").splitlines().index("    source: L3") + 1
    assert lines_of(site, tmp_path) == [
        f"content/data/facts.yaml:{line}: data [unknown-source]: unknown source `L3`. Fix: use a tag of "
        "content/data/sources.yaml, or add the source there"]


def test_a_fee_typed_in_a_form_text(site, tmp_path):
    edit(site / "forms/birth-application/form.yaml", "purpose: {zh-tw: 測試用。, en: For tests.}",
         "purpose: {zh-tw: 測試用，每張新臺幣15元。, en: \"For tests, {{fee:transcript:unit}}.\"}")
    assert lines_of(site, tmp_path) == [
        "forms/birth-application/form.yaml:3: facts [typed-fact]: an amount of money typed by hand: `新臺幣15元`. "
        "Fix: write the placeholder of the declared fact instead, e.g. {{fee:transcript}} (forms never type a fee, "
        "fine or time limit; docs/facts.md)"]


def test_an_avoided_english_variant_in_a_form_text(site, tmp_path):
    real = (ROOT / "content/data/glossary.yaml").read_text(encoding="utf-8")  # the real avoid lists of two terms
    terms = [block for block in real.split("\n- ") if block.startswith(("id: authorised-person", "id: letter-of-auth"))]
    append(site / "content/data/glossary.yaml", "".join(f"- {block.split(chr(10) + chr(10))[0]}\n" for block in terms))
    edit(site / "forms/birth-application/form.yaml", "who: {zh-tw: 測試者。, en: A tester.}",
         "who: {zh-tw: 受託人。, en: A delegate with a letter of delegation.}")
    assert lines_of(site, tmp_path) == [
        "forms/birth-application/form.yaml:4: lint [glossary]: 'delegate' is a variant the glossary avoids for "
        "受託人. Fix: write 'authorised person' (content/data/glossary.yaml, term `authorised-person`).",
        "forms/birth-application/form.yaml:4: lint [glossary]: 'letter of delegation' is a variant the glossary "
        "avoids for 委託書. Fix: write 'letter of authorisation' (content/data/glossary.yaml, term "
        "`letter-of-authorisation`)."]


def test_an_avoided_english_variant_in_the_data_that_open_data_shows(site, tmp_path):
    edit(site / "content/data/sources.yaml", "title: {zh-tw: 戶籍法, en: Household Registration Act}",
         "title: {zh-tw: 戶籍法, en: Household Registration Act (household booklet)}")
    assert lines_of(site, tmp_path) == [
        "content/data/sources.yaml:2: lint [glossary]: 'household booklet' is a variant the glossary avoids for "
        "戶口名簿. Fix: write 'household certificate' (content/data/glossary.yaml, term `household-certificate`)."]


def test_a_list_of_offices_in_a_guide(site, tmp_path):
    line = append(site / "content/guides/birth.en.md", "\n{{list:any-office}}\n") + 1
    assert lines_of(site, tmp_path) == [
        f"content/guides/birth.en.md:{line}: facts [placeholder]: a guide cannot hold a list of guides. Fix: link "
        "to the contact page instead"]
