"""Deploy a gated build: upload it as a new release, switch `current` to it in one rename, keep
the last releases; or switch back (rollback). Whatever fails before the switch (an upload cut
short, a full disk) leaves `current` exactly as it was, and the half upload is removed."""

from __future__ import annotations

import contextlib
import datetime
import subprocess
from pathlib import Path

from problems import Problem, ProblemsFound
from site_settings import SiteSettings

from .target import Target, TargetError

STAGE = "deploy"
KEEP = 5  # releases kept on the target (the current one among them)


class DeployRefused(ProblemsFound):
    """The build may not be deployed; carries the Problem that says why."""

    def __init__(self, problem: Problem):
        super().__init__([problem])


def release_name(commit: str, now: datetime.datetime) -> str:
    """`20261130T081500Z-3f2a1b4c5d6e`: sorts by time; says which commit it is."""
    return f"{now.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}-{commit}"


def git_commit(repo: Path) -> str:
    """The short sha of HEAD, with `-dirty` when the work tree has uncommitted changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              check=True).stdout.strip()
    try:
        sha = git("rev-parse", "--short=12", "HEAD")
        return sha + ("-dirty" if git("status", "--porcelain", "--untracked-files=no") else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "nogit"


def built_for(site: Path) -> str:
    """The public address a built site was made for: its robots.txt's Sitemap line."""
    robots = site / "robots.txt"
    for line in robots.read_text(encoding="utf-8").splitlines() if robots.is_file() else []:
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap":
            return value.strip().removesuffix("/sitemap.xml")
    return ""


def check_deployable(site: Path, settings: SiteSettings, settings_file: Path) -> None:
    """Only a build made with these (public) settings is deployed; a local build never is."""
    if not (site / "index.html").is_file():
        raise DeployRefused(Problem(str(site), None, STAGE, "no-site", "there is no built site here",
                                    "run `make publish`, which builds, checks and deploys"))
    if settings.is_local:
        raise DeployRefused(Problem(str(settings_file), None, STAGE, "local-origin",
                                    f"{settings.origin} is a local build's address, never a public one",
                                    "deploy a build made with publishconf.py (make publish)"))
    made_for = built_for(site)
    if made_for != settings.base_url:
        raise DeployRefused(Problem(f"{site}/robots.txt", None, STAGE, "other-build",
                                    f"this build was made for {made_for or 'an unknown address'}, "
                                    f"not {settings.base_url}",
                                    f"build with {settings_file} (make publish does)"))


def deploy(site: Path, target: Target, name: str, keep: int = KEEP, rsync_flags: list[str] | None = None) -> str:
    """Upload `site` as releases/NAME and make it current; returns NAME. On failure the half
    upload is removed and TargetError raised: `current` was not touched."""
    target.script("prepare")
    taken = set(target.script("status").splitlines()[1:])
    name = next(candidate for n in range(len(taken) + 1)
                if (candidate := name + (f"-{n + 1}" if n else "")) not in taken)
    try:
        target.upload(site, name, rsync_flags or [])
    except (TargetError, KeyboardInterrupt):
        cleanup(target)
        raise
    target.script("activate", name, str(keep))
    return name


def cleanup(target: Target) -> None:
    """Remove a half upload (it may be what filled the disk); a failure here changes nothing."""
    with contextlib.suppress(TargetError):
        target.script("prepare")


def rollback(target: Target) -> str:
    """Switch `current` to the release before it; returns that release's name."""
    return target.script("rollback").strip()


def status(target: Target) -> str:
    return target.script("status")
