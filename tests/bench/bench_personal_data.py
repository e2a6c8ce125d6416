"""Benchmark of the personal-data guard (prints numbers, asserts nothing).

Run: .venv/bin/python tests/bench/bench_personal_data.py
1. The whole current content/ folder.
2. A synthetic site: the real Markdown pages copied until there are BENCH_PAGES files.
3. One ODT and one PDF attachment (made as the tests make them), per file.
"""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from personal_data import ALLOWLIST_FILE, files_under, load_allowlist, scan_file, scan_tree  # noqa: E402

PAGES = int(os.environ.get("BENCH_PAGES", "2000"))


def timed(label: str, files: list[Path], allowlist) -> None:
    size = sum(path.stat().st_size for path in files)
    started = time.perf_counter()
    problems = [problem for path in files for problem in scan_file(path, allowlist)]
    seconds = time.perf_counter() - started
    print(f"{label}: {len(files)} file(s), {size / 1024:.0f} KiB, {seconds:.3f} s, "
          f"{len(problems)} problem(s)")


def main() -> None:
    allowlist = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date.today())
    timed("content/", files_under(ROOT / "content"), allowlist)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        pages = [p for p in files_under(ROOT / "content") if p.suffix == ".md"]
        for n in range(PAGES):
            shutil.copy(pages[n % len(pages)], work / f"page-{n}.md")
        timed(f"synthetic {PAGES} pages", files_under(work), allowlist)
        from test_personal_data_attachments import make_odt, make_pdf
        odt, pdf = make_odt(work / "a.odt"), make_pdf(work / "a.pdf")
        timed("one ODT attachment", [odt], allowlist)
        timed("one PDF attachment (2 pages)", [pdf], allowlist)
    started = time.perf_counter()
    scan_tree(ROOT / "content", allowlist)
    print(f"content/ again (warm): {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main()
