"""`make new KIND=… SLUG=…` (content_model.scaffold): every kind of kinds.py with a content folder,
and forms. Each scaffold left as written stops the build with one line per empty value; filled
in with sample text, it builds without a problem and its pages are written."""

from __future__ import annotations

import datetime
import subprocess

import pytest

from content_model.kinds import KINDS
from content_model.scaffold import ScaffoldError, kind_names, new_files
from support import ROOT, copy_fixture_site

TODAY = datetime.date(2026, 11, 30)
LANGUAGES = ["zh-tw", "en"]


def test_the_scaffolder_knows_every_kind_of_the_table_and_forms():
    assert kind_names() == [kind.name for kind in KINDS if kind.folder] + ["form"]


def test_a_bad_slug_an_unknown_kind_and_an_existing_file_are_refused(tmp_path):
    with pytest.raises(ScaffoldError, match="is not a slug"):
        new_files("news", "New Item", tmp_path, tmp_path, LANGUAGES, TODAY)
    with pytest.raises(ScaffoldError, match="there is no content kind 'blog'"):
        new_files("blog", "x", tmp_path, tmp_path, LANGUAGES, TODAY)
    site = copy_fixture_site(tmp_path / "site")
    with pytest.raises(ScaffoldError, match="exists already"):
        new_files("guide", "birth", site / "content", site / "forms", LANGUAGES, TODAY)


def test_make_new_writes_both_language_files(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    result = subprocess.run(["make", "--no-print-directory", "new", "KIND=news", "SLUG=late-opening",
                             f"SETTINGS={site / 'fixtureconf.py'}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    written = sorted(p.name for p in (site / "content/news").glob("*late-opening*"))
    assert len(written) == 2 and {name.split(".")[-2] for name in written} == {"zh-tw", "en"}


def test_make_help_lists_the_declared_kinds():
    result = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True)
    [line] = [line for line in result.stdout.splitlines() if line.startswith("make new KIND=")]
    assert line.split("KIND=", 1)[1].split()[0].split("|") == kind_names()
