"""Session-wide builds: the real site and the fixture site, each built once."""

from __future__ import annotations

import pytest

from support import FIXTURE_SITE, ROOT, Build, run_pelican


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
