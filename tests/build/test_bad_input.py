"""Every content mistake stops the build with ONE line per problem — `path[:line]: stage [rule]:
message. Fix: …` — then a one-line summary and exit code 2: never a traceback, never wrapped,
whatever the terminal width; the previous output is left as it was."""

from __future__ import annotations

import shutil

import pytest

from support import ROOT, build_fixture_copy, copy_fixture_site, edit, problem_lines, run_pelican

BIRTH_ZH = "content/guides/birth.zh-tw.md"
NOTICE = "content/pages/notice.zh-tw.md"


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def run_narrow(site, tmp_path):
    """A build in a 40-column terminal, its output piped (as in CI)."""
    return build_fixture_copy(site, tmp_path / "out", columns=40)


def assert_one_problem(build, start: str, *fragments: str) -> str:
    [line] = problem_lines(build)
    assert line.startswith(start), f"{line!r} does not start with {start!r}"
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} not in {line!r}"
    return line


def test_one_fault_prints_one_whole_line_and_a_summary_in_a_narrow_piped_terminal(site, tmp_path):
    path = site / BIRTH_ZH
    edit(path, "reviewed: 2026-11-21", "reviewed: 2026-13-45")
    build = run_narrow(site, tmp_path)
    assert_one_problem(build, f"{BIRTH_ZH}:7: header [invalid-value]: `reviewed`:", "month value is outside",
                       "Fix: write the date the facts were last checked")
    printed = [line for line in build.stdout.splitlines() if line.strip()]
    assert printed[-2:] == ["build: 1 problem(s) in 1 file(s)", f"build: failed; {tmp_path / 'out'}/ was not changed"]
    assert len(printed) == 3, printed


def test_a_file_saved_as_big5_is_named_with_its_line(site, tmp_path):
    path = site / NOTICE
    path.write_bytes(path.read_text(encoding="utf-8").encode("big5"))
    assert_one_problem(run_narrow(site, tmp_path), f"{NOTICE}:2: header [encoding]: the file is not UTF-8 text",
                       "Fix: save the file as UTF-8")


def test_a_missing_slug(site, tmp_path):
    edit(site / BIRTH_ZH, "slug: birth\n", "")
    assert_one_problem(run_narrow(site, tmp_path), f"{BIRTH_ZH}:2: header [missing-key]: the key `slug` is missing")


def test_an_unknown_language(site, tmp_path):
    edit(site / "content/guides/birth.en.md", "lang: en", "lang: fr")
    assert_one_problem(run_narrow(site, tmp_path), "content/guides/birth.en.md:4: header [invalid-value]: `lang`",
                       "write one of: zh-tw, en")


def test_an_unknown_header_key_names_the_accepted_keys(site, tmp_path):
    edit(site / NOTICE, "summary:", "urgnet: true\nsummary:")
    assert_one_problem(run_narrow(site, tmp_path), f"{NOTICE}:6: header [unknown-key]: unknown key `urgnet`",
                       "the keys accepted here are: lang, modified, nav")


def test_a_nav_that_is_not_a_number(site, tmp_path):
    edit(site / NOTICE, "summary:", "nav: first\nsummary:")
    assert_one_problem(run_narrow(site, tmp_path), f"{NOTICE}:6: header [invalid-value]: `nav`")


def test_the_same_slug_twice_names_both_files(site, tmp_path):
    shutil.copy(site / BIRTH_ZH, site / "content/guides/birth-copy.zh-tw.md")
    line = assert_one_problem(run_narrow(site, tmp_path), "content/guides/birth.zh-tw.md:3: header [duplicate-slug]")
    assert "birth-copy.zh-tw.md" in line


def test_a_page_whose_address_collides_with_a_news_item_names_both_sources(site, tmp_path):
    (site / "content/pages/news").mkdir()
    shutil.copy(site / NOTICE, site / "content/pages/news/opening.zh-tw.md")
    edit(site / "content/pages/news/opening.zh-tw.md", "slug: notice", "slug: opening")
    build = run_narrow(site, tmp_path)
    lines = problem_lines(build)
    assert any("[same-address]" in line and "news/2026-11-01-opening" in line and "pages/news/opening" in line
               for line in lines), lines


def test_a_template_variable_typo_is_one_line_with_the_template_s_line(site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    edit(theme / "templates/page.html", "{{ page.content|safe }}", "{{ pgae.content|safe }}")
    build = build_fixture_copy(site, tmp_path / "out", THEME=str(theme))
    assert_one_problem(build, f"{theme}/templates/page.html:3: template [UndefinedError]: 'pgae' is undefined")


def test_a_missing_catalog_is_an_error_not_english(site, tmp_path):
    (tmp_path / "none").mkdir()  # the folder exists (site_settings checks that), the catalog not
    build = build_fixture_copy(site, tmp_path / "out", TEMPLATE_ENV_LOCALE_DIR=str(tmp_path / "none"))
    assert_one_problem(build, f"{tmp_path}/none/zh-tw/LC_MESSAGES/messages.po: catalogs [missing-catalog]:",
                       "no message catalog for language 'zh-tw'")


def test_a_typo_in_the_settings_file_is_one_line_with_its_line(site, tmp_path):
    build = build_fixture_copy(site, tmp_path / "out", SITE_ORIGIN="x")
    (site / "overrideconf.py").write_text((site / "overrideconf.py").read_text() + "BROKEN = undefined_name\n")
    build = run_pelican(site / "content", site / "overrideconf.py", tmp_path / "out", cwd=site)
    assert_one_problem(build, "overrideconf.py:6: settings [NameError]: name 'undefined_name' is not defined")


def test_a_failed_build_leaves_the_previous_output_alone(site, tmp_path):
    assert run_narrow(site, tmp_path).returncode == 0
    before = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*"))
    edit(site / BIRTH_ZH, "reviewed: 2026-11-21", "reviewed: soon")
    assert run_narrow(site, tmp_path).returncode == 2
    assert sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*")) == before


def test_the_same_page_slug_in_two_folders_builds(site, tmp_path):
    other = site / "content/pages/other"
    other.mkdir()
    shutil.copy(site / NOTICE, other / "notice.zh-tw.md")
    build = run_narrow(site, tmp_path)
    assert build.returncode == 0, build.log
    assert (tmp_path / "out/other/notice/index.html").is_file()
    assert (tmp_path / "out/en/other/notice/index.html").is_file()


def test_a_personal_id_number_stops_the_build_masked(site, tmp_path):
    path = site / BIRTH_ZH
    text = path.read_text(encoding="utf-8") + "\n申請人F131104093，範例A123456789。\n"
    path.write_text(text, encoding="utf-8")
    planted = text.count("\n")
    line = assert_one_problem(run_narrow(site, tmp_path), f"{BIRTH_ZH}:{planted}: personal-data [national-id]:",
                              "F13****093")
    assert "F131104093" not in line


@pytest.mark.parametrize("old, new, line, said", [
    ("        required: true\n", "        required: true\n        height: 6\n", 18, "forms [box-height]"),
    ("        label: {zh-tw: 姓名, en: Name}", "        label: {zh-tw: 姓名, en: Name", 14,
     "forms [yaml]: the file is not valid YAML"),  # a YAML mistake: the file, not "the header"
    ("        label: {zh-tw: 姓名, en: Name}", "        label: {zh-tw: 姓名}", 14, "en"),  # a missing translation
])
def test_a_broken_form_definition_is_its_own_line_not_a_flood_of_missing_forms(site, tmp_path, old, new, line, said):
    """The guides that link to the form still find it: only the definition's own line is printed."""
    path = site / "forms/birth-application/form.yaml"
    edit(path, old, new)
    lines = problem_lines(run_narrow(site, tmp_path))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"forms/birth-application/form.yaml:{line}: ") and said in lines[0], lines
    assert "header" not in lines[0] and "no form" not in lines[0]


NEWS_ZH = "content/news/2026-11-01-opening.zh-tw.md"


@pytest.mark.parametrize("date, rule, said", [
    ("2062-11-01", "date-ahead", "the date 2062-11-01 is "),  # a year typed wrong
    ("2026-10-01", "date-file-name", "is not the date the file is named after (2026-11-01)"),
])
def test_a_news_date_far_ahead_or_unlike_its_file_name_is_one_line(site, tmp_path, date, rule, said):
    edit(site / NEWS_ZH, "date: 2026-11-01", f"date: {date}")
    assert_one_problem(run_narrow(site, tmp_path), f"{NEWS_ZH}:5: header [{rule}]: ", said, "Fix: ")
    assert not (tmp_path / "out").exists()


def test_a_news_item_a_few_days_ahead_builds(site, tmp_path):
    import datetime

    soon = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    (site / NEWS_ZH).rename(site / f"content/news/{soon}-opening.zh-tw.md")
    (site / "content/news/2026-11-01-opening.en.md").rename(site / f"content/news/{soon}-opening.en.md")
    for lang in ("zh-tw", "en"):
        edit(site / f"content/news/{soon}-opening.{lang}.md", "date: 2026-11-01", f"date: {soon}")
    build = run_narrow(site, tmp_path)
    assert build.returncode == 0, build.log
