"""Session-wide builds: the real site and the fixture site, each built once; a skipped test
fails the run; a test that starts Chromium without the `browser` marker fails."""

from __future__ import annotations

import datetime

import pytest

from browser_watch import BrowserWatch
from forms import generate, load_definitions
from personal_data import ALLOWLIST_FILE, load_allowlist
from support import FIXTURE_SITE, ROOT, Build, run_pelican

WATCH = BrowserWatch()
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
    """Every real form definition, with its facts in (content/data/facts.yaml), as the build and
    `make forms` make them."""
    from site_build.forms_command import facts_resolver

    allowlist = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date(2026, 11, 30))
    return load_definitions(ROOT / "forms", FORMS_LANGUAGES, allowlist=allowlist,
                            resolve=facts_resolver(ROOT / "content"))


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


def unmarked_browser_check(item, phase: str):
    """Run one phase of a test, watching for ChromeDriver; fail an unmarked test that starts it."""
    if item.get_closest_marker("browser") is not None:
        return (yield)
    WATCH.start()
    try:
        result = yield
    finally:
        started = WATCH.stop()
    if started:
        pytest.fail(f"{item.nodeid} started Chromium ({len(started)} ChromeDriver process(es), in its {phase}) "
                    "but is not marked `browser`. Fix: add @pytest.mark.browser (or pytestmark) to it",
                    pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    return (yield from unmarked_browser_check(item, "set-up"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from unmarked_browser_check(item, "call"))
