"""The site search index: Pagefind, with its extended binary, run on the freshly built folder
before it replaces the output (docs/search.md). A search index that cannot be built is a failed
build: each cause is one Problem, never a silent fallback.

The build hands this step the search manifest (site_search.search_manifest, made from the
run's SiteIndex): the custom records of the form downloads and, per language, how many pages
and records the index must hold. This step indexes every page with `data-pagefind-body`, adds
the records, checks the counts, and removes the Pagefind UI bundles the site does not use.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from problems import Problem, ProblemsFound

SCRIPT = Path(__file__).with_name("pagefind_index.mjs")
FOLDER = "pagefind"  # below the site root: /pagefind/pagefind.js
STAGE = "search"
PINS = "package.json"  # where pagefind is pinned (with package-lock.json)
TIMEOUT_SECONDS = 300
# Pagefind's ready-made UIs (the search page has its own markup) and its worker (search.js runs
# the search in the page): theme/static/js/search.js.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js",
          "pagefind-worker.js")


@dataclass(frozen=True)
class SearchIndexReport:
    """What one index step made: per index language its pages, records and bytes."""

    languages: dict[str, dict]
    shared_bytes: int  # pagefind.js, the worker, the entry file: fetched whatever the language
    seconds: float

    def line(self) -> str:
        parts = [f"{name} {n['pages']} pages + {n['records']} downloads, {n['bytes'] / 1024:.0f} KB"
                 for name, n in self.languages.items()]
        return (f"search: {'; '.join(parts)}; shared {self.shared_bytes / 1024:.0f} KB; "
                f"in {self.seconds:.1f} s")


def tool_problem(rule: str, message: str, fix: str) -> ProblemsFound:
    return ProblemsFound([Problem(PINS, None, STAGE, rule, message, fix)])


def run_pagefind(site: Path, node_modules: Path, records: list[dict]) -> dict:
    """Run pagefind_index.mjs on the folder; its report, or ProblemsFound naming the cause."""
    node = shutil.which("node")
    if node is None:
        raise tool_problem("node-missing", "Node.js is not installed: the index is built with Pagefind's Node API",
                           "run `make build` (it installs the Debian packages nodejs and npm)")
    job = {"nodeModules": str(node_modules.resolve()), "site": str(site.resolve()),
           "output": str((site / FOLDER).resolve()), "records": records}
    result = subprocess.run([node, str(SCRIPT)], input=json.dumps(job), capture_output=True, text=True,
                            timeout=TIMEOUT_SECONDS)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise tool_problem("pagefind-crashed", f"the index step stopped (exit {result.returncode}): "
                           f"{(result.stderr or result.stdout)[-400:]}",
                           "run `npm ci --ignore-scripts`, then build again") from None
    if "problem" in report:
        raise tool_problem(**report["problem"])
    if report["errors"]:
        raise ProblemsFound([Problem(PINS, None, STAGE, "pagefind", error, "correct what Pagefind names")
                             for error in report["errors"]])
    return report


def check_counts(entry: dict, expected: dict) -> list[Problem]:
    """Each language's index holds exactly the pages SiteIndex.searched allows plus its records.
    More means pages without `data-pagefind-body` were indexed whole (404, placeholders)."""
    found = {name: spec["page_count"] for name, spec in entry["languages"].items()}
    want = {name: n["pages"] + n["records"] for name, n in expected.items()}
    if found == want:
        return []
    return [Problem("theme/templates/base.html", None, STAGE, "index-count",
                    f"the search index holds {found} pages and records, the build declared {want}",
                    "only pages that SiteIndex.searched allows may have data-pagefind-body on <main>, and "
                    "every one of them must")]


def sizes(folder: Path, entry: dict) -> tuple[dict[str, int], int]:
    """Bytes of each language's index (meta, index chunks, fragments, its WASM) and the rest."""
    per_language = {}
    counted: set[Path] = set()
    for name, spec in entry["languages"].items():
        files = [folder / f"pagefind.{spec['hash']}.pf_meta", folder / f"wasm.{spec['wasm'] or 'unknown'}.pagefind",
                 *folder.glob(f"index/{name}_*"), *folder.glob(f"fragment/{name}_*")]
        per_language[name] = sum(path.stat().st_size for path in files if path.is_file())
        counted.update(files)
    shared = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and path not in counted)
    return per_language, shared


def build_search_index(site: Path, node_modules: Path, manifest: dict) -> SearchIndexReport:
    """Index the built folder `site` into site/pagefind/ with the manifest's records, and check
    its counts; raises ProblemsFound on any failure."""
    started = time.monotonic()
    run_pagefind(site, node_modules, manifest["records"])
    folder = site / FOLDER
    for pattern in UNUSED:
        for path in folder.glob(pattern):
            path.unlink()
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    problems = check_counts(entry, manifest["languages"])
    if problems:
        raise ProblemsFound(problems)
    per_language, shared = sizes(folder, entry)
    languages = {name: {**counts, "bytes": per_language[name]} for name, counts in manifest["languages"].items()}
    return SearchIndexReport(languages, shared, time.monotonic() - started)
