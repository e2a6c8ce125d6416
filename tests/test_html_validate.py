"""HTML validation with the Nu HTML Checker (plugins/site_checks/vnu.py).

vnu takes a few seconds per run, so the faulty pages share one synthetic site, checked once.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from site_checks.vnu import (HELP_URL, IGNORED_MESSAGES, ValidatorFailed, ValidatorUnavailable,
                             findings_of, validate)
from support import ROOT

JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HEAD = '<head><meta charset="utf-8"><title>Test page</title></head>'


def page(*body_lines: str, head: str = HEAD) -> str:
    """A page whose body lines start at line 5 (lines 1-4: doctype, html, head, body)."""
    return "\n".join(["<!DOCTYPE html>", '<html lang="en">', head, "<body>", *body_lines,
                      "</body>", "</html>", ""])


SYNTHETIC_SITE = {
    "valid.html": page("<h1>Fine</h1>", '<ul><li><a href="/">Home</a></li></ul>'),
    "nesting/index.html": page("<h1>Nesting</h1>", "<ul><p>not a list item</p></ul>",
                               '<p><a href="/">outer <a href="/x">inner</a></a></p>'),
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


def lines_and_messages(findings) -> list[tuple[str, str]]:
    return [(f.element.split(":")[0], f.message) for f in findings]


def test_invalid_nesting_names_page_and_line(synthetic_findings):
    found = lines_and_messages(synthetic_findings["nesting/index.html"])
    p_in_ul = "Element “p” not allowed as child of element “ul” in this context."
    assert any(line == "line 6, column 5" and message.startswith(p_in_ul)
               for line, message in found), found
    nested_a = "Start tag “a” seen but an element of the same type was already open."
    assert any(line.startswith("line 7,") and message == nested_a for line, message in found), found


def test_duplicate_id(synthetic_findings):
    (finding,) = synthetic_findings["en/duplicate-id/index.html"]
    assert finding.message == "Duplicate ID “same”."
    assert finding.element.startswith("line 6, column 1: ") and 'id="same"' in finding.element


def test_missing_title(synthetic_findings):
    (finding,) = synthetic_findings["no-title.html"]
    assert "missing a required instance of child element “title”" in finding.message
    assert finding.element.startswith("line 3, ")


def test_css_errors_name_the_style_sheet_line(synthetic_findings):
    (finding,) = synthetic_findings["theme/css/site.css"]
    assert "colr" in finding.message and finding.element.startswith("line 2, ")
    assert "style sheet" in finding.fix


def test_valid_page_and_non_html_files_have_no_findings(synthetic_findings):
    assert set(synthetic_findings) == {"nesting/index.html", "en/duplicate-id/index.html",
                                       "no-title.html", "theme/css/site.css"}


def test_finding_shape(synthetic_findings):
    for finding in synthetic_findings["nesting/index.html"]:
        assert finding.check == "html" and finding.rule == "" and finding.help_url == HELP_URL
        assert finding.fix == ("Correct the markup in the template or Markdown "
                               "that produces this line.")
        assert len(finding.element) < 120 and "\n" not in finding.element


def test_real_site_is_valid(real_site):
    findings = validate(real_site.output, JAR)
    assert findings == [], "\n".join(map(str, findings))


def test_missing_jar_raises(tmp_path):
    (tmp_path / "index.html").write_text(page("<p>x</p>"), encoding="utf-8")
    with pytest.raises(ValidatorUnavailable, match="npm ci"):
        validate(tmp_path, tmp_path / "vnu.jar")


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


@pytest.mark.parametrize("script", [
    'echo "Exception in thread main java.lang.OutOfMemoryError" >&2; exit 1',
    "exit 0",  # no output at all is not "no errors"
    'echo \'{"messages": []}\'; exit 1',  # failed, yet reports nothing
    'echo \'{"messages": []}\'; exit 137',  # killed
])
def test_vnu_crash_raises(tmp_path, script):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(page("<p>x</p>"), encoding="utf-8")
    with pytest.raises(ValidatorFailed):
        validate(site, JAR, java=fake_java(tmp_path, script))


def test_non_document_error_raises(tmp_path):
    message = {"type": "non-document-error", "subType": "io", "url": "file:/x.html",
               "message": "IO"}
    with pytest.raises(ValidatorFailed, match="could not check"):
        findings_of([message], tmp_path)


def test_nothing_is_ignored(tmp_path):
    """Every vnu error is reported; ignoring one needs a pattern here, with its reason."""
    assert IGNORED_MESSAGES == ()
    messages = [{"type": "error", "url": f"file:{tmp_path}/a%20b/index.html", "lastLine": 3,
                 "firstColumn": 2, "message": "Any error.", "extract": "<p>\n  x"}]
    (finding,) = findings_of(messages, tmp_path)
    assert finding.page == "a b/index.html" and finding.element == "line 3, column 2: <p> x"


def test_missing_site_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        validate(tmp_path / "output", JAR)
