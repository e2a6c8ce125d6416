"""Precompressed copies for the web server: `page.html.gz` beside `page.html`, so that nginx's
`gzip_static` sends the smaller file without compressing on every request.

Reproducible: the gzip header holds no file name and a zero time, so the same file always
gives the same bytes. The last step of a build (after every file is written)."""

from __future__ import annotations

import gzip
from pathlib import Path

# Text formats worth compressing (PDF, ODT, PNG and Pagefind's files are compressed already).
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".xml", ".json", ".csv", ".svg", ".txt",
                                 ".webmanifest"})
MIN_SIZE = 256  # bytes: smaller files gain nothing (the gzip header alone is 20)


def compressed(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def write_precompressed(folder: Path) -> int:
    """Write `<file>.gz` beside every text file of a built site; returns how many."""
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in COMPRESSED_SUFFIXES and path.is_file() and path.stat().st_size >= MIN_SIZE:
            path.with_name(path.name + ".gz").write_bytes(compressed(path.read_bytes()))
            count += 1
    return count
