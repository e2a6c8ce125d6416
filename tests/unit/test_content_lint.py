"""content_lint: placing issues on source lines, checking an item in parts, settings, and whole
builds of the fixture site with one planted mistake each (the real site must be clean)."""

from __future__ import annotations

import re

import pytest

from content_lint.content_lint import (
    CHECKS,
    LintTarget,
    lint_html,
    lint_target,
    selected_checks,
)
from content_lint.issues import Issue, LintContext
from content_lint.locate import locate

SOURCE = """相關說明請[點此](/faq/)，
規費請[點此](/fees/)或[點此](/faq/)。

Please bring your household
registration certificate.
"""


def issue(*needles, occurrence=0):
    return Issue("rule", "m", "f", needles, occurrence)


# --- needle → line -------------------------------------------------------------------------

def test_the_first_needle_found_wins():
    assert locate(SOURCE, [issue("[點此](/fees/", "點此")]) == [2]
    assert locate(SOURCE, [issue("[nowhere](/x/", "(/fees/")]) == [2]


def test_a_phrase_wrapped_over_lines_is_found_where_it_starts():
    assert locate(SOURCE, [issue("your household registration certificate")]) == [4]


def test_a_pattern_needle():
    assert locate(SOURCE, [issue(re.compile(r"規費請"))]) == [2]


def test_the_occurrence_picks_the_match():
    assert [locate(SOURCE, [issue("[點此](", occurrence=n)])[0] for n in range(4)] == [1, 2, 2, 2]


def test_line_one_when_nothing_matches_or_no_needles():
    assert locate(SOURCE, [issue("not there"), issue(), issue("  ")]) == [1, 1, 1]


# --- one item, in parts ------------------------------------------------------------------------

HEADER = "---\ntitle: t\nsteps:\n  - 請[點此](/faq/)\n---\n"


def target(body_source: str, body_html: str, fields=()) -> LintTarget:
    text = HEADER + body_source
    return LintTarget("content/guides/x.zh-tw.md", text, 6, "zh-tw", 2, tuple(fields), body_html)


def test_body_issues_are_placed_in_the_body_not_the_header():
    [problem] = lint_target(target("請[點此](/faq/)。\n", '<p>請<a href="/faq/">點此</a>。</p>'),
                            LintContext("zh-tw"), selected_checks({}))
    assert (problem.line, problem.stage, problem.rule) == (6, "lint", "link-vague")


def test_header_value_issues_are_placed_on_their_key_line():
    [problem] = lint_target(target("", "", fields=[(4, '請<a href="/faq/">點此</a>')]),
                            LintContext("zh-tw"), selected_checks({}))
    assert problem.line == 4


def test_the_problem_is_one_line_with_path_line_stage_rule_and_fix():
    [problem] = lint_target(target("\n\n請[點此](/faq/)。\n", '<p>請<a href="/faq/">點此</a>。</p>'),
                            LintContext("zh-tw"), selected_checks({}))
    assert str(problem) == ("content/guides/x.zh-tw.md:8: lint [link-vague]: link text '點此' does not say "
                            "where the link goes (/faq/). Fix: use the name of the destination as the link "
                            "text, e.g. `[常見問答](/faq/)` instead of `[點此](/faq/)`.")


def test_every_family_runs_by_default():
    html = ('<h3>x</h3><p><img src="/files/a.png"><a href="/f/">更多</a> <a href="https://x.tw/f.pdf">表</a></p>'
            '<table><tr><td>1</td></tr></table><iframe src="x"></iframe><p>one two three four</p>')
    rules = {i.rule for i in lint_html(html, LintContext("zh-tw"), selected_checks({}))}
    assert {"heading-skip", "image-alt", "link-vague", "download-label", "table-caption", "iframe",
            "language"} <= rules


def test_glossary_runs_on_english_items():
    from content_lint.glossary import avoided
    from content_model.schemas.reference import Term

    term = Term(id="t", zh="戶口名簿", en="household certificate", avoid=["household booklet"],
                explain={"zh-tw": "x", "en": "y"}, source="L1")
    found = lint_html("<p>Bring your Household  Booklet.</p>", LintContext("en", avoided_terms=avoided((term,))),
                      selected_checks({}))
    assert [(i.rule, i.fix) for i in found] == [("glossary", "write 'household certificate' "
                                                 "(content/data/glossary.yaml, term `t`).")]


# --- settings --------------------------------------------------------------------------------

def test_default_checks_are_all_families():
    assert selected_checks({}) == list(CHECKS.values())
    assert selected_checks({"CONTENT_LINT_CHECKS": ["images"]}) == [CHECKS["images"]]


@pytest.mark.parametrize("value", ["images", ["images", "spelling"], None])
def test_bad_check_names_are_an_error(value):
    from site_settings.declared import checks_problem

    assert checks_problem(value) is not None
    assert checks_problem(["images", "glossary"]) is None


# --- whole builds ----------------------------------------------------------------------------


