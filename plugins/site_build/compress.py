"""Precompressed copies for the web server: `page.html.gz` beside `page.html`, so that nginx's
`gzip_static` sends the smaller file without compressing on every request.

Reproducible: the gzip header holds no file name and a zero time, so the same file always
gives the same bytes. Run while the search index is being built (build.py): the index's folder is compressed
after it is written. Files are compressed on every core (zlib works outside Python's lock)."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Text formats worth compressing (PDF, ODT, PNG and Pagefind's files are compressed already).
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".xml", ".json", ".csv", ".svg", ".txt",
                                 ".webmanifest"})
MIN_SIZE = 256  # bytes: smaller files gain nothing (the gzip header alone is 20)


def compressed(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def compress_file(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(compressed(path.read_bytes()))


def write_precompressed(folder: Path, skip: Callable[[Path], bool] = lambda path: False) -> int:
    """Write `<file>.gz` beside every text file under `folder` for which `skip` is false;
    returns how many."""
    paths = [path for path in sorted(folder.rglob("*"))
             if path.suffix.lower() in COMPRESSED_SUFFIXES and not skip(path) and path.is_file()
             and path.stat().st_size >= MIN_SIZE]
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        list(pool.map(compress_file, paths))
    return len(paths)
