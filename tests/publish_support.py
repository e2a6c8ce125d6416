"""Support for the publishing tests: a fixture-site copy with publish settings, `make publish`
and `make rollback` run as IT staff run them, and the state of a deploy target."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from support import FIXTURE_SITE, ROOT

PUBLIC_ORIGIN = "https://www.fixture-office.gov.tw"


def publishable_copy(folder: Path, verified: bool = True, origin: str = PUBLIC_ORIGIN) -> Path:
    """A copy of the fixture site with its own publish settings (publishtest.py); `verified`
    removes the office data's `unverified` marks, as the office would once it confirmed them."""
    site = folder / "site"
    shutil.copytree(FIXTURE_SITE, site)
    office = site / "content/office.toml"
    if verified:
        office.write_text("".join(line for line in office.read_text(encoding="utf-8").splitlines(True)
                                  if not line.startswith("unverified")), encoding="utf-8")
    (site / "publishtest.py").write_text(
        f"import sys\nsys.path[:0] = [{str(ROOT)!r}, {str(site)!r}]\nfrom fixtureconf import *\n"
        f"PATH = {str(site / 'content')!r}\nOFFICE_DATA_FILE = {str(office)!r}\n"
        f"FORMS_DIR = {str(site / 'forms')!r}\nSITE_ORIGIN = {origin!r}\n", encoding="utf-8")
    return site


def make(goal: str, site: Path, work: Path, target: Path | str, **variables: str) -> subprocess.CompletedProcess:
    """`make publish|rollback` from the project, for a fixture copy, into `work`."""
    args = {"PUBLISH_SETTINGS": str(site / "publishtest.py"), "CONTENT": str(site / "content"),
            "OUTPUT": str(work / "output"), "DEPLOY_TARGET": str(target),
            "RELEASE_RECORD": str(work / "record.json"), "AUDIT_REPORT_DIR": str(work / "reports"), **variables}
    return subprocess.run(["make", "--no-print-directory", goal, *(f"{k}={v}" for k, v in args.items())],
                          cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "COLUMNS": "80"})


def current(target: Path) -> str | None:
    """The release `current` points to, or None."""
    link = target / "current"
    return os.readlink(link) if link.is_symlink() else None


def releases(target: Path) -> list[str]:
    folder = target / "releases"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
