"""The test tiers, by folder (docs/architecture.md): tests/unit/ (no build, no browser: `make
test-fast`), tests/build/ (builds a site or generates forms), tests/browser/ (starts Chromium).
Each test is marked with its folder's tier; a unit test that builds fails, and so does a test
that starts Chromium without being in the browser tier.

Also here: the session-wide builds (the real site and the fixture site, each built once, and
every real form), and a skipped test fails the run."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

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


TIERS = {  # the folders under tests/, and the markers they give
    "unit": "tests/unit/: no build, no browser (make test-fast)",
    "build": "tests/build/: builds a site or generates forms",
    "browser": "tests/browser/: runs headless Chromium",
}
TESTS = Path(__file__).resolve().parent
# What only the build tier (and the browser tier) may start: a site build or the preview, the
# benchmark, or the forms engine generating files.
BUILDING = ("site_build", "pelican")  # a command word: python -m site_build …, or Pelican's own command
BUILDING_SCRIPTS = ("bench_site.py",)


def tier_of(path: Path) -> str:
    """The tier of a test file: the folder below tests/ it is in ('' for a file outside tests/,
    such as the probes tests/browser/test_browser_watch.py runs with this conftest)."""
    if not Path(path).resolve().is_relative_to(TESTS):
        return ""
    folder = Path(path).resolve().relative_to(TESTS).parts[0]
    if folder not in TIERS:
        raise pytest.UsageError(f"{path}: a test file goes in one of tests/{{{','.join(TIERS)}}}/ "
                                "(docs/architecture.md, Tests in tiers)")
    return folder


def pytest_collection_modifyitems(items):
    for item in items:
        if tier := tier_of(item.path):
            item.add_marker(tier)


def refuse_builds(monkeypatch, nodeid: str) -> None:
    """In the unit tier, starting a build, the preview, the benchmark or the forms engine fails."""
    import importlib

    engine = importlib.import_module("forms.generate")  # the module (forms.generate is also its function)

    def refused(what: str):
        pytest.fail(f"{nodeid} is a unit test but {what}. Fix: move it to tests/build/ (or call the code "
                    "without building)", pytrace=False)

    for name in ("run", "Popen"):
        original = getattr(subprocess, name)

        def guarded(args, *rest, original=original, **options):
            words = [args] if isinstance(args, str) else [str(arg) for arg in args]
            if any(Path(word).name in BUILDING or word.endswith(BUILDING_SCRIPTS) for word in words):
                refused(f"runs {' '.join(words)[:120]}")
            return original(args, *rest, **options)

        monkeypatch.setattr(subprocess, name, guarded)
    monkeypatch.setattr(engine, "make_files", lambda *args, **kwargs: refused("generates forms"))


BUILT_FIXTURES = {"real_site", "fixture_site", "built"}  # the session's builds (below)


def refuse_built_fixtures(item) -> None:
    """A unit test may not use a build (checked before any fixture is made)."""
    built = BUILT_FIXTURES & set(item.fixturenames)
    if tier_of(item.path) == "unit" and built:
        pytest.fail(f"{item.nodeid} is a unit test but uses {', '.join(sorted(built))}, a build. Fix: "
                    "move it to tests/build/", pytrace=False)


@pytest.fixture(autouse=True)
def tier_guard(request, monkeypatch):
    if tier_of(request.node.path) == "unit":
        refuse_builds(monkeypatch, request.node.nodeid)
    yield


SKIPPED = pytest.StashKey[list]()


def pytest_configure(config):
    for tier, what in TIERS.items():
        config.addinivalue_line("markers", f"{tier}: {what}")
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
                    "but is not in the browser tier. Fix: move it to tests/browser/", pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    refuse_built_fixtures(item)
    return (yield from unmarked_browser_check(item, "set-up"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from unmarked_browser_check(item, "call"))
