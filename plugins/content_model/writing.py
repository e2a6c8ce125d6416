"""Write every page with its template; a large site is written by forked processes side by side
(one per core), each writing its own share of the pages. A template error in any process is
raised here, with the template's file and line, as if it had happened in this one."""

from __future__ import annotations

import multiprocessing
import os
import traceback

PARALLEL_FROM = 300  # pages; below this, one process writes faster than several start


def template_place(error: BaseException) -> None:
    """Remember on the exception where in a template it happened (file and line), from its
    traceback, which does not survive being sent between processes."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            error.template_file, error.template_line = frame.filename, frame.lineno
            return


def write_share(write, items: list) -> None:
    for item in items:
        write(item)


def _child(write, items: list, results) -> None:
    try:
        write_share(write, items)
        results.put(None)
    except BaseException as error:
        template_place(error)
        try:
            results.put(error)
        except Exception:
            results.put(RuntimeError("".join(traceback.format_exception(error))))


def first_of_each(items: list, kind) -> list:
    """The first item of each kind (e.g. each template), in order."""
    seen: dict = {}
    for item in items:
        seen.setdefault(kind(item), item)
    return list(seen.values())


def write_all(write, items: list, kind=lambda item: None) -> None:
    """Call `write(item)` for every item, on every core when there are many. Before the
    processes part, the first item of each `kind` is written here, so that its templates are
    compiled once and inherited, not compiled again in every process."""
    workers = min(os.cpu_count() or 1, max(1, len(items) // (PARALLEL_FROM // 2)))
    if workers <= 1 or len(items) < PARALLEL_FROM:
        write_share(write, items)
        return
    warm = first_of_each(items, kind)
    write_share(write, warm)
    warmed = {id(item) for item in warm}
    items = [item for item in items if id(item) not in warmed]
    context = multiprocessing.get_context("fork")
    results = context.SimpleQueue()
    children = [context.Process(target=_child, args=(write, items[n::workers], results)) for n in range(1, workers)]
    for child in children:
        child.start()
    try:
        write_share(write, items[0::workers])
    finally:
        errors = [results.get() for _ in children]
        for child in children:
            child.join()
    failed = [error for error in errors if error is not None]
    if failed:
        raise failed[0]
    if any(child.exitcode for child in children):
        raise RuntimeError(f"a page-writing process ended with exit code {[c.exitcode for c in children]}")
