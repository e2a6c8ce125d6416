"""Content and template mistakes stop the build with a message that names the file."""

from __future__ import annotations

import shutil

import pytest

from support import ROOT, build_fixture_copy, copy_fixture_site


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_fails_naming(build, *needles):
    assert build.returncode != 0, "the build should have failed"
    for needle in needles:
        assert needle in build.log, f"{needle!r} not in the build's message:\n{build.log[-3000:]}"


def test_missing_slug(site, tmp_path):
    page = site / "content/pages/guides/birth.zh-tw.md"
    edit(page, "Slug: birth\n", "")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_fails_naming(build, "pages/guides/birth.zh-tw.md:1", "no `Slug:`", "Fix:")


def test_missing_lang(site, tmp_path):
    edit(site / "content/pages/notice.zh-tw.md", "Lang: zh-tw\n", "")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_fails_naming(build, "pages/notice.zh-tw.md:1", "no `Lang:`")


def test_unknown_lang(site, tmp_path):
    edit(site / "content/pages/guides/birth.en.md", "Lang: en", "Lang: fr")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_fails_naming(build, "pages/guides/birth.en.md:3", "unknown language 'fr'")


def test_upper_case_lang_is_not_silently_a_translation(site, tmp_path):
    edit(site / "content/pages/notice.zh-tw.md", "Lang: zh-tw", "Lang: zh-TW")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_fails_naming(build, "pages/notice.zh-tw.md:3", "unknown language 'zh-TW'", "lower-case")


def test_duplicate_slug_in_one_language(site, tmp_path):
    copy = site / "content/pages/guides/birth-copy.zh-tw.md"
    copy.write_text((site / "content/pages/guides/birth.zh-tw.md").read_text(encoding="utf-8"),
                    encoding="utf-8")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_fails_naming(build, "already used by", "birth-copy.zh-tw.md", "birth.zh-tw.md")


def test_template_variable_typo(site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    edit(theme / "templates/page.html", "{{ page.content|safe }}", "{{ pgae.content|safe }}")
    build = build_fixture_copy(site, tmp_path / "out", THEME=str(theme))
    assert_fails_naming(build, "'pgae' is undefined", 'templates/page.html", line 3')


def test_missing_catalog_is_an_error_not_english(site, tmp_path):
    build = build_fixture_copy(site, tmp_path / "out", TEMPLATE_ENV_LOCALE_DIR=str(tmp_path / "none"))
    assert_fails_naming(build, "no message catalog for language 'zh-tw'")


def test_same_page_slug_in_two_folders_builds(site, tmp_path):
    other = site / "content/pages/other"
    other.mkdir()
    for lang in ("zh-tw", "en"):
        shutil.copy(site / f"content/pages/guides/birth.{lang}.md", other / f"birth.{lang}.md")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    assert (build.output / "other/birth/index.html").is_file()
    assert (build.output / "en/other/birth/index.html").is_file()


def test_same_news_slug_in_two_folders_is_an_error(site, tmp_path):
    (site / "content/news/2025").mkdir()
    shutil.copy(site / "content/news/2026-11-01-opening.zh-tw.md", site / "content/news/2025/opening.zh-tw.md")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_fails_naming(build, "news/2025/opening.zh-tw.md", "news/2026-11-01-opening.zh-tw.md", "already")
