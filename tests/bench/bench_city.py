"""The city benchmark (`make bench-city`, OFFICES=29 by default): a synthetic city of OFFICES new
sites (each made by `new-site`, with two news items of its own in both languages), built

  1. one office alone, with its own empty forms cache (what one fork costs);
  2. as OFFICES separate forks, each with its own empty forms cache (FORKS=0 skips this: it costs
     OFFICES times step 1);
  3. as one city build (`python -m site_build build-all`), one forms cache for all.

It prints a table (seconds per site in the city build) and then one line:
`city: offices=… pages=… one_office_build_s=… forks_build_s=… city_build_s=… forms_forks=…
forms_city=… peak_rss_mb=…` (forms_* = form files generated; peak_rss_mb = the largest build
process). It asserts nothing: it measures. Disclosures of each office and the audit are not part
of it yet (docs/engine.md).
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins")]

from site_build.new_site import Office, new_site  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
NODE = ["--set", f"SEARCH_NODE_MODULES={json.dumps(str(ROOT / 'node_modules'))}"]
RESULT = re.compile(r"city: (\S+) ok: (\d+) HTML pages in ([\d.]+) s, (\d+) form files made")
NEWS = """---
title: {title}
slug: notice-{n}
lang: {lang}
date: 2026-11-0{n}
summary: {summary}
---
{body}
"""


def make_city(root: Path, offices: int) -> list[Path]:
    sites = []
    for number in range(1, offices + 1):
        site = root / "sites" / f"office-{number:02d}"
        new_site(site, Office(f"臺中市第{number}區戶政事務所", f"District {number} Household Registration Office",
                              "臺中市", "Taichung City"))
        for n in (1, 2):
            chinese = NEWS.format(title=f"本所公告第{n}則", n=n, lang="zh-tw", summary="本所的一則公告。",
                                  body="公告內容。")
            (site / f"content/news/notice-{n}.zh-tw.md").write_text(chinese, encoding="utf-8")
            (site / f"content/news/notice-{n}.en.md").write_text(NEWS.format(
                title=f"Notice {n} of the office", n=n, lang="en", summary="A notice of the office.",
                body="The notice."), encoding="utf-8")
        sites.append(site)
    return sites


def run(command: list[str], label: str, ok=(0,)) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in ok:
        sys.exit(f"bench-city: {label} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds, done.stdout + done.stderr


def fork_build(site: Path, cache: Path) -> tuple[float, int]:
    """One office built alone, as a fork builds it: its own forms cache (empty at first)."""
    seconds, log = run([sys.executable, "-m", "site_build", "build", "--settings", str(site / "pelicanconf.py"),
                        "--content", str(site / "content"), "--output", str(site / "output-fork"),
                        "--set", f"FORMS_CACHE_DIR={json.dumps(str(cache))}", *NODE], f"fork {site.name}")
    made = re.search(r"forms: \d+ files, (\d+) regenerated", log)
    return seconds, int(made.group(1)) if made else -1


def main() -> int:
    offices = int(os.environ.get("OFFICES", "29"))
    forks = os.environ.get("FORKS", "1") not in ("", "0")
    with tempfile.TemporaryDirectory(prefix="bench-city-") as work:
        root = Path(work)
        sites = make_city(root, offices)
        one_s, one_forms = fork_build(sites[0], root / "one-cache")
        forks_s, forms_forks = (0.0, 0)
        if forks:
            for number, site in enumerate(sites):
                seconds, made = fork_build(site, root / f"fork-cache-{number}")
                forks_s, forms_forks = forks_s + seconds, forms_forks + made
        city_s, log = run([sys.executable, "-m", "site_build", "build-all", "--sites", str(root / "sites"),
                           "--cache", str(root / "city-cache"), *NODE], "city build")
        results = RESULT.findall(log)
        if len(results) != offices:
            sys.exit(f"bench-city: {len(results)} of {offices} sites built:\n{log[-3000:]}")
        print(f"{'site':<16} {'pages':>6} {'build s':>8} {'forms made':>10}")
        for name, pages, seconds, made in results:
            print(f"{Path(name).name:<16} {pages:>6} {float(seconds):>8.1f} {made:>10}")
        pages = sum(int(r[1]) for r in results)
        forms_city = sum(int(r[3]) for r in results)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"one office alone (own cache): {one_s:.1f} s, {one_forms} form files made")
        print(f"city build: {city_s:.1f} s = {city_s / one_s:.2f} x one office; "
              f"{city_s / offices:.1f} s per office on average")
        print(f"city: offices={offices} pages={pages} one_office_build_s={one_s:.1f} "
              f"forks_build_s={forks_s:.1f}{'' if forks else ' (not run: FORKS=0)'} city_build_s={city_s:.1f} "
              f"forms_forks={forms_forks if forks else 'not-run'} forms_city={forms_city} peak_rss_mb={peak:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
