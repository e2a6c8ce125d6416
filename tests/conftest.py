"""Session-wide builds: the real site and the fixture site, each built once."""

from __future__ import annotations

import datetime

import pytest

from forms import generate, load_definitions
from personal_data import ALLOWLIST_FILE, load_allowlist
from support import FIXTURE_SITE, ROOT, Build, run_pelican

FORMS_LANGUAGES = ("zh-tw", "en")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real site, built with --fatal warnings."""
    build = run_pelican(ROOT / "content", ROOT / "pelicanconf.py", tmp_path_factory.mktemp("real") / "output")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Build:
    """The tiny bilingual fixture site (one pair per page kind, one untranslated page)."""
    build = run_pelican(FIXTURE_SITE / "content", FIXTURE_SITE / "fixtureconf.py",
                        tmp_path_factory.mktemp("fixture") / "output")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def forms():
    """Every real form definition."""
    allowlist = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date(2026, 11, 30))
    return load_definitions(ROOT / "forms", FORMS_LANGUAGES, allowlist=allowlist)


@pytest.fixture(scope="session")
def built(forms, tmp_path_factory):
    """Every real form generated cold, then again warm into the same folders."""
    root = tmp_path_factory.mktemp("forms")
    cold = generate(forms, root / "out", root / "cache")
    mtimes = {path: path.stat().st_mtime_ns for path in (root / "out").rglob("*") if path.is_file()}
    warm = generate(forms, root / "out", root / "cache")
    print(f"\nforms: {len(forms)} forms, {len(cold.files)} files: cold {cold.seconds:.2f} s "
          f"({cold.regenerated} regenerated), warm {warm.seconds:.3f} s ({warm.regenerated} regenerated)")
    return root, cold, warm, mtimes


SKIPPED = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[SKIPPED] = []


def pytest_report_teststatus(report, config):
    """Remember every skipped test: here a skip is a failure (e.g. a browser test without Chromium)."""
    if report.skipped:
        config.stash[SKIPPED].append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    skipped = session.config.stash.get(SKIPPED, [])
    if skipped and exitstatus == 0:
        print(f"\n{len(skipped)} test(s) skipped; a skipped test counts as a failure: {skipped[:5]}")
        session.exitstatus = 1
