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
from support import build_fixture_copy, copy_fixture_site, parse

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

BIRTH = "content/guides/birth.zh-tw.md"


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def plant(path, text) -> int:
    """Append `text` as a paragraph at the end of the body; return the line it starts on."""
    source = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(source + text + "\n", encoding="utf-8")
    return source.count("\n") + 1


def assert_lint_fails(build, line, *fragments, count=1):
    assert build.returncode == 2, build.log
    lines = [x for x in build.log.splitlines() if ": lint [" in x]
    assert len(lines) == count, build.log
    assert lines[0].startswith(f"content/guides/birth.zh-tw.md:{line}: lint ["), build.log
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"


# One planted mistake per case: (what is planted, what the message and fix must say).
PLANTED = {
    "image-markdown": ("![](/files/counter.png)", ["image '/files/counter.png'", "Fix: write what the image shows"]),
    "image-html": ('<img src="/files/counter.png">', ["image '/files/counter.png'", "Fix: write what the image"]),
    "skipped-heading": ("#### 應備文件", ["starts at h4 '應備文件'; a heading level is skipped",
                                       "Fix: make it h3 (`### 應備文件`)"]),
    "video-without-captions": (
        '<video controls src="/files/birth.mp4"></video>\n\n[影片逐字稿](/faq/)',
        ["video '/files/birth.mp4' has no captions track", 'Fix: add `<track kind="captions"']),
    "vague-link-text": ("相關說明請[點此](/faq/)。", [
        "link text '點此' does not say where the link goes", "Fix: use the name of the destination"]),
    "external-download": ("請下載[出生登記申請書](https://www.example.gov.tw/birth-form.pdf)。", [
        "does not state the file's format and size", "Fix: say the format and size"]),
    "unmarked-english": ("請攜帶 your household registration certificate 正本。", [
        "English passage 'your household registration certificate'",
        'Fix: wrap it in `<span lang="en">your household registration certificate']),
}


@pytest.mark.parametrize("case", PLANTED)
def test_a_planted_mistake_fails_the_build_at_its_line(site, tmp_path, case):
    markup, fragments = PLANTED[case]
    line = plant(site / BIRTH, markup)
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, line, *fragments)


def test_the_faulty_one_of_two_same_images_is_named(site, tmp_path):
    first = plant(site / BIRTH, "![櫃台位置](/files/counter.png)")
    second = plant(site / BIRTH, "![](/files/counter.png)")
    assert second > first
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, second, "has empty alt text")


def test_the_faulty_one_of_two_same_tables_is_named(site, tmp_path):
    plant(site / BIRTH, "表：規費\n\n| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    second = plant(site / BIRTH, "| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, second, "a table has no caption")


def test_the_faulty_one_of_two_same_terms_is_named(site, tmp_path):
    plant(site / BIRTH, '請攜帶 <span lang="en">your household registration certificate</span> 正本。')
    second = plant(site / BIRTH, "請攜帶 your household registration certificate 影本。")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, second, "English passage")


def test_a_header_value_is_checked_on_its_line(site, tmp_path):
    path = site / BIRTH
    text = path.read_text(encoding="utf-8").replace("  - 帶齊文件到戶政事務所。", "  - 帶齊文件，[點此](/faq/)。")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - 帶齊文件，[點此](/faq/)。") + 1
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, line, "link text '點此'")


def test_a_decorative_image_builds_clean(site, tmp_path):
    plant(site / BIRTH, "![](/files/counter.png){: .decorative}")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    image = parse(tmp_path / "out/guides/birth/index.html").select_one("main img")
    assert image["alt"] == "" and image["class"] == ["decorative"]


def test_every_problem_of_the_build_is_listed_at_once(site, tmp_path):
    first = plant(site / BIRTH, "![](/files/counter.png)")
    second = plant(site / "content/guides/birth.en.md", "See [here](/en/faq/).")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 2
    assert f"content/guides/birth.zh-tw.md:{first}: lint [image-alt]" in build.log
    assert f"content/guides/birth.en.md:{second}: lint [link-vague]: link text 'here'" in build.log
    assert "build: 2 problem(s) in 2 file(s)" in build.log


def test_a_captioned_table_builds_clean(site, tmp_path):
    plant(site / BIRTH, "表：出生登記的規費\n\n| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    table = parse(tmp_path / "out/guides/birth/index.html").select_one("main table")
    assert table.caption.get_text(strip=True) == "出生登記的規費"


def test_checks_can_be_chosen_by_setting(site, tmp_path):
    plant(site / BIRTH, "相關說明請[點此](/faq/)。")
    build = build_fixture_copy(site, tmp_path / "out", CONTENT_LINT_CHECKS=["images", "headings"])
    assert build.returncode == 0, build.log


def test_a_bad_setting_stops_the_build_with_one_line(site, tmp_path):
    build = build_fixture_copy(site, tmp_path / "out", CONTENT_LINT_CHECKS=["images", "spelling"])
    assert build.returncode == 2
    [line] = [x for x in build.log.splitlines() if "settings [CONTENT_LINT_CHECKS]" in x]
    assert "'spelling'" in line and "Traceback" not in build.log


def test_the_fixture_and_real_sites_are_clean(fixture_site, real_site):
    assert ": lint [" not in fixture_site.log and ": lint [" not in real_site.log
