"""Progress while auditing: a bar on a terminal, plain lines in CI logs."""

from __future__ import annotations

import contextlib
import sys
import threading

from tqdm import tqdm

PLAIN_EVERY = 25


@contextlib.contextmanager
def progress_reporter(total: int, stream=None):
    """Yields a `done(page)` callback; safe to call from several browser threads."""
    stream = stream or sys.stderr
    if stream.isatty():
        with tqdm(total=total, unit="page", file=stream, desc="audit") as bar:
            lock = threading.Lock()

            def tick(_page: str) -> None:
                with lock:
                    bar.update(1)

            yield tick
        return
    count = 0
    lock = threading.Lock()

    def line(page: str) -> None:
        nonlocal count
        with lock:
            count += 1
            if count % PLAIN_EVERY == 0 or count == total:
                print(f"audit: {count}/{total} pages ({page})", file=stream, flush=True)

    yield line
