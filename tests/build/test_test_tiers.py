"""The test tiers hold (tests/conftest.py): a test is marked by its folder; a unit test that
starts a build, or uses a built site, fails with one line saying where it belongs; a test file
outside the three tier folders is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from support import ROOT

PLANTED = '''
import subprocess
import sys

import pytest


def test_that_builds():
    subprocess.run([sys.executable, "-m", "site_build", "--help"], capture_output=True)


def test_that_uses_the_real_site(real_site):
    pass


def test_that_only_computes():
    assert 1 + 1 == 2


@pytest.mark.parametrize("tier", ["unit"])
def test_marked_by_its_folder(request, tier):
    assert request.node.get_closest_marker(tier) is not None
'''


def run_planted(tmp_path, folder: str):
    """pytest on one planted test file in tests/<folder>/ of a copy of the test set-up."""
    tests = tmp_path / "tests"
    (tests / folder).mkdir(parents=True)
    for name in ("conftest.py", "support.py", "browser_watch.py"):
        shutil.copy(ROOT / "tests" / name, tests / name)
    (tests / folder / "test_planted.py").write_text(PLANTED, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(tests)])}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           "-c", "/dev/null", "-W", "error", str(tests / folder)],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)


def test_a_unit_test_that_builds_fails_and_says_where_it_belongs(tmp_path):
    result = run_planted(tmp_path, "unit")
    out = result.stdout
    assert "test_that_builds is a unit test but runs" in out and "move it to tests/build/" in out, out
    assert "test_that_uses_the_real_site is a unit test but uses real_site, a build" in out, out
    assert "1 failed, 2 passed, 1 error" in out, out  # the build fixture is refused at set-up


def test_a_test_outside_the_tier_folders_is_refused(tmp_path):
    result = run_planted(tmp_path, "stray")
    assert result.returncode != 0
    assert "a test file goes in one of tests/{unit,build,browser}/" in result.stdout + result.stderr
