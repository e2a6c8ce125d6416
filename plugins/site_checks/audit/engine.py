"""Run axe-core in headless Chromium over a list of page URLs, with parallel reused browsers."""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Callable
from pathlib import Path

from axe_selenium_python import Axe

from ..browser import chromium

AXE_VERSION = re.compile(rb"axe v(\d+\.\d+\.\d+)")
HTML_EXTRACT_LIMIT = 300


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
            {"target": " ".join(map(str, node["target"])),
             "html": node.get("html", "")[:HTML_EXTRACT_LIMIT],
             "failureSummary": node.get("failureSummary", "")}
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
    return {"engine": result["testEngine"]["version"],
            "violations": [slim_violation(v) for v in result["violations"]]}


def _worker(jobs: queue.Queue, results: dict, lock: threading.Lock, axe_source: str, axe_path: Path,
            options: tuple[str, str], done: Callable[[str], None], browser_info: dict) -> None:
    try:
        _audit_queue(jobs, results, lock, axe_source, axe_path, options, done, browser_info)
    except Exception as error:  # e.g. Chromium failed to start: reported by audit_pages
        with lock:
            browser_info.setdefault("errors", []).append(f"{type(error).__name__}: {error}")


def _audit_queue(jobs, results, lock, axe_source, axe_path, options, done, browser_info) -> None:
    with chromium(preload_script=axe_source) as driver:
        with lock:
            browser_info.setdefault("chromium", driver.capabilities.get("browserVersion", ""))
        axe = Axe(driver, script_url=str(axe_path))
        while True:
            try:
                name, url = jobs.get_nowait()
            except queue.Empty:
                return
            try:
                outcome = audit_one(driver, axe, url, options)
            except Exception as error:  # one broken page must not hide the others
                outcome = {"engine": "", "error": f"{type(error).__name__}: {error}", "violations": []}
            with lock:
                results[name] = outcome
            done(name)


def audit_pages(pages: dict[str, str], axe_path: Path, options: tuple[str, str], workers: int,
                done: Callable[[str], None]) -> tuple[dict[str, dict], dict]:
    """Audit {page name: url} with `workers` browsers, `options` being (fast, full) axe options;
    returns (results by page, browser info)."""
    jobs: queue.Queue = queue.Queue()
    for item in pages.items():
        jobs.put(item)
    results: dict[str, dict] = {}
    browser_info: dict = {}
    lock = threading.Lock()
    axe_source = axe_path.read_text(encoding="utf-8")
    threads = [
        threading.Thread(target=_worker, args=(jobs, results, lock, axe_source, axe_path, options, done,
                                               browser_info))
        for _ in range(max(1, min(workers, len(pages))))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    missing = set(pages) - set(results)
    if missing:
        causes = "; ".join(browser_info.get("errors", [])) or "unknown cause"
        raise RuntimeError(f"{len(missing)} page(s) were not audited, e.g. {sorted(missing)[0]}: {causes}")
    return results, browser_info
