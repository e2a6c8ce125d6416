"""Run axe-core in headless Chromium over a list of page URLs, with parallel reused browsers.

A page comes back with a result only when it was really audited: its violations, or the error
its own audit raised while the browser lived. A browser that dies is started again for the pages
still waiting; the page it died on, and the pages no browser reached, come back with no result,
only the cause (`lost`): the caller compares the pages it asked for with the results it got.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from axe_selenium_python import Axe

from ..browser import CHROMIUM, chromium

AXE_VERSION = re.compile(rb"axe v(\d+\.\d+\.\d+)")
HTML_EXTRACT_LIMIT = 300
RESTARTS = 2  # per browser: how often a crashed Chromium is started again
SCRIPT_TIMEOUT_SECONDS = 60


def axe_version(script: Path) -> str:
    """The axe-core version from the script's banner (`/*! axe v4.14.1 …`)."""
    match = AXE_VERSION.search(script.read_bytes()[:200])
    if not match:
        raise ValueError(f"{script}: not an axe-core build (no version banner).")
    return match.group(1).decode()


def slim_violation(violation: dict) -> dict:
    """The parts of an axe violation a person needs: rule, help, and each failing element."""
    return {
        "id": violation["id"],
        "impact": violation.get("impact") or "",
        "help": violation["help"],
        "helpUrl": violation["helpUrl"],
        "nodes": [
            {
                "target": " ".join(map(str, node["target"])),
                "html": node.get("html", "")[:HTML_EXTRACT_LIMIT],
                "failureSummary": node.get("failureSummary", ""),
            }
            for node in violation["nodes"]
        ],
    }


def audit_one(driver, axe: Axe, url: str, options: tuple[str, str]) -> dict:
    """Load one page and return the engine version and the violations.

    `options` is (fast, full): the fast run has no element selectors; only a page with
    violations is run again with them, so that every failure names its element."""
    fast, full = options
    driver.get(url)
    result = axe.run(options=fast)
    if result["violations"]:
        result = axe.run(options=full)
    return {
        "engine": result["testEngine"]["version"],
        "error": "",
        "violations": [slim_violation(v) for v in result["violations"]],
    }


@dataclass
class AxeRun:
    """The shared state of one run's browser threads (guarded by `lock`)."""

    jobs: queue.Queue
    axe_source: str
    axe_path: Path
    options: tuple[str, str]
    done: Callable[[str], None]
    binary: str
    results: dict[str, dict] = field(default_factory=dict)
    chromium: str = ""
    errors: list[str] = field(default_factory=list)
    lost: dict[str, str] = field(default_factory=dict)  # page: why it has no result
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, name: str, outcome: dict) -> None:
        with self.lock:
            self.results[name] = outcome
        self.done(name)

    def lose(self, name: str, cause: str) -> None:
        with self.lock:
            self.lost[name] = cause
        self.done(name)


def _alive(driver) -> bool:
    try:
        driver.execute_script("return 1")
        return True
    except Exception:  # the session or the browser is gone
        return False


def _audit_queue(run: AxeRun) -> bool:
    """Audit pages from the queue in one browser; False if the browser died before it was empty
    (the page it was on is lost: a dead browser says nothing about the page)."""
    with chromium(preload_script=run.axe_source, binary=run.binary) as driver:
        driver.set_script_timeout(SCRIPT_TIMEOUT_SECONDS)
        with run.lock:
            run.chromium = run.chromium or driver.capabilities.get("browserVersion", "")
        axe = Axe(driver, script_url=str(run.axe_path))
        while True:
            try:
                name, url = run.jobs.get_nowait()
            except queue.Empty:
                return True
            try:
                outcome = audit_one(driver, axe, url, run.options)
            except Exception as error:  # one broken page must not hide the others
                if not _alive(driver):  # one line per kind of death, not one per session
                    run.lose(name, f"Chromium stopped during the page's audit ({type(error).__name__})")
                    return False
                outcome = {"engine": "", "error": f"{type(error).__name__}: {_first_line(error)}", "violations": []}
            run.record(name, outcome)


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""


def _worker(run: AxeRun) -> None:
    for _ in range(RESTARTS + 1):
        try:
            if _audit_queue(run):
                return
        except Exception as error:  # e.g. Chromium failed to start: the pages left have no result
            with run.lock:
                run.errors.append(f"{type(error).__name__}: {_first_line(error)}")
            return
    with run.lock:
        run.errors.append(f"Chromium stopped {RESTARTS + 1} times, so it was not started again")


def audit_pages(
    pages: dict[str, str],
    axe_path: Path,
    options: tuple[str, str],
    workers: int,
    done: Callable[[str], None],
    binary: str = CHROMIUM,
) -> tuple[dict[str, dict], dict]:
    """Audit {page name: url} with `workers` browsers, `options` being (fast, full) axe options.

    Returns ({page: result} of the pages audited, browser info: the Chromium version, the
    browsers' errors, and `lost`, {page: cause} of the pages a browser died on). A page missing
    from the results has no result: the caller fails the run for it."""
    jobs: queue.Queue = queue.Queue()
    for item in pages.items():
        jobs.put(item)
    run = AxeRun(jobs, axe_path.read_text(encoding="utf-8"), axe_path, options, done, binary)
    threads = [
        threading.Thread(target=_worker, args=(run,))
        for _ in range(max(1, min(workers, len(pages))))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return run.results, {
        "chromium": run.chromium,
        "errors": list(dict.fromkeys(run.errors)),
        "lost": dict(run.lost),
    }
