"""content_lint: placing issues on source lines, the error message, settings, and whole builds
of the fixture site with one planted mistake each (and of the real site, which must be clean)."""

from __future__ import annotations

import re

import pytest

from bilingual.content_index import Problem
from content_lint.content_lint import (
    CHECKS, ContentLintSettingsError, lint_html, problems_in, selected_checks, summary,
)
from content_lint.issues import Issue
from content_lint.locate import body_start, locate
from support import build_fixture_copy, copy_fixture_site, parse

SOURCE = """Title: 出生登記
Slug: birth
Summary: 請點此了解出生登記。

## 申請期限

相關說明請[點此](/faq/)，
規費請[點此](/fees/)或[點此](/faq/)。

Please bring your household
registration certificate.
"""


def issue(*needles, message="m"):
    return Issue(message, "f", needles)


# --- needle → line -------------------------------------------------------------------------

def test_body_starts_after_the_header():
    assert SOURCE[body_start(SOURCE):].startswith("## 申請期限")


def test_a_needle_is_found_in_the_body_not_the_header():
    assert locate(SOURCE, [issue("點此")]) == [7]


def test_the_first_needle_found_wins():
    assert locate(SOURCE, [issue("[點此](/fees/", "點此")]) == [8]
    assert locate(SOURCE, [issue("[nowhere](/x/", "(/fees/")]) == [8]


def test_a_phrase_wrapped_over_lines_is_found_where_it_starts():
    assert locate(SOURCE, [issue("your household registration certificate")]) == [10]


def test_a_pattern_needle():
    assert locate(SOURCE, [issue(re.compile(r"規費請"))]) == [8]


def test_the_same_problem_twice_takes_the_next_occurrence():
    same = issue("[點此](/faq/", message="vague")
    assert locate(SOURCE, [same, same, same]) == [7, 8, 8]
    assert locate(SOURCE, [issue("[點此](/faq/", message="other"), same]) == [7, 7]


def test_line_one_when_nothing_matches_or_no_needles():
    assert locate(SOURCE, [issue("not there"), issue(), issue("  ")]) == [1, 1, 1]


# --- problems and the message ----------------------------------------------------------------

def test_problem_format_and_summary():
    problems = [Problem("content/pages/a.zh-tw.md", 12, "image 'x.png' has no alt attribute.", "add alt."),
                Problem("content/news/b.en.md", 3, "a table has no caption.", "add `Table: …`.")]
    assert summary(problems).splitlines() == [
        "2 content lint problem(s):",
        "  content/pages/a.zh-tw.md:12: image 'x.png' has no alt attribute. Fix: add alt.",
        "  content/news/b.en.md:3: a table has no caption. Fix: add `Table: …`.",
    ]


def test_problems_in_shows_the_path_relative_to_the_working_folder(tmp_path, monkeypatch):
    source = tmp_path / "content/pages/birth.zh-tw.md"
    source.parent.mkdir(parents=True)
    source.write_text(SOURCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    html = '<h2>申請期限</h2><p>相關說明請<a href="/faq/">點此</a>，</p>'
    [problem] = problems_in(str(source), html, "zh-tw", selected_checks({}))
    assert str(problem).startswith("content/pages/birth.zh-tw.md:7: link text '點此' does not say")
    assert " Fix: use the name of the destination" in str(problem)


def test_clean_html_has_no_issues_and_needs_no_source():
    assert problems_in("/nonexistent.md", "<h2>A</h2><p>文字</p>", "zh-tw", selected_checks({})) == []


def test_every_family_runs_by_default():
    html = ('<h3>x</h3><p><img src="a.png"><a href="/f/">更多</a> <a href="f.pdf">表</a></p>'
            '<table><tr><td>1</td></tr></table><iframe src="x"></iframe><p>one two three four</p>')
    messages = " ".join(i.message for i in lint_html(html, "zh-tw", selected_checks({})))
    for fragment in ("body starts at h3", "no alt", "'更多'", "download link", "no caption",
                     "iframe", "English passage"):
        assert fragment in messages


# --- settings --------------------------------------------------------------------------------

def test_default_checks_are_all_families():
    assert selected_checks({}) == list(CHECKS.values())
    assert selected_checks({"CONTENT_LINT_CHECKS": ["images"]}) == [CHECKS["images"]]


@pytest.mark.parametrize("value", ["images", ["images", "spelling"], None])
def test_bad_check_names_are_an_error(value):
    with pytest.raises(ContentLintSettingsError, match="CONTENT_LINT_CHECKS"):
        selected_checks({"CONTENT_LINT_CHECKS": value})


# --- whole builds ----------------------------------------------------------------------------

BIRTH = "content/pages/guides/birth.zh-tw.md"


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def plant(path, text, after="## 申請期限") -> int:
    """Insert `text` as a paragraph after the line `after`; return the line it is on."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(after) + 1
    lines[at:at] = ["", text]
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 2


def flat(log: str) -> str:
    """The build log with the console's line wrapping undone."""
    return " ".join(log.split())


def assert_lint_fails(build, line, *fragments, count=1):
    log = flat(build.log)
    assert build.returncode != 0, "the build should have failed"
    assert "ContentLintError" in log and f"{count} content lint problem(s)" in log, log[-3000:]
    assert f"birth.zh-tw.md:{line}: " in log, log[-3000:]
    for fragment in fragments:
        assert fragment in log, f"{fragment!r} not in:\n{log[-3000:]}"


# One planted mistake per case: (what is planted, what the message and fix must say).
PLANTED = {
    "image-markdown": ("![](counter.png)", ["image 'counter.png'", "Fix: write what the image shows"]),
    "image-html": ('<img src="counter.png">', ["image 'counter.png'", "Fix: write what the image shows"]),
    "skipped-heading": ("#### 應備文件", ["after an h2 comes h4", "Fix: make it h3 (`### 應備文件`)"]),
    "video-without-captions": (
        '<video controls src="/media/birth.mp4"></video>\n\n[影片逐字稿](/faq/)',
        ["video '/media/birth.mp4' has no captions track", 'Fix: add `<track kind="captions"']),
    "vague-link-text": ("相關說明請[點此](/faq/)。", [
        "link text '點此' does not say where the link goes",
        "Fix: use the name of the destination as the link text"]),
    "undeclared-download": ("請下載[出生登記申請書](/files/birth-form.pdf)。", [
        "download link '/files/birth-form.pdf' does not state the file's format and size",
        "Fix: say the format and size"]),
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


def test_a_decorative_image_builds_clean(site, tmp_path):
    """Also needs Pelican's own empty-alt warning filtered out (LOG_FILTER in pelicanconf.py),
    since warnings are fatal."""
    plant(site / BIRTH, "![](line.png){: .decorative}")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    image = parse(tmp_path / "out/guides/birth/index.html").select_one("main img")
    assert image["alt"] == "" and image["class"] == ["decorative"]


def test_every_problem_of_the_build_is_listed_at_once(site, tmp_path):
    first = plant(site / BIRTH, "![](counter.png)")
    second = plant(site / "content/pages/guides/birth.en.md", "See [here](/en/faq/).", after="## Deadline")
    build = build_fixture_copy(site, tmp_path / "out")
    log = flat(build.log)
    assert build.returncode != 0 and "2 content lint problem(s)" in log
    assert f"birth.zh-tw.md:{first}: " in log and f"birth.en.md:{second}: link text 'here'" in log


def test_a_captioned_table_builds_clean(site, tmp_path):
    plant(site / BIRTH, "表：出生登記的規費\n\n| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    table = parse(tmp_path / "out/guides/birth/index.html").select_one("main table")
    assert table.caption.get_text(strip=True) == "出生登記的規費"


def test_a_table_without_caption_fails_the_build(site, tmp_path):
    line = plant(site / BIRTH, "| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, line, "a table has no caption", "Fix: add a line `表：…`")


def test_checks_can_be_chosen_by_setting(site, tmp_path):
    plant(site / BIRTH, "相關說明請[點此](/faq/)。")
    build = build_fixture_copy(site, tmp_path / "out", CONTENT_LINT_CHECKS=["images", "headings"])
    assert build.returncode == 0, build.log


def test_a_bad_setting_stops_the_build(site, tmp_path):
    build = build_fixture_copy(site, tmp_path / "out", CONTENT_LINT_CHECKS=["images", "spelling"])
    assert build.returncode != 0
    assert "ContentLintSettingsError" in build.log and "'spelling'" in build.log


def test_the_fixture_site_is_clean(fixture_site):
    assert "content lint" not in fixture_site.log


def test_the_real_site_is_clean(real_site):
    assert "content lint" not in real_site.log
