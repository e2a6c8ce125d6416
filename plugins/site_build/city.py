"""`python -m site_build build-all`: a city's offices built together, each in its own process (one
office's mistake, or even a crash, never stops the others), all sharing one forms cache (a form
file that does not name the office is made once for the whole city), one content cache (a
national page rendered and checked once is taken from it by the next office: the cache is keyed
by the file's path and bytes and everything else that shapes it, content_model/prepare.py, so an
office that overrides facts or glossary gets its own) and one cache of compiled templates.

How: the first office is built alone until it has filled the national caches (its forms made
and its content prepared; if it fails before, the next one is, until one has); then the others
side by side, as many at a time as there are CPUs (`--workers`). Each office's process is a
fork of this one, which has already imported Pelican and the plugins: an office costs its own
pages, not a Python start. Its output is exactly what `python -m site_build build` writes for
that office.

The sites: every folder under `--sites` (default `sites/`) that has a pelicanconf.py, or the
folders listed in `--list FILE` (one a line; `#` starts a comment). Each is built into its own
`output/`. One line per site, in the sites' order: `city: <site> ok: <n> HTML pages in <s> s …`
or `city: <site> FAILED: …` after that site's own problem lines; a last line sums up. Exit
status 1 if any failed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from problems import Problem, ProblemsFound
from sources.paths import display_path
from sources.settings_arg import as_arguments

from .build import build

STAGE = "build-all"
SETTINGS_FILE = "pelicanconf.py"
PAGES_LINE = re.compile(r"build: (\d+) HTML pages written")
PROBLEM_LINE = re.compile(r"\S+(:\d+)?: [\w-]+ \[[\w-]+\]: ")  # path[:line]: stage [rule]: …
CONTENT_LINE = re.compile(r"content: (\d+) files, (\d+) rendered and checked")
FORMS_LINE = re.compile(r"forms: (\d+) files, (\d+) regenerated")
FILLED_MARK = b"\nforms: "  # the build's forms line (form_items.py): the shared caches are filled
POLL_SECONDS = 0.05
CRASHED = 70  # the exit status of an office's process that raised instead of reporting problems


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
    # The largest RSS of the office's process or one it waited for (Pagefind, a forms worker), from
    # wait4; it counts the pages shared with this process (the imported Pelican) in full.
    peak_rss_mb: float = 0.0

    def line(self) -> str:
        shown = display_path(self.site)
        if self.ok:
            return (f"city: {shown} ok: {self.pages} HTML pages in {self.seconds:.1f} s, "
                    f"{self.forms_made} form files made, {self.rendered} of {self.content_files} content files "
                    f"rendered, peak {self.peak_rss_mb:.0f} MB")
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


def city_settings(caches: Path, extra: dict) -> dict:
    """The settings every office's build gets on top of its own: the shared caches."""
    caches = caches.resolve()
    return {"FORMS_CACHE_DIR": str(caches / "forms"), "CONTENT_MODEL_CACHE_DIR": str(caches / "content"),
            "JINJA_BYTECODE_CACHE_DIR": str(caches / "templates"), **extra}


def build_in_child(site: Path, settings: dict) -> int:
    """In the office's own (forked) process: its build, as `python -m site_build build` runs it."""
    try:
        return build(site / SETTINGS_FILE, site / "content", site / "output", settings)
    except BaseException:  # a crash is this office's failure, printed for it
        traceback.print_exc()
        return CRASHED


@dataclass
class Running:
    site: Path
    log: object  # the temporary file the process writes its output to
    started: float


def start(site: Path, settings: dict) -> tuple[int, Running]:
    """Fork a process that builds `site` with its output going to a temporary file."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 — closed by finished(), after the process ends
    sys.stdout.flush()
    sys.stderr.flush()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the office's process: never returns
        code = CRASHED
        try:
            os.dup2(log.fileno(), 1)
            os.dup2(log.fileno(), 2)
            code = build_in_child(site, settings)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    return pid, Running(site, log, started)


def finished(running: Running, status: int, rusage) -> SiteResult:
    seconds = time.perf_counter() - running.started
    running.log.seek(0)
    output = running.log.read().decode("utf-8", "replace")
    running.log.close()
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        output += f"\nbuild: the build's process was stopped by signal {-code}\n"
    pages, forms, content = (pattern.search(output) for pattern in (PAGES_LINE, FORMS_LINE, CONTENT_LINE))
    return SiteResult(running.site, code == 0, seconds, int(pages.group(1)) if pages else 0,
                      int(forms.group(2)) if forms else 0, int(content.group(2)) if content else 0,
                      int(content.group(1)) if content else 0, output, rusage.ru_maxrss / 1024)


def caches_filled(job: Running) -> bool:
    """Whether the office's build has passed the point where the shared caches hold the national
    forms and pages: its forms line, printed once the form files are made and the content
    prepared (read with pread, which leaves the file's offset, shared with the writer, alone)."""
    fd = job.log.fileno()
    return FILLED_MARK in os.pread(fd, os.fstat(fd).st_size, 0)


def run_builds(sites: list[Path], settings: dict, workers: int, report: Callable[[int, SiteResult], None]) -> None:
    """Build every site, one at a time until one has filled the national caches (it has made its
    forms, or it is built), then up to `workers` at a time; `report(index, result)` as each ends."""
    running: dict[int, tuple[int, Running]] = {}
    waiting = list(enumerate(sites))
    filled = False
    while waiting or running:
        limit = workers if filled else 1
        while waiting and len(running) < limit:
            index, site = waiting.pop(0)
            pid, job = start(site, settings)
            running[pid] = (index, job)
        pid, status, rusage = os.wait4(-1, 0 if filled else os.WNOHANG)
        if pid == 0:  # the lone first office is still building: are the caches filled yet?
            filled = any(caches_filled(job) for _, job in running.values())
            time.sleep(0 if filled else POLL_SECONDS)
            continue
        if pid not in running:
            continue
        index, job = running.pop(pid)
        result = finished(job, status, rusage)
        filled = filled or result.ok
        report(index, result)


def problem_lines(output: str) -> list[str]:
    """The build's own one-line problems and its failure line (not its progress lines)."""
    return [line for line in output.splitlines() if PROBLEM_LINE.match(line) or line.startswith("build: ")]


def cpu_count() -> int:
    counted = os.process_cpu_count() if hasattr(os, "process_cpu_count") else os.cpu_count()
    return counted or 1


def build_all(sites: list[Path], caches: Path, extra: dict | None = None, workers: int | None = None,
              stream=None) -> list[SiteResult]:
    """Build the sites; print one line per site in the sites' order as soon as it and every site
    before it are done (a failed site's problem lines first)."""
    stream = stream or sys.stdout
    results: dict[int, SiteResult] = {}

    def report(index: int, result: SiteResult) -> None:
        results[index] = result
        while len(printed) in results:
            done = results[len(printed)]
            if not done.ok:
                for line in problem_lines(done.output) or done.output.strip().splitlines()[-5:]:
                    print(line, file=stream)
            print(done.line(), file=stream, flush=True)
            printed.append(done)

    printed: list[SiteResult] = []
    run_builds(sites, city_settings(caches, extra or {}), workers or cpu_count(), report)
    return printed


def audit_all(results: list[SiteResult], settings: dict, only: str = "*", stream=None) -> dict[str, dict]:
    """The gate of a site's `make test` on every site built (`python -m site_checks gate`, in a
    process of its own: one Nu run, one set of browsers for the whole city, each site judged on
    its own); its lines are passed on. Returns {site: {"ok", "pages", "audited", "problems"}};
    a site without a verdict (the gate itself crashed) is a failed one."""
    stream = stream or sys.stdout
    built = [result.site for result in results if result.ok]
    if not built:
        return {}
    node_modules = Path(settings.get("SEARCH_NODE_MODULES", "node_modules"))
    with tempfile.TemporaryDirectory(prefix="city-gate-") as folder:
        verdicts_file = Path(folder) / "gate.json"
        command = [sys.executable, "-m", "site_checks", "gate", "--results", str(verdicts_file), "--only", only,
                   "--jar", str(node_modules / "vnu-jar/build/dist/vnu.jar"),
                   "--axe", str(node_modules / "axe-core/axe.min.js"),
                   *as_arguments(settings),
                   *(arg for site in built for arg in ("--site", display_path(site)))]
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
        print(done.stdout, end="", file=stream, flush=True)
        verdicts = json.loads(verdicts_file.read_text(encoding="utf-8")) if verdicts_file.is_file() else {}
    for site in built:
        if display_path(site) not in verdicts:
            print(f"gate: {display_path(site)} FAILED: the gate stopped (exit {done.returncode}) before judging it",
                  file=stream, flush=True)
            verdicts[display_path(site)] = {"ok": False, "pages": 0, "audited": 0, "problems": 1}
    return verdicts


def summary(results: list[SiteResult], seconds: float, verdicts: dict[str, dict] | None = None) -> str:
    failed = [display_path(result.site) for result in results if not result.ok]
    audit = ""
    if verdicts is not None:
        refused = [site for site, verdict in verdicts.items() if not verdict["ok"]]
        audit = (f"; audited {len(verdicts)}: {len(verdicts) - len(refused)} passed, {len(refused)} failed"
                 f"{' (' + ', '.join(refused) + ')' if refused else ''}, "
                 f"{sum(v['audited'] for v in verdicts.values())} pages audited")
    return (f"city: {len(results)} site(s), {len(results) - len(failed)} built, {len(failed)} failed"
            f"{' (' + ', '.join(failed) + ')' if failed else ''}{audit}; "
            f"{sum(r.pages for r in results)} HTML pages, {sum(r.forms_made for r in results)} form files made, "
            f"in {seconds:.1f} s")
