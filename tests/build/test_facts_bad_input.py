"""Facts that are not in their one place, planted in copies of the fixture site as a new member of
staff would write them: each is one line `path:line: stage [rule]: message. Fix: …` naming the
file and line, and the build stops (exit 2, no traceback, output/ untouched).

Mistakes of the same stage are planted together in one copy (one build), and each test checks
its own line; `test_…_and_nothing_else` checks that each mistake gave its line and no other."""

from __future__ import annotations

import pytest

from support import ROOT, build_fixture_copy, copy_fixture_site, edit, problem_lines


def lines_of(site, output) -> list[str]:
    build = build_fixture_copy(site, output)
    assert not output.exists(), "a failed build wrote output"
    return problem_lines(build)


def append(path, text: str) -> int:
    """Add lines at the end of a file; the line number of the first one."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


# --- the facts in pages and guides (one copy) --------------------------------------------------

@pytest.fixture(scope="module")
def content_mistakes(tmp_path_factory):
    """(problem lines, {mistake: the line expected}) of one copy with a mistake of each kind."""
    work = tmp_path_factory.mktemp("facts-content")
    site = copy_fixture_site(work / "site")
    guides, pages = site / "content/guides", site / "content/pages"
    expected = {}
    # a guide's summary: a time limit its header does not declare (it declares 60 days)
    edit(guides / "birth.en.md", "summary: Register within 60 days of the birth.",
         "summary: Register within 30 days of the birth.")
    expected["summary"] = (
        "content/guides/birth.en.md:5: facts [typed-fact]: a number of days typed by hand: `30 days`. Fix: write "
        "the placeholder of the declared fact instead, e.g. {{days:registration}} (in a guide, only a value its "
        "header declares; docs/facts.md)")
    # a guide's body: an amount that is no declared fact at all
    line = append(guides / "birth.en.md", "\nA new household certificate costs NT$35.\n") + 1
    expected["undeclared"] = (
        f"content/guides/birth.en.md:{line}: facts [typed-fact]: an amount of money typed by hand: `NT$35`. Fix: "
        "declare the fact in content/data/facts.yaml with its source, then write its placeholder (in a guide, only "
        "a value its header declares; docs/facts.md)")
    # the English states a fee (by placeholder) that the Chinese does not
    append(guides / "birth.en.md", "\nA transcript costs {{fee:transcript:unit}}.\n")
    expected["pair"] = (
        "content/guides/birth.en.md:2: facts [pair-disagrees]: NT$15 is stated only here, not in both languages. "
        "Fix: state the same fees, fines and time limits in both languages, each with its placeholder")
    # a list of offices in a guide
    line = append(guides / "birth.en.md", "\n{{list:any-office}}\n") + 1
    expected["list"] = (f"content/guides/birth.en.md:{line}: facts [placeholder]: a guide cannot hold a list of "
                        "guides. Fix: link to the contact page instead")
    # 60 days and NT$30 are the header's (deadline birth, fee household-certificate): allowed;
    # NT$15 is a declared fact, but not this guide's: the fix names its placeholder
    line = append(guides / "birth.zh-tw.md", "\n出生後60日內辦理，戶口名簿每份新臺幣30元，謄本每張新臺幣15元。\n") + 1
    expected["not-this-guide"] = (
        f"content/guides/birth.zh-tw.md:{line}: facts [typed-fact]: an amount of money typed by hand: `新臺幣15元`. "
        "Fix: write the placeholder of the declared fact instead, e.g. {{fee:transcript}} (in a guide, only a value "
        "its header declares; docs/facts.md)")
    # a fee typed on a page: two pages could state it differently
    line = append(pages / "notice.zh-tw.md", "\n戶籍謄本每張新臺幣20元。\n") + 1
    expected["page"] = (
        f"content/pages/notice.zh-tw.md:{line}: facts [typed-fact]: an amount of money typed by hand: `新臺幣20元`. "
        "Fix: declare the fact in content/data/facts.yaml with its source, then write its placeholder (pages and "
        "news never type a fee, fine or time limit; docs/facts.md)")
    # a placeholder with a typo: the fix names the close key
    edit(pages / "forms/move.en.md", "summary: Register within {{days:registration}}",
         "summary: Register within {{days:registraton}}")
    expected["unknown"] = (
        "content/pages/forms/move.en.md:7: facts [unknown-fact]: `{{days:registraton}}` names no fact. Fix: write "
        "`{{days:registration}}`, or use a key of `days` facts in content/data/facts.yaml (declare a new fact "
        "there first); see docs/facts.md")
    # a page that states rules without saying when they were checked
    edit(pages / "forms/move.zh-tw.md", "reviewed: 2026-11-20\n", "")
    expected["review"] = (
        "content/pages/forms/move.zh-tw.md:2: facts [no-review-date]: this page states rules "
        "(`{{days:registration}}`) but has no `reviewed:` date. Fix: add `reviewed: YYYY-MM-DD`, the day its facts "
        "were last checked (empty if never; docs/facts.md)")
    return lines_of(site, work / "out"), expected


@pytest.mark.parametrize("mistake", ["summary", "undeclared", "pair", "list", "not-this-guide", "page", "unknown",
                                     "review"])
def test_a_fact_out_of_its_place_in_a_page_or_guide_is_one_line(content_mistakes, mistake):
    lines, expected = content_mistakes
    assert expected[mistake] in lines


def test_each_content_mistake_gives_its_own_line_and_nothing_else(content_mistakes):
    lines, expected = content_mistakes
    assert sorted(lines) == sorted(expected.values())


# --- the data files: laws, facts (one copy) -------------------------------------------------------

def test_a_law_without_its_pcode_and_a_fact_whose_source_is_missing(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    edit(site / "content/data/laws.yaml", "  pcode: D0030006\n", "")
    facts = site / "content/data/facts.yaml"
    edit(facts, "    amount: 15\n    unit: {zh-tw: 每張, en: per page}\n    source: L1",
         "    amount: 15\n    unit: {zh-tw: 每張, en: per page}\n    source: L3")
    line = facts.read_text(encoding="utf-8").splitlines().index("    source: L3") + 1
    assert lines_of(site, tmp_path / "out") == [
        "content/data/facts.yaml:" f"{line}: data [unknown-source]: unknown source `L3`. Fix: use a tag of "
        "content/data/sources.yaml, or add the source there",
        "content/data/laws.yaml:1: data [no-pcode]: the law `household-registration-act` has no `pcode`. Fix: add "
        "`pcode: …`, the PCODE in its address on law.moj.gov.tw (e.g. 國籍法: pcode: D0030001); only a rule the "
        "national law database does not hold may say why instead, in `not_in_database:`"]


# --- a guide's keys (one copy) ---------------------------------------------------------------------

def test_an_unknown_fee_and_a_source_tag_sources_yaml_lacks(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    edit(site / "content/guides/birth.zh-tw.md", "  - fee: household-certificate", "  - fee: household-booklet")
    for lang in ("zh-tw", "en"):
        edit(site / f"content/guides/birth.{lang}.md", "sources: [L1]", "sources: [L1, W99]")
    assert lines_of(site, tmp_path / "out") == [
        "content/guides/birth.en.md:37: header [unknown-source]: unknown source `W99`. Fix: use a tag from "
        "content/data/sources.yaml, or add the source there",
        "content/guides/birth.zh-tw.md:21: header [unknown-fact]: unknown fee `household-booklet`. Fix: use a key "
        "of `fees:` in content/data/facts.yaml, or declare the fee there with its source first",
        "content/guides/birth.zh-tw.md:35: header [unknown-source]: unknown source `W99`. Fix: use a tag from "
        "content/data/sources.yaml, or add the source there"]


# --- form texts ----------------------------------------------------------------------------------

def test_a_fee_typed_in_a_form_text(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    edit(site / "forms/birth-application/form.yaml", "purpose: {zh-tw: 測試用。, en: For tests.}",
         "purpose: {zh-tw: 測試用，每張新臺幣15元。, en: \"For tests, {{fee:transcript:unit}}.\"}")
    assert lines_of(site, tmp_path / "out") == [
        "forms/birth-application/form.yaml:3: facts [typed-fact]: an amount of money typed by hand: `新臺幣15元`. "
        "Fix: write the placeholder of the declared fact instead, e.g. {{fee:transcript}} (forms never type a fee, "
        "fine or time limit; docs/facts.md)"]


def test_an_avoided_english_variant_in_a_form_text_and_in_the_data_open_data_shows(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    real = (ROOT / "content/data/glossary.yaml").read_text(encoding="utf-8")  # the real avoid lists of two terms
    terms = [block for block in real.split("\n- ") if block.startswith(("id: authorised-person", "id: letter-of-auth"))]
    append(site / "content/data/glossary.yaml", "".join(f"- {block.split(chr(10) + chr(10))[0]}\n" for block in terms))
    edit(site / "forms/birth-application/form.yaml", "who: {zh-tw: 測試者。, en: A tester.}",
         "who: {zh-tw: 受託人。, en: A delegate with a letter of delegation.}")
    edit(site / "content/data/sources.yaml", "title: {zh-tw: 戶籍法, en: Household Registration Act}",
         "title: {zh-tw: 戶籍法, en: Household Registration Act (household booklet)}")
    assert lines_of(site, tmp_path / "out") == [
        "content/data/sources.yaml:2: lint [glossary]: 'household booklet' is a variant the glossary avoids for "
        "戶口名簿. Fix: write 'household certificate' (content/data/glossary.yaml, term `household-certificate`).",
        "forms/birth-application/form.yaml:4: lint [glossary]: 'delegate' is a variant the glossary avoids for "
        "受託人. Fix: write 'authorised person' (content/data/glossary.yaml, term `authorised-person`).",
        "forms/birth-application/form.yaml:4: lint [glossary]: 'letter of delegation' is a variant the glossary "
        "avoids for 委託書. Fix: write 'letter of authorisation' (content/data/glossary.yaml, term "
        "`letter-of-authorisation`)."]


# --- a fee stated differently in the text of the two languages ------------------------------------

def test_a_fee_typed_differently_in_the_two_languages_is_one_line_in_the_translation(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    guides = site / "content/guides"
    zh = append(guides / "birth.zh-tw.md", "\n換發戶口名簿每份新臺幣30元。\n") + 1
    en = append(guides / "birth.en.md", "\nA new household certificate is free (NT$0).\n") + 1
    [line] = lines_of(site, tmp_path / "out")
    assert line == (f"content/guides/birth.en.md:{en}: facts [pair-disagrees]: the text states NT$0; "
                    "content/guides/birth.zh-tw.md states NT$30 instead. Fix: state the same fees and time limits "
                    "in the text of both languages, each with its placeholder, e.g. {{fee:household-certificate}}")
    assert zh > 1


def test_the_same_fee_typed_in_one_language_and_a_placeholder_in_the_other_builds(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    append(site / "content/guides/birth.zh-tw.md", "\n換發戶口名簿每份新臺幣30元。\n")
    append(site / "content/guides/birth.en.md", "\nA new household certificate costs {{fee:household-certificate}}.\n")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
