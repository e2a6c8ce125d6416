"""The benchmark: build, forms, audit and search speed on a synthetic site of PAGES pages
(`make bench`, PAGES=2000 by default), side by side with plain Pelican on the same Markdown.

It prints a table and then one line `bench: key=value …`: the times, and the counts each step
reports (pages built, found and audited, forms made, pages indexed), which the smoke test
(tests/browser/test_bench_smoke.py) checks against the synthetic site at the smallest size. It asserts
nothing itself: the targets and the measured figures are in docs/performance.md. Every step runs
as its own process, as `make` would run it; peak_rss_mb is the largest of them.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests" / "bench"), str(ROOT / "tests")]

from site_checks.pages import select_pages  # noqa: E402
from synthetic import make_site  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}


def run(command: list[str], cwd: Path, label: str) -> tuple[float, str]:
    """Run one step; its seconds and its output. A failed step ends the benchmark with its output."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"bench: {label} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return seconds, result.stdout + result.stderr


def build(paths: dict, output: Path, label: str) -> tuple[float, str]:
    return run([PYTHON, "-m", "site_build", "build", "--settings", str(paths["settings"]),
                "--content", str(paths["content"]), "--output", str(output)], paths["content"].parent, label)


def counted(pattern: str, log: str, *names: str) -> dict[str, float]:
    """The numbers a step printed, by name ({name: -1} when the line is missing: a figure that
    cannot be right)."""
    match = re.search(pattern, log)
    return {name: float(match.group(n)) if match else -1.0 for n, name in enumerate(names, start=1)}


def forms_cold(paths: dict, work: Path) -> dict[str, float]:
    """All forms generated from nothing (their own cache, thrown away after): time and files."""
    seconds, log = run([PYTHON, "-m", "site_build", "forms", "--forms", str(paths["forms"]),
                        "--out", str(work / "forms-out"), "--cache", str(work / "forms-cold-cache")], ROOT,
                       "forms (cold)")
    shutil.rmtree(work / "forms-out"), shutil.rmtree(work / "forms-cold-cache")
    return {"forms_cold_s": seconds,
            **counted(r"forms: (\d+) form\(s\), (\d+) file\(s\), (\d+) regenerated", log,
                      "forms", "forms_files", "forms_cold_regenerated")}


def regenerated(log: str) -> float:
    return counted(r"forms: \d+ files, (\d+) regenerated", log, "n")["n"]


AUDIT_COUNTS = (r"audit: (\d+) page\(s\) found; axe-core [\d.]+: (\d+) audited, (\d+) from cache, (\d+) in error; "
                r"national rules .*?: (\d+) audited, (\d+) from cache, (\d+) in error")


def audit(site: Path, work: Path, prefix: str, *flags: str) -> tuple[float, dict[str, float]]:
    """The HTML check and the audit, as `make audit` runs them: seconds, and the counts they print."""
    common = ["--site", str(site), *flags]
    html, html_log = run([PYTHON, "-m", "site_checks", "html", *common, "--cache", str(work / "cache/html.json")],
                         ROOT, "html check")
    axe, log = run([PYTHON, "-m", "site_checks", "audit", *common, "--cache-dir", str(work / "cache/audit"),
                    "--report-dir", str(work / "report")], ROOT, "audit")
    names = ("found", "axe_audited", "axe_cached", "axe_errors", "moda_audited", "moda_cached", "moda_errors")
    return html + axe, {**counted(AUDIT_COUNTS, log, *(f"{prefix}_{name}" for name in names)),
                        **counted(r"HTML validation: (\d+) file\(s\) found, (\d+) checked", html_log,
                                  f"{prefix}_html_found", f"{prefix}_html_checked")}


def search_figures(log: str, site: Path) -> dict[str, float]:
    """The index step's seconds (from the build's line) and the KB a first query fetches from
    /pagefind/ in Chromium (engine, index chunks, results), measured as the search tests do."""
    from search_support import query_bytes, search

    from site_checks.browser import chromium
    from site_search.policy import CONTENT_SECURITY_POLICY
    from support import policy_server

    seconds = float(re.search(r"search: .* in ([\d.]+) s", log).group(1))
    indexed = [int(n) for n in re.findall(r"(\d+) pages \+ \d+ downloads", log)]
    with policy_server(site, CONTENT_SECURITY_POLICY) as (base, sent), chromium() as driver:
        search(driver, base, "/search/", "戶籍謄本")
        fetched = query_bytes(sent)
    return {"search_index_s": seconds, "search_pages": float(sum(indexed)) if indexed else -1.0,
            "search_query_kb": fetched / 1024}


EDIT = "One more sentence, for the benchmark."


def edit_one_page(paths: dict, out: Path) -> dict[str, bytes]:
    """Add a sentence to one English news item; returns the bytes of every page built in `out`
    before the edit."""
    page = next(iter(sorted((paths["content"] / "news").glob("*.en.md"))))
    page.write_text(page.read_text(encoding="utf-8") + f"\n{EDIT}\n", encoding="utf-8")
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*.html")}


def pages_changed(out: Path, before: dict[str, bytes]) -> int:
    """How many built pages differ from `before` (added and removed ones count)."""
    after = {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*.html")}
    return sum(1 for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def page_weight_kb(site: Path) -> float:
    """The median page's HTML plus the site's CSS, gzip -9, in KB."""
    css = sum(len(gzip.compress(p.read_bytes(), 9)) for p in site.rglob("*.css"))
    sizes = [len(gzip.compress(p.read_bytes(), 9)) for p in site.rglob("*.html")]
    return (statistics.median(sizes) + css) / 1024


def measure(pages: int, forms: int, work: Path, with_audit: bool, audit_only: str = "*") -> dict[str, float]:
    paths = make_site(work, pages, forms)
    figures: dict[str, float] = {"pages": 0}
    figures.update(forms_cold(paths, work))
    build(paths, work / "warmup", "forms cache warm-up")  # the forms cache, as after any earlier build;
    shutil.rmtree(work / "warmup")                       # the content cache is emptied: build_s is cold
    shutil.rmtree(work / "cache" / "content", ignore_errors=True)
    figures["build_s"], cold_log = build(paths, work / "out", "build")
    figures["pages"] = sum(1 for _ in (work / "out").rglob("*.html"))
    figures.update(counted(r"build: (\d+) HTML pages written", cold_log, "build_pages_reported"))
    figures["plain_pelican_s"], _ = run([str(Path(PYTHON).parent / "pelican"), "content", "-s", "plainconf.py",
                                         "-o", str(work / "plain-out")], paths["plain"], "plain Pelican")
    figures["build_ratio"] = figures["build_s"] / figures["plain_pelican_s"]
    figures["rebuild_nochange_s"], log = build(paths, work / "out", "rebuild, nothing changed")
    figures["rebuild_nochange_kept"] = float("nothing has changed since" in log)
    if with_audit:
        figures["audit_selected"] = float(len(select_pages(work / "out", only=audit_only)))
        seconds, counts = audit(work / "out", work, "audit", "--all", "--only", audit_only)
        figures["audit_pages_per_s"] = figures["audit_selected"] / seconds
        figures.update(counts)
    edited = edit_one_page(paths, work / "out")
    figures["rebuild_onepage_s"], log = build(paths, work / "out", "rebuild after a one-page edit")
    figures["forms_warm_regenerated"] = regenerated(log)  # a build that ran, with no form changed
    figures["rebuild_onepage_changed"] = float(pages_changed(work / "out", edited))
    if with_audit:
        seconds, counts = audit(work / "out", work, "incremental", "--only", audit_only)
        figures["audit_incremental_s"] = figures["rebuild_onepage_s"] + seconds
        figures.update(counts)
    figures["page_gzip_kb"] = page_weight_kb(work / "out")
    figures.update(search_figures(cold_log, work / "out"))
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=int(os.environ.get("PAGES", "2000")))
    parser.add_argument("--forms", type=int, default=None, help="form definitions (default: 50 at 2000 pages)")
    parser.add_argument("--no-audit", action="store_true", help="leave the browser audit out")
    parser.add_argument("--audit-only", default="*", help="audit only the pages matching this glob (e.g. 'en/*')")
    args = parser.parse_args(argv)
    forms = args.forms if args.forms is not None else max(2, min(50, args.pages // 40))
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        figures = measure(args.pages, forms, work, not args.no_audit, args.audit_only)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'measure':<24}{'value':>12}")
    for key, value in figures.items():
        print(f"{key:<24}{value:>12.2f}")
    print("bench: " + " ".join(f"{key}={value:.2f}" for key, value in figures.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
