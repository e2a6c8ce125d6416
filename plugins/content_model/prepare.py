"""Render and lint every Markdown item: only what changed since the last build, and that on all
the machine's cores.

A file's result (its rendered header values, its rendered body, its lint problems) is kept in
a cache keyed by the file's bytes and everything else that shapes it: the code that renders
and checks, the settings it reads, the catalogs, the glossary and the files in content/files.
Change any of those and every file is done again; change one page and only that page is.

Setting: CONTENT_MODEL_CACHE_DIR (default `.cache/content`; an empty string turns the cache off).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from content_lint import LintTarget
from problems import Problem
from sources.digest import content_key

from .inventory import Entry

# The packages whose code shapes a prepared item (a change to any of them empties the cache).
CODE = ("content_model", "content_lint", "sources", "stacked_tables", "template_env")
PARALLEL_FROM = 64  # fewer files than this are done in this process: a pool costs more than it saves


@dataclass(frozen=True)
class Prepared:
    """One Markdown file, rendered and checked."""

    fields: dict
    content: Markup
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Preparer:
    """What preparing needs; made once per build, inherited by the worker processes."""

    make_fields: Callable[[Entry], dict]  # rendered header values
    render_body: Callable[[Entry], Markup]
    lint: Callable[[list[LintTarget]], list[Problem]]
    target: Callable[[Entry, dict, Markup], LintTarget]

    def __call__(self, entry: Entry) -> Prepared:
        fields, content = self.make_fields(entry), self.render_body(entry)
        return Prepared(fields, content, tuple(self.lint([self.target(entry, fields, content)])))


def code_fingerprint(plugins: Path) -> list[bytes]:
    """The source of every module whose code shapes a prepared item."""
    return [path.read_bytes() for package in CODE for path in sorted((plugins / package).rglob("*.py"))]


def files_fingerprint(files_root: Path) -> list[str]:
    """Names, sizes and times of the images and downloads (labels and image checks read them)."""
    if not files_root.is_dir():
        return []
    return [f"{p.relative_to(files_root)}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
            for p in sorted(files_root.rglob("*")) if p.is_file()]


def entry_key(entry: Entry) -> str:
    return content_key(entry.source.text, entry.kind.name, entry.folder)


class PreparedCache:
    """{path: (key, Prepared)} in one file per build fingerprint; read once, written once."""

    def __init__(self, folder: str, build: str):
        self.path = Path(folder) / f"items-{build[:16]}.pickle" if folder else None
        self.entries: dict = {}
        if self.path and self.path.is_file():
            try:
                self.entries = pickle.loads(self.path.read_bytes())
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                self.entries = {}

    def get(self, path: str, key: str) -> Prepared | None:
        found = self.entries.get(path)
        return found[1] if found and found[0] == key else None

    def save(self, entries: dict) -> None:
        """Keep exactly this build's results; older caches of other fingerprints are removed."""
        if not self.path:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for old in self.path.parent.glob("items-*.pickle"):
            if old != self.path:
                old.unlink(missing_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.path)


# Set only inside a worker process, by its initializer: the preparer it inherited when forked
# (closures cannot be pickled; a forked process shares them). The main process never sets it.
_worker_preparer: Preparer | None = None


def _start_worker(preparer: Preparer) -> None:
    global _worker_preparer
    _worker_preparer = preparer


def _prepare_in_worker(entries: list[Entry]) -> list[Prepared]:
    return [_worker_preparer(entry) for entry in entries]


def run_all(preparer: Preparer, entries: list[Entry]) -> list[Prepared]:
    """Prepare entries on every core (forked workers), in order."""
    workers = min(os.cpu_count() or 1, max(1, len(entries) // (PARALLEL_FROM // 2)))
    if workers <= 1 or len(entries) < PARALLEL_FROM:
        return [preparer(entry) for entry in entries]
    size = -(-len(entries) // (workers * 4))
    chunks = [entries[n:n + size] for n in range(0, len(entries), size)]
    with multiprocessing.get_context("fork").Pool(workers, _start_worker, (preparer,)) as pool:
        done = pool.map(_prepare_in_worker, chunks)
    return [prepared for chunk in done for prepared in chunk]


def prepare(preparer: Preparer, entries: list[Entry], cache: PreparedCache) -> tuple[list[Prepared], int]:
    """Every entry's Prepared, in order, and how many were done anew (not from the cache)."""
    keys = [entry_key(entry) for entry in entries]
    found = [cache.get(entry.path, key) for entry, key in zip(entries, keys, strict=True)]
    todo = [n for n, prepared in enumerate(found) if prepared is None]
    for n, prepared in zip(todo, run_all(preparer, [entries[n] for n in todo]), strict=True):
        found[n] = prepared
    cache.save({entry.path: (key, prepared) for entry, key, prepared in zip(entries, keys, found, strict=True)})
    return found, len(todo)
