"""deploy/release.sh alone, as the deploy runs it on the target: which release is "before"
`current` and which are "the last 5" follow the order of deploys, whatever order the names sort
in (a clock set back, names made on another machine), and pruning never removes `current`."""

from __future__ import annotations

import os
import subprocess

import pytest

from support import ROOT

SCRIPT = ROOT / "deploy" / "release.sh"
KEEP = 5


def release(target, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(SCRIPT), args[0], str(target), *args[1:]], capture_output=True, text=True)


def deploy(target, name: str, keep: int = KEEP) -> None:
    """What `site_publish deploy` does on the target: prepare, upload to .partial-NAME, activate."""
    assert release(target, "prepare").returncode == 0
    upload = target / "releases" / f".partial-{name}"
    upload.mkdir()
    (upload / "index.html").write_text(name, encoding="utf-8")
    done = release(target, "activate", name, str(keep))
    assert done.returncode == 0, done.stderr


def current(target) -> str:
    return os.readlink(target / "current").removeprefix("releases/")


def kept(target) -> set[str]:
    return {path.name for path in (target / "releases").iterdir()}


def rollback(target) -> str:
    done = release(target, "rollback")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == current(target)
    return current(target)


def stamped(hours: list[int]) -> list[str]:
    return [f"20261130T{hour:02d}0000Z-{n:012x}" for n, hour in enumerate(hours)]


NAME_ORDERS = {
    "names-in-time-order": stamped([1, 2, 3, 4, 5, 6, 7]),
    "clock-set-back": stamped([9, 8, 7, 6, 5, 4, 3]),
    "clock-set-back-once": stamped([5, 6, 7, 1, 2, 3, 4]),
    "names-from-other-machines": ["web2-0042", "20261130T090000Z-0123456789ab", "nogit", "20261129T230000Z-dirty",
                                  "web2-0043", "20261130T080000Z-ba9876543210", "a-release"],
}


@pytest.mark.parametrize("names", NAME_ORDERS.values(), ids=NAME_ORDERS.keys())
def test_rollback_goes_back_one_deploy_at_a_time(tmp_path, names):
    for name in names[:4]:
        deploy(tmp_path, name)
    assert current(tmp_path) == names[3]
    assert [rollback(tmp_path) for _ in range(3)] == [names[2], names[1], names[0]]
    refused = release(tmp_path, "rollback")
    assert refused.returncode == 3 and "nothing to go back to" in refused.stderr
    assert current(tmp_path) == names[0]


@pytest.mark.parametrize("names", NAME_ORDERS.values(), ids=NAME_ORDERS.keys())
def test_pruning_keeps_the_last_five_deploys_and_never_current(tmp_path, names):
    for count, name in enumerate(names, start=1):
        deploy(tmp_path, name)
        assert current(tmp_path) == name and (tmp_path / "current/index.html").read_text() == name
        assert kept(tmp_path) == set(names[max(0, count - KEEP):count]), count
    status = release(tmp_path, "status").stdout.splitlines()
    assert status == [f"current: {names[-1]}", *reversed(names[-KEEP:])]
    assert rollback(tmp_path) == names[-2]


def test_a_deploy_after_a_rollback_keeps_the_new_release_and_the_one_rolled_back_to(tmp_path):
    names = stamped([9, 8, 7])  # the clock went back between deploys
    for name in names[:2]:
        deploy(tmp_path, name)
    assert rollback(tmp_path) == names[0]
    deploy(tmp_path, names[2], keep=2)
    assert current(tmp_path) == names[2] and kept(tmp_path) == {names[1], names[2]}
    assert rollback(tmp_path) == names[1]


def test_a_target_made_before_the_history_file_goes_by_name(tmp_path):
    names = stamped([1, 2, 3])
    for name in names:
        deploy(tmp_path, name)
    (tmp_path / "history").unlink()  # as a target deployed by the release.sh before it
    assert rollback(tmp_path) == names[1]
    later = "20261201T000000Z-000000000009"
    deploy(tmp_path, later, keep=3)
    assert kept(tmp_path) == {names[1], names[2], later} and current(tmp_path) == later
    assert (tmp_path / "history").read_text().split() == [names[1], names[2], later]


@pytest.mark.parametrize("keep", ["0", "1"])
def test_keeping_fewer_releases_than_one_still_keeps_current(tmp_path, keep):
    names = stamped([3, 2, 1])
    for name in names:
        deploy(tmp_path, name, keep=int(keep))
        assert kept(tmp_path) == {name} and (tmp_path / "current/index.html").read_text() == name
