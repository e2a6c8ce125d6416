"""Shared test support: paths, building a site in a subprocess, reading built pages."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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


def run_pelican(content: Path, settings: Path, output: Path, cwd: Path = ROOT, columns: int = 200,
                extra_settings: dict | None = None) -> Build:
    """Build like `make build` does: `python -m site_build build` in a separate process;
    `extra_settings` are passed as `--set KEY=JSON`, as `make audit-release` passes the record."""
    extra = [arg for key, value in (extra_settings or {}).items() for arg in ("--set", f"{key}={json.dumps(value)}")]
    result = subprocess.run(
        [sys.executable, "-m", "site_build", "build", "--settings", str(settings), "--content", str(content),
         "--output", str(output), *extra],
        cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(ROOT / "plugins")},
    )
    return Build(output, result.returncode, result.stdout, result.stderr)


def copy_fixture_site(destination: Path) -> Path:
    """A writable copy of the fixture site, for tests that plant mistakes in it."""
    shutil.copytree(FIXTURE_SITE, destination)
    return destination


def fixture_settings(site: Path, **overrides) -> Path:
    """A settings file beside a fixture copy: the fixture's settings, its own content, overrides."""
    settings = site / "overrideconf.py"
    lines = [f"import sys; sys.path[:0] = [{str(ROOT)!r}, {str(site)!r}]", "from fixtureconf import *",
             f"PATH = {str(site / 'content')!r}", f"OFFICE_DATA_FILE = {str(site / 'content/office.toml')!r}"]
    lines += [f"{key} = {value!r}" for key, value in overrides.items()]
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return settings


def build_fixture_copy(site: Path, output: Path, columns: int = 200, **overrides) -> Build:
    """Build a fixture copy (from inside it, so paths show as `content/…`), with overrides."""
    return run_pelican(site / "content", fixture_settings(site, **overrides), output, cwd=site, columns=columns)


def page_language(output: Path, page: Path) -> str:
    """The language a page must be in, from the folder it is in."""
    first = page.relative_to(output).parts[0]
    return next((lang for lang, prefix in LANG_PREFIXES.items() if first == prefix), "zh-tw")


def parse(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")


def plant_paragraph(path: Path, text: str) -> int:
    """Append `text` as a paragraph at the end of a Markdown file; the line it starts on."""
    source = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(source + text + "\n", encoding="utf-8")
    return source.count("\n") + 1


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problem_lines(build: Build) -> list[str]:
    """The one-line problems of a build that failed as a content mistake should (exit 2, no traceback)."""
    assert build.returncode == 2, build.log
    assert "Traceback" not in build.log, build.log
    return [line for line in build.stdout.splitlines() if " Fix: " in line]


@contextlib.contextmanager
def policy_server(folder: Path, policy: str, requests: list[str] | None = None):
    """Serve a built site on 127.0.0.1 with `policy` as its Content-Security-Policy header on
    every response; yields (base URL, the list of (path, bytes) of every file sent). Every
    request line received ("GET /forms/x/?a=b HTTP/1.1"), answered or not, is appended to
    `requests` when given."""
    sent: list[tuple[str, int]] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def copyfile(self, source, destination):
            data = source.read()
            sent.append((urlsplit(self.path).path, len(data)))
            destination.write(data)

        def log_request(self, code="-", size="-"):
            if requests is not None:
                requests.append(self.requestline)

        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", sent
    finally:
        server.shutdown()
        server.server_close()
