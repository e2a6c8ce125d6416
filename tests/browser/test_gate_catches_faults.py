"""Proof that the gate works: faults planted one at a time into a copy of the fixture site
are each caught by the right stage with a clear message, and the clean fixture passes all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_checks.__main__ import main as site_checks
from site_checks.links import check_links
from site_checks.national_lint import lint_findings
from site_checks.vnu import validate
from support import ROOT, build_fixture_copy, copy_fixture_site

JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
PAGE = "content/guides/birth.zh-tw.md"


def plant(path: Path, text: str, after: str | None = None) -> None:
    """Append text to a file, or insert it after a marker."""
    source = path.read_text(encoding="utf-8")
    if after is None:
        source += "\n" + text + "\n"
    else:
        assert after in source, f"{after!r} not in {path}"
        source = source.replace(after, after + text, 1)
    path.write_text(source, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    copy = copy_fixture_site(tmp_path / "site")
    shutil.copytree(ROOT / "theme", copy / "theme")
    return copy


def build(site, tmp_path):
    return build_fixture_copy(site, tmp_path / "out", THEME=str(site / "theme"))


def audit(output: Path, tmp_path: Path, only: str, capsys) -> str:
    code = site_checks(
        [
            "audit",
            "--site",
            str(output),
            "--all",
            "--only",
            only,
            "--workers",
            "1",
            "--report-dir",
            str(tmp_path / "report"),
            "--cache-dir",
            str(tmp_path / "cache"),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 1, f"the audit passed a page with a planted fault:\n{printed}"
    return printed


# --- stage 1: content lint, inside the build -------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "needle"),
    [
        ("![](/files/counter.png)", "alt"),
        ("#### 跳過的標題", "skip"),
        ('<video src="/files/intro.mp4" controls></video>', "caption"),
    ],
    ids=["image-without-alt", "skipped-heading", "video-without-captions"],
)
def test_content_lint_stops_the_build(site, tmp_path, fault, needle):
    plant(site / PAGE, fault)
    result = build(site, tmp_path)
    assert result.returncode != 0
    line = len((site / PAGE).read_text(encoding="utf-8").splitlines())
    assert f"birth.zh-tw.md:{line}" in result.log, result.log[-2000:]
    assert needle in result.log.lower() and "Fix:" in result.log


def test_a_link_to_no_page_stops_the_build_at_its_markdown_line(site, tmp_path):
    plant(site / PAGE, "[申辦須知首頁](/guides/nope/)")
    result = build(site, tmp_path)
    assert result.returncode == 2, result.log
    line = len((site / PAGE).read_text(encoding="utf-8").splitlines())
    assert f"birth.zh-tw.md:{line}: links [link-internal]: the link '/guides/nope/'" in result.log, result.log[-2000:]


# --- stage 2: link check on the built site -----------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "needle"),
    [
        ("[出生登記期限](/guides/birth/#nope)", "#nope"),
    ],
    ids=["missing-fragment"],
)
def test_link_check_catches(site, tmp_path, fault, needle):
    plant(site / PAGE, fault)
    result = build(site, tmp_path)
    assert result.returncode == 0, result.log
    found = [str(f) for f in check_links(result.output)]
    assert any("guides/birth/index.html" in f and needle in f for f in found), found


# --- stage 3: the Nu HTML Checker --------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "needle"),
    [('<span id="C">x</span>', "duplicate id"), ("<ul><p>x</p></ul>", "not allowed as child")],
    ids=["duplicate-id", "invalid-nesting"],
)
def test_html_validator_catches(site, tmp_path, markup, needle):
    plant(site / "theme/templates/guide.html", markup, after="{% block content %}\n")
    result = build(site, tmp_path)
    assert result.returncode == 0, result.log
    found = [str(f) for f in validate(result.output, JAR)]
    assert any("guides/birth/index.html" in f and needle in f.lower() for f in found), found


# --- stage 4: axe-core in Chromium -------------------------------------------------------------


@pytest.mark.browser
def test_axe_catches_low_contrast_text(site, tmp_path, capsys):
    plant(site / "theme/static/css/site.css", "main p { color: #b5b5b5; }")
    result = build(site, tmp_path)
    printed = audit(result.output, tmp_path, "guides/birth/index.html", capsys)
    assert "guides/birth/index.html: axe [color-contrast]" in printed


@pytest.mark.browser
def test_axe_catches_an_empty_link(site, tmp_path, capsys):
    plant(site / "theme/templates/guide.html", '<a href="/"></a>', after="{% block content %}\n")
    result = build(site, tmp_path)
    printed = audit(result.output, tmp_path, "guides/birth/index.html", capsys)
    assert "[link-name]" in printed and 'a[href="/"]' in printed


@pytest.mark.browser
def test_axe_catches_a_page_without_lang(site, tmp_path, capsys):
    # The build itself refuses a template without `lang` (the search index would hold the page
    # in no language: tests/build/test_search_index_built.py), so the fault is planted in the built page.
    result = build(site, tmp_path)
    assert result.returncode == 0, result.log
    page = result.output / "guides/birth/index.html"
    built = page.read_text(encoding="utf-8")
    assert '<html lang="zh-Hant-TW">' in built
    page.write_text(built.replace('<html lang="zh-Hant-TW">', "<html>"), encoding="utf-8")
    printed = audit(result.output, tmp_path, "guides/birth/index.html", capsys)
    assert "[html-has-lang]" in printed


@pytest.mark.browser
def test_axe_catches_an_input_without_label(site, tmp_path, capsys):
    plant(site / PAGE, '<p><input type="text" name="q"></p>')
    result = build(site, tmp_path)
    assert result.returncode == 0, result.log
    printed = audit(result.output, tmp_path, "guides/birth/index.html", capsys)
    assert "guides/birth/index.html: axe [label]" in printed and "Element: input" in printed


# --- stage 5: Taiwan's national rules (a11y-moda) ----------------------------------------------


@pytest.mark.browser
def test_national_rules_catch_a_redundant_lang_span(site, tmp_path):
    """A `lang` equal to the page's own language is MODA HM2310200C (WCAG 3.1.2): it blocks.

    Run as CI runs it: a separate process, output piped, a 40-column terminal claimed; the fault
    is one whole line between the run's summary and the final summary, nothing else on stdout."""
    plant(
        site / "content/guides/birth.en.md",
        '<span lang="en">English</span> is the language of this page.',
    )
    result = build(site, tmp_path)
    assert result.returncode == 0, result.log
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "site_checks",
            "audit",
            "--site",
            str(result.output),
            "--all",
            "--workers",
            "1",
            "--only",
            "en/guides/birth/index.html",
            "--report-dir",
            str(tmp_path / "report"),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "COLUMNS": "40", "PYTHONPATH": str(ROOT / "plugins")},
    )
    assert run.returncode == 1, run.stdout + run.stderr
    page = (result.output / "en/guides/birth/index.html").read_text(encoding="utf-8").splitlines()
    (line,) = [
        n for n, text in enumerate(page, start=1) if '<span lang="en">English</span>' in text
    ]
    printed = run.stdout.splitlines()
    assert len(printed) == 3 and printed[0].startswith("audit: 1 page(s) found;"), run.stdout
    assert printed[1] == (
        f"en/guides/birth/index.html:{line}: moda [HM2310200C]: WCAG 3.1.2: 宣告為不同語系的文字內容，"
        '其語系宣告值不可與網頁宣告相同. Element: <span lang="en">English</span>. Fix: 網頁內容中，'
        "使用不同人類語言的內容區段，必須以合於語意的組件標記，該組件並要有語言(lang)屬性 "
        "(a11y-moda rules show HM2310200C)"
    )
    assert printed[2] == "accessibility audit: 1 problem(s) in 1 file(s)"
    assert "Traceback" not in run.stderr
    lint = [str(f) for f in lint_findings(result.output)]
    assert lint == [
        f'en/guides/birth/index.html:{line}: moda [HM2310200C]: WCAG 3.1.2: 內文 lang="en" 與 '
        '<html lang="en"> 重複，無切換意義. Element: <span lang="en">English</span>. Fix: 內文 lang '
        "屬性需非空且與 <html lang> 不同 (a11y-moda rules show HM2310200C)"
    ]


# --- the clean fixture passes every stage ------------------------------------------------------


@pytest.mark.browser
def test_clean_fixture_passes_every_stage(fixture_site, tmp_path, capsys):
    assert check_links(fixture_site.output) == []
    assert lint_findings(fixture_site.output) == []
    assert validate(fixture_site.output, JAR) == []
    code = site_checks(
        [
            "audit",
            "--site",
            str(fixture_site.output),
            "--all",
            "--report-dir",
            str(tmp_path / "report"),
            "--cache-dir",
            str(tmp_path / "cache"),
        ]
    )
    assert code == 0, capsys.readouterr().out
    assert (tmp_path / "report/audit.json").is_file() and (tmp_path / "report/audit.html").is_file()
