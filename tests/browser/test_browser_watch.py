"""browser_watch and the conftest check built on it: a test that starts Chromium, in its own
process or through a command it runs, fails unless it is marked `browser`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from browser_watch import BrowserWatch
from support import ROOT

pytestmark = pytest.mark.browser  # these tests start Chromium to see it seen

STARTS_CHROMIUM = (
    "from site_checks.browser import chromium\n"
    "with chromium() as driver:\n"
    "    driver.get('about:blank')\n"
)
PROBE = f'''
import subprocess, sys
import pytest

def test_unmarked_starts_chromium_in_a_command():
    subprocess.run([sys.executable, "-c", {STARTS_CHROMIUM!r}], check=True)

def test_unmarked_starts_chromium_here():
    exec({STARTS_CHROMIUM!r})

@pytest.mark.browser
def test_marked_starts_chromium():
    exec({STARTS_CHROMIUM!r})

def test_unmarked_starts_nothing():
    assert True
'''
ENV = {**os.environ, "PYTHONPATH": f"{ROOT / 'plugins'}:{ROOT / 'tests'}"}


def test_the_watch_sees_chromedriver_started_by_a_child_process_and_nothing_else():
    watch = BrowserWatch()
    watch.start()
    subprocess.run([sys.executable, "-c", "import time; time.sleep(0.6)"], check=True, env=ENV)
    assert watch.stop() == set()
    watch.start()
    subprocess.run([sys.executable, "-c", STARTS_CHROMIUM], check=True, env=ENV)
    assert len(watch.stop()) == 1


def test_an_unmarked_test_that_starts_chromium_fails(tmp_path):
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider", "-q", "-rf",
         "-o", "markers=browser: runs headless Chromium", str(tmp_path / "test_probe.py")],
        cwd=tmp_path, capture_output=True, text=True, env=ENV, timeout=300)
    failed = sorted(line.split("::")[1].split(" ")[0] for line in result.stdout.splitlines()
                    if line.startswith("FAILED"))
    assert failed == ["test_unmarked_starts_chromium_here", "test_unmarked_starts_chromium_in_a_command"], \
        result.stdout
    assert "but is not in the browser tier. Fix: move it to tests/browser/" in result.stdout
    assert "2 failed, 2 passed" in result.stdout
