"""The fact placeholders (content_model/facts.py) on their own: each renders in the language asked
for, with the fee standard's unit; a placeholder that names nothing, or is malformed, is an issue
at its offset with a fix that names the close keys; values typed by hand are found, calendar
dates are not."""

from __future__ import annotations

import gettext

import pytest

from content_model.facts import Resolver, placeholders, typed_issue, typed_values
from content_model.schemas.facts import Facts
from support import ROOT
from template_env.catalogs import load_all

LANGUAGES = ["zh-tw", "en"]
FACTS = Facts.model_validate({
    "fees": {
        "transcript": {"name": {"zh-tw": "戶籍謄本", "en": "transcript"}, "amount": 1200, "source": "L3",
                       "unit": {"zh-tw": "每張", "en": "per page"}, "reviewed": "2026-12-04"},
        "free": {"name": {"zh-tw": "登記", "en": "registration"}, "amount": 0, "source": "L3", "reviewed": ""},
    },
    "days": {"registration": {"name": {"zh-tw": "期限", "en": "limit"}, "days": 30, "source": "L1",
                              "reviewed": "2026-12-04"},
             "ahead": {"name": {"zh-tw": "提前", "en": "ahead"}, "days": 3, "working": "true", "source": "W23",
                       "reviewed": "2026-12-04"}},
    "fines": {"late": {"name": {"zh-tw": "罰鍰", "en": "fine"}, "min": 300, "max": 900, "source": "L1",
                       "reviewed": "2026-12-04"},
              "fixed": {"name": {"zh-tw": "罰鍰", "en": "fine"}, "min": 900, "max": 900, "source": "L1",
                        "reviewed": "2026-12-04"}},
    "texts": {"photo": {"name": {"zh-tw": "相片", "en": "photo"}, "source": "C4", "reviewed": "2026-12-04",
                        "text": {"zh-tw": "相片1張，規費{{fee:transcript}}", "en": "one photo, {{fee:transcript}}"}}},
}, context={"languages": LANGUAGES})


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(FACTS, load_all(ROOT / "i18n", LANGUAGES, "en"), {"any-office": {"zh-tw": "- 甲", "en": "- A"}})


@pytest.mark.parametrize("text, zh, en", [
    ("{{fee:transcript}}", "新臺幣1,200元", "NT$1,200"),
    ("{{fee:transcript:unit}}", "每張新臺幣1,200元", "NT$1,200 per page"),
    ("{{fee:free}}", "免費", "free"),
    ("{{ fee : free : unit }}", "免費", "free"),
    ("{{days:registration}}", "30日", "30 days"),
    ("{{days:ahead}}", "3個工作日", "3 working days"),
    ("{{fine:late}}", "新臺幣300元以上900元以下", "NT$300 to NT$900"),
    ("{{fine:fixed}}", "新臺幣900元", "NT$900"),
    ("{{text:photo}}", "相片1張，規費新臺幣1,200元", "one photo, NT$1,200"),
])
def test_each_placeholder_renders_in_the_language_of_the_page(resolver, text, zh, en):
    assert resolver.resolve(f"甲{text}乙", "zh-tw") == (f"甲{zh}乙", [])
    assert resolver.resolve(f"a {text} b", "en") == (f"a {en} b", [])


def test_a_list_stands_alone_on_its_line_of_a_body(resolver):
    body = "Intro:\n{{list:any-office}}\nEnd."
    assert resolver.resolve(body, "en", block=True) == ("Intro:\n\n- A\n\nEnd.", [])
    _, [issue] = resolver.resolve("Intro: {{list:any-office}}", "en", block=True)
    assert issue.rule == "placeholder" and "alone on its own line" in issue.fix
    _, [issue] = resolver.resolve("{{list:any-office}}", "en")  # a header value
    assert issue.rule == "placeholder"
    without_lists = Resolver(FACTS, resolver.translations)  # while the guides are read
    _, [issue] = without_lists.resolve("{{list:any-office}}", "en", block=True)
    assert issue.message == "a guide cannot hold a list of guides"


@pytest.mark.parametrize("text, offset, rule, message, hint", [
    ("Fee: {{fee:transcrip}}.", 5, "unknown-fact", "`{{fee:transcrip}}` names no fact", "write `{{fee:transcript}}`"),
    ("{{days:birth}}", 0, "unknown-fact", "`{{days:birth}}` names no fact", "`days` facts in content/data/facts"),
    ("x {{fees:transcript}}", 2, "placeholder", "`{{fees:transcript}}` is not a fact placeholder", "{{fee:KEY}}"),
    ("{{fee:transcript:each}}", 0, "placeholder", "is not a fact placeholder", "{{fee:KEY:unit}}"),
    ("{{list:everywhere}}", 0, "unknown-fact", "names no fact", "`{{list:any-office}}` or `{{list:given-office}}`"),
])
def test_a_placeholder_that_names_nothing_is_an_issue_at_its_offset(resolver, text, offset, rule, message, hint):
    value, [issue] = resolver.resolve(text, "en", block=True)
    assert (issue.offset, issue.rule) == (offset, rule)
    assert message in issue.message and hint in issue.fix
    assert value == text  # left as written: the build stops anyway


def test_a_declared_text_cannot_hold_another_text(resolver):
    _, [issue] = resolver.resolve("{{text:photo}}", "en", nested=True)
    assert issue.message == "a declared text cannot hold another declared text"


@pytest.mark.parametrize("text, found", [
    ("規費新臺幣1,200元，罰鍰新臺幣300元以上900元以下。", [("money", 1200), ("money", 300), ("money", 900)]),
    ("It costs NT$50, or NT$ 1,200 each.", [("money", 50), ("money", 1200)]),
    ("每張15元", [("money", 15)]),
    ("應於30日內申請；每年183日以上；3個工作日", [("days", 30), ("days", 183), ("days", 3)]),
    ("within 30 days, or 1 day, or 3 working days", [("days", 30), ("days", 1), ("days", 3)]),
    ("民國104年（2015年）7月1日起；2026-12-04；1 July 2015；14歲；3個月；2年", []),
    ("{{fee:transcript}} and {{days:registration}} typed as placeholders", []),
])
def test_values_typed_by_hand_are_found_and_dates_are_not(text, found):
    assert [(typed.kind, typed.value) for typed in typed_values(text)] == found


def test_a_typed_value_s_fix_names_the_placeholders_that_state_it(resolver):
    [typed] = typed_values("costs NT$1,200 now")
    issue = typed_issue(typed, resolver, "pages never type one")
    assert (issue.offset, issue.rule) == (6, "typed-fact")
    assert issue.message == "an amount of money typed by hand: `NT$1,200`"
    assert issue.fix.startswith("write the placeholder of the declared fact instead, e.g. {{fee:transcript}}")
    [typed] = typed_values("within 45 days")
    assert "declare the fact in content/data/facts.yaml" in typed_issue(typed, resolver, "x").fix


def test_placeholders_are_found_with_their_offsets():
    found, issues = placeholders("a {{fee:transcript:unit}} b {{days:registration}}")
    assert [(ref.start, ref.name, ref.form) for ref in found] == [(2, "fee:transcript", "unit"),
                                                                  (28, "days:registration", None)]
    assert issues == []


def test_an_untranslated_unit_message_would_show_in_english_so_the_catalog_has_it():
    catalog = load_all(ROOT / "i18n", LANGUAGES, "en")["zh-tw"]
    assert isinstance(catalog, gettext.GNUTranslations)
    for message in ("NT$%(amount)s", "%(amount)s %(unit)s", "NT$%(low)s to NT$%(high)s", "free"):
        assert catalog.gettext(message) != message
