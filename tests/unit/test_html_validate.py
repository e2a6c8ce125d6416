"""HTML validation with the Nu HTML Checker (plugins/site_checks/vnu.py).

vnu takes a few seconds per run, so the faulty pages share one synthetic site, checked once.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from site_checks.__main__ import main as site_checks
from site_checks.findings import CheckCannotRun
from site_checks.vnu import (
    HELP_URL,
    IGNORED_MESSAGES,
    ValidatorFailed,
    ValidatorUnavailable,
    check_html,
    finding_of,
    messages_by_file,
    validate,
)
from support import ROOT

JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HEAD = '<head><meta charset="utf-8"><title>Test page</title></head>'


def page(*body_lines: str, head: str = HEAD) -> str:
    """A page whose body lines start at line 5 (lines 1-4: doctype, html, head, body)."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            head,
            "<body>",
            *body_lines,
            "</body>",
            "</html>",
            "",
        ]
    )


SYNTHETIC_SITE = {
    "valid.html": page("<h1>Fine</h1>", '<ul><li><a href="/">Home</a></li></ul>'),
    "nesting/index.html": page(
        "<h1>Nesting</h1>",
        "<ul><p>not a list item</p></ul>",
        '<p><a href="/">outer <a href="/x">inner</a></a></p>',
    ),
    "en/duplicate-id/index.html": page('<h2 id="same">One</h2>', '<h2 id="same">Two</h2>'),
    "no-title.html": page("<p>No title</p>", head='<head><meta charset="utf-8"></head>'),
    "theme/css/site.css": "body { margin: 0; }\nh1 { colr: red; }\n",
    "notes.txt": "<ul><p>not HTML, not checked</p></ul>\n",
}


@pytest.fixture(scope="module")
def synthetic_findings(tmp_path_factory):
    """The findings of one vnu run over all the synthetic pages, by page."""
    site = tmp_path_factory.mktemp("vnu") / "output"
    for name, text in SYNTHETIC_SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    by_page: dict[str, list] = {}
    for finding in validate(site, JAR):
        by_page.setdefault(finding.page, []).append(finding)
    return by_page


def lines_and_messages(findings) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in findings]


def test_invalid_nesting_names_page_and_line(synthetic_findings):
    found = lines_and_messages(synthetic_findings["nesting/index.html"])
    p_in_ul = "Element “p” not allowed as child of element “ul” in this context"
    assert any(
        line == 6 and message.startswith(p_in_ul) and message.endswith("(column 5)")
        for line, message in found
    ), found
    nested_a = "Start tag “a” seen but an element of the same type was already open"
    assert any(line == 7 and message.startswith(nested_a) for line, message in found), found


def test_duplicate_id(synthetic_findings):
    (finding,) = synthetic_findings["en/duplicate-id/index.html"]
    assert finding.message == "Duplicate ID “same” (column 1)"
    assert finding.line == 6 and 'id="same"' in finding.element
    assert str(finding) == (
        "en/duplicate-id/index.html:6: html: Duplicate ID “same” (column 1). "
        'Element: <h2 id="same">. Fix: Correct the markup in the template '
        "or Markdown that produces this line."
    )


def test_missing_title(synthetic_findings):
    (finding,) = synthetic_findings["no-title.html"]
    assert "missing a required instance of child element “title”" in finding.message
    assert finding.line == 3


def test_css_errors_name_the_style_sheet_line(synthetic_findings):
    (finding,) = synthetic_findings["theme/css/site.css"]
    assert "colr" in finding.message and finding.line == 2
    assert "style sheet" in finding.fix
    assert str(finding).startswith("theme/css/site.css:2: html: ")


def test_valid_page_and_non_html_files_have_no_findings(synthetic_findings):
    assert set(synthetic_findings) == {
        "nesting/index.html",
        "en/duplicate-id/index.html",
        "no-title.html",
        "theme/css/site.css",
    }


def test_finding_shape(synthetic_findings):
    found = synthetic_findings["nesting/index.html"]
    assert len(found) >= 2  # a <p> in a <ul>, an <a> in an <a>
    for finding in found:
        assert finding.check == "html" and finding.rule == "" and finding.help_url == HELP_URL
        assert finding.fix == (
            "Correct the markup in the template or Markdown that produces this line."
        )
        assert len(finding.element) <= 80 and "\n" not in finding.element


def test_missing_jar_raises(tmp_path):
    (tmp_path / "index.html").write_text(page("<p>x</p>"), encoding="utf-8")
    with pytest.raises(ValidatorUnavailable, match="npm ci"):
        validate(tmp_path, tmp_path / "vnu.jar")


def test_missing_jar_fails_the_command_with_one_line(tmp_path, capsys):
    (tmp_path / "index.html").write_text(page("<p>x</p>"), encoding="utf-8")
    code = site_checks(
        [
            "html",
            "--site",
            str(tmp_path),
            "--jar",
            str(tmp_path / "vnu.jar"),
            "--cache",
            str(tmp_path / "cache.json"),
        ]
    )
    printed = capsys.readouterr().out.splitlines()
    assert code == 2
    assert printed == [
        f"{tmp_path}/vnu.jar: html [cannot-run]: the Nu HTML Checker (vnu.jar) does not exist. "
        "Fix: install the checker's tools: `make test-deps` (Java, from Debian's "
        "default-jre-headless) and `npm ci` (vnu-jar, pinned in package.json)",
        "HTML validation: could not run, so nothing was checked",
    ]


def test_missing_java_raises(tmp_path):
    (tmp_path / "index.html").write_text(page("<p>x</p>"), encoding="utf-8")
    with pytest.raises(ValidatorUnavailable, match="make test-deps"):
        validate(tmp_path, JAR, java="no-such-java-here")


def fake_java(tmp_path: Path, script: str) -> str:
    """An executable standing in for java, to imitate a vnu crash."""
    path = tmp_path / "fake-java"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.mark.parametrize(
    "script",
    [
        'echo "Exception in thread main java.lang.OutOfMemoryError" >&2; exit 1',
        "exit 0",  # no output at all is not "no errors"
        "echo '{\"messages\": []}'; exit 1",  # failed, yet reports nothing
        "echo '{\"messages\": []}'; exit 137",  # killed
    ],
)
def test_vnu_crash_raises(tmp_path, script):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(page("<p>x</p>"), encoding="utf-8")
    with pytest.raises(ValidatorFailed):
        validate(site, JAR, java=fake_java(tmp_path, script))


def test_non_document_error_raises(tmp_path):
    message = {
        "type": "non-document-error",
        "subType": "io",
        "url": "file:/x.html",
        "message": "IO",
    }
    with pytest.raises(ValidatorFailed, match="could not check"):
        messages_by_file([message], tmp_path)


def test_nothing_is_ignored(tmp_path):
    """Every vnu error is reported; ignoring one needs a pattern here, with its reason."""
    assert IGNORED_MESSAGES == ()
    messages = [
        {
            "type": "error",
            "url": f"file:{tmp_path}/a%20b/index.html",
            "lastLine": 3,
            "firstColumn": 2,
            "message": "Any error.",
            "extract": "<p>\n  x",
        }
    ]
    [(page, [message])] = messages_by_file(messages, tmp_path).items()
    finding = finding_of(message, page)
    assert (finding.page, finding.line, finding.element) == ("a b/index.html", 3, "<p> x")


def test_missing_site_raises(tmp_path):
    with pytest.raises(CheckCannotRun, match="no built HTML pages"):
        validate(tmp_path / "output", JAR)


# --- the cache and the shards ---------------------------------------------------------------


def small_site(root: Path) -> Path:
    for name in ("a.html", "b.html", "en/c.html", "en/d.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(page(f"<p>{name}</p>"), encoding="utf-8")
    (root / "site.css").write_text("p { margin: 0; }\n", encoding="utf-8")
    return root


def test_unchanged_files_are_not_checked_again(tmp_path):
    site, cache = small_site(tmp_path / "site"), tmp_path / "cache.json"
    first = check_html(site, JAR, cache_path=cache)
    assert (first.found, first.checked, first.cached, first.findings) == (5, 5, 0, [])
    (site / "en/c.html").write_text(page("<ul><p>now invalid</p></ul>"), encoding="utf-8")
    edited = check_html(site, JAR, cache_path=cache)
    assert (edited.checked, edited.cached) == (1, 4)
    assert [(f.page, f.line) for f in edited.findings] == [("en/c.html", 5)]
    cached_fault = check_html(site, JAR, java="no-java-needed", cache_path=cache)
    assert cached_fault.checked == 0 and [f.page for f in cached_fault.findings] == ["en/c.html"]


NO_ERRORS = "echo '{\"messages\": []}'"  # a stand-in for vnu that finds nothing, quickly


def test_a_new_checker_or_all_checks_everything_again(tmp_path, monkeypatch):
    site, cache, java = (
        small_site(tmp_path / "site"),
        tmp_path / "cache.json",
        fake_java(tmp_path, NO_ERRORS),
    )
    assert check_html(site, JAR, java=java, cache_path=cache).checked == 5
    assert check_html(site, JAR, java=java, cache_path=cache).checked == 0
    assert check_html(site, JAR, java=java, cache_path=cache, recheck=True).checked == 5
    monkeypatch.setattr("site_checks.vnu.file_digest", lambda jar: "the digest of another vnu.jar")
    assert check_html(site, JAR, java=java, cache_path=cache).checked == 5


def test_each_shard_checks_only_its_own_files(tmp_path):
    site, java = small_site(tmp_path / "site"), fake_java(tmp_path, NO_ERRORS)
    shards = [
        check_html(site, JAR, java=java, shard=(i, 2), cache_path=tmp_path / f"cache{i}.json")
        for i in (1, 2)
    ]
    assert [run.found for run in shards] == [3, 2] and [run.checked for run in shards] == [3, 2]
    assert check_html(site, JAR, java=java, only="en/*").found == 2


def test_a_crash_caches_nothing(tmp_path):
    site, cache = small_site(tmp_path / "site"), tmp_path / "cache.json"
    with pytest.raises(ValidatorFailed):
        check_html(site, JAR, java=fake_java(tmp_path, "exit 0"), cache_path=cache)
    assert check_html(site, JAR, java=fake_java(tmp_path, NO_ERRORS), cache_path=cache).checked == 5


def test_one_error_is_one_unwrapped_line_in_a_piped_40_column_run(tmp_path):
    (tmp_path / "site/en/a-rather-long-folder-name-to-wrap").mkdir(parents=True)
    (tmp_path / "site/en/a-rather-long-folder-name-to-wrap/index.html").write_text(
        page('<h2 id="same">One</h2>', '<h2 id="same">Two</h2>'), encoding="utf-8"
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "site_checks",
            "html",
            "--site",
            str(tmp_path / "site"),
            "--jar",
            str(JAR),
            "--cache",
            str(tmp_path / "cache.json"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "COLUMNS": "40", "PYTHONPATH": str(ROOT / "plugins")},
    )
    assert run.returncode == 1 and run.stderr == ""
    assert run.stdout.splitlines() == [
        "HTML validation: 1 file(s) found, 1 checked, 0 from cache",
        "en/a-rather-long-folder-name-to-wrap/index.html:6: html: Duplicate ID “same” (column 1). "
        'Element: <h2 id="same">. Fix: Correct the markup in the template or Markdown that produces this line.',
        "HTML validation: 1 problem(s) in 1 file(s)",
    ]
