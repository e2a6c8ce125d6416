"""The deploy step alone (python -m site_publish deploy|rollback), on a small built site:
releases, the `current` switch, keeping 5, an interrupted upload, a full disk, a remote target
through the same script, and a local build refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from publish_support import current, publishable_copy, releases

from support import ROOT, run_pelican

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(site, settings): the fixture site built with public settings (no gate: deploy alone)."""
    work = tmp_path_factory.mktemp("deploy")
    site = publishable_copy(work)
    build = run_pelican(site / "content", site / "publishtest.py", work / "output")
    assert build.returncode == 0, build.log
    return work / "output", site / "publishtest.py"


def deploy(site: Path, settings: Path, target: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "site_publish", "deploy", "--site", str(site), "--settings",
                           str(settings), "--target", target], cwd=ROOT, capture_output=True, text=True,
                          env={**ENV, **(env or {})}, timeout=300, **kwargs)


def test_six_deploys_keep_the_last_five_and_current_is_the_newest(built, tmp_path):
    site, settings = built
    target = tmp_path / "www"
    for _ in range(6):
        result = deploy(site, settings, str(target))
        assert result.returncode == 0, result.stdout + result.stderr
    kept = releases(target)
    assert len(kept) == 5 and current(target) == f"releases/{kept[-1]}"
    # unchanged files are hard links to the previous release: five releases, about one copy
    assert (target / "current/index.html").stat().st_nlink == 5


def test_an_interrupted_upload_leaves_current_and_the_next_deploy_cleans_up(built, tmp_path):
    site, settings = built
    target = tmp_path / "www"
    assert deploy(site, settings, str(target)).returncode == 0
    before = current(target)
    slow = subprocess.Popen([sys.executable, "-m", "site_publish", "deploy", "--site", str(site), "--settings",
                             str(settings), "--target", str(target)], cwd=ROOT,
                            env={**ENV, "RSYNC_FLAGS": "--bwlimit=20"},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while not list((target / "releases").glob(".partial-*/*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list((target / "releases").glob(".partial-*")), "the upload never started"
    os.killpg(slow.pid, signal.SIGTERM)  # the connection drops, the laptop is closed…
    slow.communicate(timeout=30)
    assert slow.returncode != 0
    assert current(target) == before and (target / before / "index.html").is_file()
    after = deploy(site, settings, str(target))
    assert after.returncode == 0, after.stdout
    assert not list((target / "releases").glob(".partial-*")) and current(target) != before


def test_a_full_disk_leaves_current_and_removes_the_half_upload(built, tmp_path):
    site, settings = built
    disk = tmp_path / "small-disk"
    disk.mkdir()
    size = sum(p.stat().st_blocks * 512 for p in site.rglob("*")) + 4096  # as the disk counts it
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size * 3 // 2}", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    assert mounted.returncode == 0, f"cannot mount a small disk for the test: {mounted.stderr}"
    try:
        assert deploy(site, settings, str(disk)).returncode == 0
        before = current(disk)
        big = site / "files" / "big.bin"
        big.write_bytes(os.urandom(size))  # the new release no longer fits beside the old one
        try:
            result = deploy(site, settings, str(disk))
        finally:
            big.unlink()
        assert result.returncode == 2, result.stdout
        assert "No space left on device" in result.stdout and "`current` was not changed" in result.stdout
        assert current(disk) == before and len(releases(disk)) == 1
        assert not list((disk / "releases").glob(".partial-*"))
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_remote_target_runs_the_same_steps_over_the_remote_shell(built, tmp_path):
    site, settings = built
    ssh = f"{sys.executable} {ROOT / 'tests/fake_ssh.py'}"
    target = f"deploy@web1:{tmp_path}/remote"
    env = {"DEPLOY_SSH": ssh}
    for _ in range(2):
        result = deploy(site, settings, target, env)
        assert result.returncode == 0, result.stdout + result.stderr
    first, _second = releases(tmp_path / "remote")
    rollback = subprocess.run([sys.executable, "-m", "site_publish", "rollback", "--target", target], cwd=ROOT,
                              capture_output=True, text=True, env={**ENV, **env})
    assert rollback.returncode == 0, rollback.stdout
    assert current(tmp_path / "remote") == f"releases/{first}"


def test_a_local_build_is_never_deployed(tmp_path):
    local = run_pelican(ROOT / "tests/fixtures/site/content", ROOT / "tests/fixtures/site/fixtureconf.py",
                        tmp_path / "local")
    assert local.returncode == 0, local.log
    result = deploy(tmp_path / "local", ROOT / "tests/fixtures/site/fixtureconf.py", str(tmp_path / "www"))
    assert result.returncode == 1
    assert "deploy [local-origin]: https://fixture.example is a local build's address" in result.stdout
    assert not (tmp_path / "www").exists()


def test_a_build_for_another_address_is_refused(built, tmp_path):
    site, _settings = built
    result = deploy(site, ROOT / "publishconf.py", str(tmp_path / "www"))
    assert result.returncode == 1 and "deploy [other-build]: this build was made for" in result.stdout
