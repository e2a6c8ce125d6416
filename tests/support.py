"""Shared test support: paths, building a site in a subprocess, reading built pages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from site_checks.pages import html_pages  # noqa: F401  (re-exported for the tests)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
LANG_PREFIXES = {"en": "en"}  # every other built page is zh-tw at the root
HTML_LANG = {"zh-tw": "zh-Hant-TW", "en": "en"}


@dataclass(frozen=True)
class Build:
    """The result of one Pelican run: its output folder and what it printed."""

    output: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def log(self) -> str:
        return self.stdout + self.stderr


def run_pelican(content: Path, settings: Path, output: Path, cwd: Path = ROOT,
                extra_settings: dict | None = None) -> Build:
    """Build like `make build` does: a separate process, warnings fatal; `extra_settings` are
    passed as `-e KEY=JSON`, as `make audit-release` passes the audit record."""
    extra = [f"{key}={json.dumps(value)}" for key, value in (extra_settings or {}).items()]
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output),
         "--fatal", "warnings", *(["-e", *extra] if extra else [])],
        cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )
    return Build(output, result.returncode, result.stdout, result.stderr)


def copy_fixture_site(destination: Path) -> Path:
    """A writable copy of the fixture site, for tests that plant mistakes in it."""
    shutil.copytree(FIXTURE_SITE, destination)
    return destination


def build_fixture_copy(site: Path, output: Path, **overrides) -> Build:
    """Build a fixture copy, with settings overrides written into a settings file beside it."""
    settings = site / "fixtureconf.py"
    if overrides:
        settings = site / "overrideconf.py"
        lines = [f"import sys; sys.path.insert(0, {str(site)!r})", "from fixtureconf import *"]
        lines += [f"{key} = {value!r}" for key, value in overrides.items()]
        settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_pelican(site / "content", settings, output)


def page_language(output: Path, page: Path) -> str:
    """The language a page must be in, from the folder it is in."""
    first = page.relative_to(output).parts[0]
    return next((lang for lang, prefix in LANG_PREFIXES.items() if first == prefix), "zh-tw")


def parse(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
