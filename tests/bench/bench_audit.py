"""Benchmark of the audit gate (run by `make bench-audit`; prints numbers, asserts nothing).

1. Builds a larger copy of the real site: the real content plus N synthetic news pairs.
2. Full audit (--all) with the default number of browsers: pages per second.
3. Edits one page, rebuilds, and audits again with the cache: seconds for the whole step.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from site_checks.__main__ import main as site_checks  # noqa: E402
from support import run_pelican  # noqa: E402

NEWS_PAIRS = int(os.environ.get("BENCH_NEWS_PAIRS", "100"))
NEWS = {
    "zh-tw": "Title: 測試消息{n}\nSlug: bench-{n}\nLang: zh-tw\nDate: 2026-01-{d:02d}\nSummary: 第{n}則測試消息。\n\n"
             "本則消息用於測量檢測速度，第{n}則。\n\n## 說明\n\n請參閱[常見問答](/faq/)。\n",
    "en": "Title: Test item {n}\nSlug: bench-{n}\nLang: en\nDate: 2026-01-{d:02d}\nSummary: Test item number {n}.\n\n"
          "This item measures audit speed, number {n}.\n\n## Details\n\nSee the [questions and answers](/en/faq/).\n",
}


def make_site(work: Path) -> tuple[Path, Path]:
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    for n in range(NEWS_PAIRS):
        for lang, text in NEWS.items():
            (content / "news" / f"bench-{n}.{lang}.md").write_text(text.format(n=n, d=n % 28 + 1), encoding="utf-8")
    settings = work / "benchconf.py"
    settings.write_text(f"import sys; sys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(content)!r}\nOFFICE_DATA_FILE = {str(content / 'office.toml')!r}\n")
    return content, settings


def build(content: Path, settings: Path, output: Path) -> float:
    start = time.perf_counter()
    result = run_pelican(content, settings, output)
    if result.returncode:
        sys.exit(result.log)
    return time.perf_counter() - start


def audit(output: Path, work: Path, *extra: str) -> float:
    start = time.perf_counter()
    code = site_checks(["audit", "--site", str(output), "--report-dir", str(work / "report"),
                        "--cache-dir", str(work / "cache"), *extra])
    if code:
        sys.exit("the benchmark site has violations; see the report")
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as tmp:
        work = Path(tmp)
        content, settings = make_site(work)
        output = work / "output"
        build_seconds = build(content, settings, output)
        pages = len(list(output.rglob("*.html")))
        full = audit(output, work, "--all")
        page = content / "pages" / "faq.en.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nEdited for the benchmark.\n", encoding="utf-8")
        rebuild = build(content, settings, output)
        incremental = audit(output, work)
        print(f"\npages: {pages} ({NEWS_PAIRS} synthetic news pairs), workers: {os.cpu_count()}")
        print(f"build: {build_seconds:.1f} s")
        print(f"full audit: {full:.1f} s, {pages / full:.2f} pages/s")
        print(f"one-page edit: rebuild {rebuild:.1f} s + incremental audit {incremental:.1f} s "
              f"= {rebuild + incremental:.1f} s")


if __name__ == "__main__":
    main()
