"""`python -m site_build build-all`: a city's offices built together, one after the other, each
in its own process (one office's mistake, or even a crash, never stops the others), all sharing
one forms cache (a form file that does not name the office is made once for the whole city) and
one content cache (a national page rendered and checked once is taken from it by the next
office: the cache is keyed by the file's path and bytes and everything else that shapes it,
content_model/prepare.py, so an office that overrides facts or glossary gets its own).

The sites: every folder under `--sites` (default `sites/`) that has a pelicanconf.py, or the
folders listed in `--list FILE` (one a line; `#` starts a comment). Each is built into its own
`output/`. One line per site: `city: <site> ok: <n> HTML pages in <s> s` or `city: <site>
FAILED: …` after that site's own problem lines; a last line sums up. Exit status 1 if any failed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from problems import Problem, ProblemsFound
from sources.paths import display_path

STAGE = "build-all"
SETTINGS_FILE = "pelicanconf.py"
PAGES_LINE = re.compile(r"build: (\d+) HTML pages written")
PROBLEM_LINE = re.compile(r"\S+(:\d+)?: [\w-]+ \[[\w-]+\]: ")  # path[:line]: stage [rule]: …
CONTENT_LINE = re.compile(r"content: (\d+) files, (\d+) rendered and checked")
FORMS_LINE = re.compile(r"forms: (\d+) files, (\d+) regenerated")


@dataclass(frozen=True)
class SiteResult:
    site: Path
    ok: bool
    seconds: float
    pages: int  # HTML pages written (0 if it failed)
    forms_made: int  # form files generated anew (not from the shared cache)
    rendered: int  # content files rendered and checked anew (not from the shared cache)
    content_files: int
    output: str  # what the build printed

    def line(self) -> str:
        shown = display_path(self.site)
        if self.ok:
            return (f"city: {shown} ok: {self.pages} HTML pages in {self.seconds:.1f} s, "
                            f"{self.forms_made} form files made, {self.rendered} of {self.content_files} content files "
                    "rendered")
        return f"city: {shown} FAILED in {self.seconds:.1f} s (its lines above say why); the other sites go on"


def listed_sites(list_file: Path) -> list[Path]:
    """The folders a list file names, relative to the list file's folder."""
    if not list_file.is_file():
        raise ProblemsFound([Problem(display_path(list_file), None, STAGE, "no-list", "there is no such file",
                                     "name a file that lists one site folder a line")])
    names = [line.split("#", 1)[0].strip() for line in list_file.read_text(encoding="utf-8").splitlines()]
    return [list_file.parent / name for name in names if name]


def found_sites(sites: Path) -> list[Path]:
    return sorted(folder for folder in sites.iterdir() if (folder / SETTINGS_FILE).is_file()) if sites.is_dir() else []


def site_problems(sites: list[Path], where: Path) -> list[Problem]:
    problems = [Problem(display_path(site), None, STAGE, "not-a-site", f"there is no {SETTINGS_FILE} here",
                        "make the site with `python -m site_build new-site`, or take it off the list")
                for site in sites if not (site / SETTINGS_FILE).is_file()]
    if not sites:
        problems.append(Problem(display_path(where), None, STAGE, "no-sites", "there is no site to build",
                                f"put each office's site (a folder with {SETTINGS_FILE}) in it"))
    return problems


def build_site(site: Path, caches: Path, extra: list[str]) -> SiteResult:
    """One office's build in its own process, with the shared caches (forms/, content/ in `caches`)."""
    plugins = Path(__file__).resolve().parents[1]
    command = [sys.executable, "-m", "site_build", "build", "--settings", str(site / SETTINGS_FILE),
               "--content", str(site / "content"), "--output", str(site / "output"),
               "--set", f"FORMS_CACHE_DIR={json.dumps(str((caches / 'forms').resolve()))}",
               "--set", f"CONTENT_MODEL_CACHE_DIR={json.dumps(str((caches / 'content').resolve()))}", *extra]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [
                              str(plugins), os.environ.get("PYTHONPATH", "")]))})
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    pages = PAGES_LINE.search(output)
    forms = FORMS_LINE.search(output)
    content = CONTENT_LINE.search(output)
    return SiteResult(site, done.returncode == 0, seconds, int(pages.group(1)) if pages else 0,
                      int(forms.group(2)) if forms else 0, int(content.group(2)) if content else 0,
                      int(content.group(1)) if content else 0, output)


def problem_lines(output: str) -> list[str]:
    """The build's own one-line problems and its failure line (not its progress lines)."""
    return [line for line in output.splitlines() if PROBLEM_LINE.match(line) or line.startswith("build: ")]


def build_all(sites: list[Path], caches: Path, extra: list[str] | None = None) -> list[SiteResult]:
    results = []
    for site in sites:
        result = build_site(site, caches, extra or [])
        if not result.ok:
            for line in problem_lines(result.output) or result.output.strip().splitlines()[-5:]:
                print(line, flush=True)
        print(result.line(), flush=True)
        results.append(result)
    return results


def summary(results: list[SiteResult], seconds: float) -> str:
    failed = [display_path(result.site) for result in results if not result.ok]
    return (f"city: {len(results)} site(s), {len(results) - len(failed)} built, {len(failed)} failed"
            f"{' (' + ', '.join(failed) + ')' if failed else ''}; "
            f"{sum(r.pages for r in results)} HTML pages, {sum(r.forms_made for r in results)} form files made, "
            f"in {seconds:.1f} s")
