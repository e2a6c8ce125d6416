"""The city benchmark (`make bench-city`, OFFICES=29 by default): a synthetic city of OFFICES new
sites (each made by `new-site`, with news items and disclosures of its own in both languages),

  1. one office alone, with its own empty forms cache (what one fork costs);
  2. as OFFICES separate forks, each with its own empty forms cache, built one after the other
     (FORKS=0 skips this: it costs OFFICES times step 1);
  3. as one city build (`python -m site_build build-all`), one forms cache for all.

With AUDIT=1 (`make bench-city BENCH_AUDIT=1`) each fork is also put through its own gate (the
four commands of its `make test`: links, national-lint, html, audit) and the city's sites through
the shared gate that `build-all --audit` runs (`site_checks gate`), each timed apart from the
builds. That is long (about a second a page on 2 cores): use it with a few OFFICES.

It prints a table (seconds per site in the city build), forks and city side by side, and then
one line: `city: offices=… pages=… one_office_build_s=… forks_build_s=… city_build_s=…
forms_forks=… forms_city=… peak_rss_mb=…` and, after it, the audit's figures. forms_* = form
files generated; peak_rss_mb = the largest single process of the city build (its offices and
their helpers, e.g. Pagefind); peak_rss_forks_mb the same for the forks. It asserts nothing:
it measures.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins")]

from site_build.new_site import Office, new_site  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
NODE_MODULES = ROOT / "node_modules"
NODE = ["--set", f"SEARCH_NODE_MODULES={json.dumps(str(NODE_MODULES))}"]
RESULT = re.compile(r"city: (\S+) ok: (\d+) HTML pages in ([\d.]+) s, (\d+) form files made")
GATE = re.compile(r"gate: \S+ (?:ok|FAILED): (\d+) pages audited")
NEWS = """---
title: {title}
slug: notice-{n}
lang: {lang}
date: 2026-11-0{n}
summary: {summary}
---
{body}
"""
DISCLOSURE = """---
title: {title}
slug: {slug}
lang: {lang}
summary: {summary}
category: {category}
date: 2026-10-0{n}
issuer: {issuer}
---
{body}
"""
# Each office's own disclosures: (slug, category, zh title, en title).
DISCLOSURES = (("service-plan", "plans-and-reports", "本所年度服務計畫", "The office's service plan for the year"),
               ("budget", "budgets", "本所年度預算", "The office's budget for the year"),
               ("meeting-notes", "meeting-records", "本所業務會議紀錄", "Minutes of the office's staff meeting"))


def write_own_content(site: Path, number: int) -> None:
    """Two news items and three disclosures of the office's own, in both languages."""
    zh_name, en_name = f"臺中市第{number}區戶政事務所", f"District {number} Household Registration Office"
    for n in (1, 2):
        (site / f"content/news/notice-{n}.zh-tw.md").write_text(NEWS.format(
            title=f"本所公告第{n}則", n=n, lang="zh-tw", summary="本所的一則公告。", body="公告內容。"),
            encoding="utf-8")
        (site / f"content/news/notice-{n}.en.md").write_text(NEWS.format(
            title=f"Notice {n} of the office", n=n, lang="en", summary="A notice of the office.",
            body="The notice."), encoding="utf-8")
    for n, (slug, category, zh, en) in enumerate(DISCLOSURES, start=1):
        (site / f"content/disclosures/{slug}.zh-tw.md").write_text(DISCLOSURE.format(
            title=zh, slug=slug, lang="zh-tw", summary=f"{zh}的內容。", category=category, n=n, issuer=zh_name,
            body=f"{zh}的內容，依政府資訊公開法公開。"), encoding="utf-8")
        (site / f"content/disclosures/{slug}.en.md").write_text(DISCLOSURE.format(
            title=en, slug=slug, lang="en", summary=f"{en}.", category=category, n=n, issuer=en_name,
            body=f"{en}, made public under the Freedom of Government Information Act."), encoding="utf-8")


def give_own_phone(site: Path, number: int) -> None:
    """Each office its own (fictitious) telephone number, as real offices have: the city shares the
    national pages all the same (the office-details lint runs per office, outside the cache)."""
    office = site / "content" / "office.toml"
    text = office.read_text(encoding="utf-8")
    placeholder = '[phone]\nzh-tw = "（待本所確認後公布）"\nen = "(to be confirmed by the office)"'
    assert placeholder in text, "new-site's office.toml changed: update the bench"
    phone = f"04-2000-{number:04d}"
    office.write_text(text.replace(placeholder, f'[phone]\nzh-tw = "{phone}"\nen = "+886-4-2000-{number:04d}"'),
                      encoding="utf-8")


def make_city(root: Path, offices: int) -> list[Path]:
    sites = []
    for number in range(1, offices + 1):
        site = root / "sites" / f"office-{number:02d}"
        new_site(site, Office(f"臺中市第{number}區戶政事務所", f"District {number} Household Registration Office",
                              "臺中市", "Taichung City"))
        write_own_content(site, number)
        give_own_phone(site, number)
        sites.append(site)
    return sites


def run(command: list[str], label: str, ok=(0,), cwd: Path | None = None) -> tuple[float, str, float, float]:
    """Run a command; (seconds, what it printed, the largest RSS in MB of it or any process under it,
    the CPU seconds of it and every process under it)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=ENV, stdout=log, stderr=subprocess.STDOUT, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if process.returncode not in ok:
        sys.exit(f"bench-city: {label} failed:\n{output[-4000:]}")
    return seconds, output, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def fork_build(site: Path, cache: Path, output: str = "output-fork") -> tuple[float, int, float, float]:
    """One office built alone, as a fork builds it: its own forms and content caches (empty at first)."""
    command = [sys.executable, "-m", "site_build", "build", "--settings", str(site / "pelicanconf.py"),
               "--content", str(site / "content"), "--output", str(site / output),
               "--set", f"FORMS_CACHE_DIR={json.dumps(str(cache / 'forms'))}",
               "--set", f"CONTENT_MODEL_CACHE_DIR={json.dumps(str(cache / 'content'))}", *NODE]
    seconds, log, peak, cpu = run(command, f"fork {site.name}")
    made = re.search(r"forms: \d+ files, (\d+) regenerated", log)
    return seconds, int(made.group(1)) if made else -1, peak, cpu


def fork_gate(site: Path, output: str = "output-fork") -> tuple[float, int, float]:
    """A fork's own gate: the four commands of its `make test`, each its own process, in its folder
    (its node_modules is the checkout's, as `npm ci` would install it)."""
    commands = [["links", "--settings", "pelicanconf.py"], ["national-lint"], ["html", "--all"],
                ["audit", "--base-path", "", "--all"]]
    total, audited, peak = 0.0, 0, 0.0
    for command in commands:
        seconds, log, rss, _ = run([sys.executable, "-m", "site_checks", command[0], "--site", output, *command[1:]],
                                f"gate of {site.name}", ok=(0, 1), cwd=site)
        total, peak = total + seconds, max(peak, rss)
        found = re.search(r"axe-core [\d.]+: (\d+) audited", log)
        audited = int(found.group(1)) if found else audited
    return total, audited, peak


def main() -> int:
    offices = int(os.environ.get("OFFICES", "29"))
    forks = os.environ.get("FORKS", "1") not in ("", "0")
    audit = os.environ.get("AUDIT", "0") not in ("", "0")
    with tempfile.TemporaryDirectory(prefix="bench-city-") as work:
        root = Path(work)
        sites = make_city(root, offices)
        for site in sites:  # as `npm ci` gives each fork its own; the city build names the shared one
            (site / "node_modules").symlink_to(NODE_MODULES)
        one_s, one_forms, _, one_cpu = fork_build(sites[0], root / "one-cache", "output-one")
        forks_s = forks_audit_s = 0.0
        forms_forks = audited_forks = 0
        peak_forks = 0.0
        if forks:
            for number, site in enumerate(sites):
                seconds, made, peak, _ = fork_build(site, root / f"fork-cache-{number}")
                forks_s, forms_forks, peak_forks = forks_s + seconds, forms_forks + made, max(peak_forks, peak)
                if audit:
                    seconds, audited, peak = fork_gate(site)
                    forks_audit_s, audited_forks = forks_audit_s + seconds, audited_forks + audited
                    peak_forks = max(peak_forks, peak)
        city = [sys.executable, "-m", "site_build", "build-all", "--sites", str(root / "sites"),
                "--cache", str(root / "city-cache"), *NODE]
        city_s, log, peak_city, city_cpu = run(city, "city build", cwd=root)
        results = RESULT.findall(log)
        if len(results) != offices:
            sys.exit(f"bench-city: {len(results)} of {offices} sites built:\n{log[-3000:]}")
        city_gate_s, audited_city = 0.0, 0
        if audit:  # the gate build-all --audit runs after the builds, timed on its own
            city_gate_s, gate_log, gate_peak, _ = run(
                [sys.executable, "-m", "site_checks", "gate", *NODE,
                 "--jar", str(NODE_MODULES / "vnu-jar/build/dist/vnu.jar"),
                 "--axe", str(NODE_MODULES / "axe-core/axe.min.js"),
                 *(arg for site in sites for arg in ("--site", str(site.relative_to(root))))],
                "city gate", ok=(0, 1), cwd=root)
            audited_city, peak_city = sum(int(n) for n in GATE.findall(gate_log)), max(peak_city, gate_peak)
        print(f"{'site':<16} {'pages':>6} {'build s':>8} {'forms made':>10}")
        for name, pages, seconds, made in results:
            print(f"{Path(name).name:<16} {pages:>6} {float(seconds):>8.1f} {made:>10}")
        pages = sum(int(r[1]) for r in results)
        forms_city = sum(int(r[3]) for r in results)
        print(f"one office alone (own cache): {one_s:.1f} s, {one_forms} form files made, {one_cpu:.1f} CPU s")
        print(f"city build: {city_cpu:.1f} CPU s = {city_cpu / one_cpu:.2f} x one office's "
              "(CPU time moves little with the machine's load; wall time does)")
        print(f"{'':<28} {'forks':>12} {'city':>12}")
        print(f"{'build seconds':<28} {forks_s if forks else float('nan'):>12.1f} {city_s:>12.1f}")
        print(f"{'form files generated':<28} {forms_forks if forks else '-':>12} {forms_city:>12}")
        print(f"{'pages audited':<28} {audited_forks if forks and audit else '-':>12} "
              f"{audited_city if audit else '-':>12}")
        print(f"{'gate seconds (AUDIT=1)':<28} {f'{forks_audit_s:.1f}' if forks and audit else '-':>12} "
              f"{f'{city_gate_s:.1f}' if audit else '-':>12}")
        if audit:
            print(f"gate per page audited: forks {forks_audit_s / max(audited_forks, 1):.2f} s, "
                  f"city {city_gate_s / max(audited_city, 1):.2f} s")
        print(f"{'peak RSS, one process (MB)':<28} {f'{peak_forks:.0f}' if forks else '-':>12} {peak_city:>12.0f}")
        first_s = float(results[0][2])  # the city's first office, built alone with empty caches in this run
        print(f"city build: {city_s:.1f} s = {city_s / one_s:.2f} x one office alone "
              f"({city_s / first_s:.2f} x the city's own first office, {first_s:.1f} s, built at nearly the same "
              f"moment: the machine's load moves both); {city_s / offices:.1f} s per office on average")
        extra = (f" pages_audited_forks={audited_forks if forks else 'not-run'} pages_audited_city={audited_city}"
                 f" forks_gate_s={forks_audit_s:.1f} city_gate_s={city_gate_s:.1f}" if audit
                 else " pages_audited=not-run (AUDIT=0)")
        print(f"city: offices={offices} pages={pages} one_office_build_s={one_s:.1f} "
              f"forks_build_s={forks_s:.1f}{'' if forks else ' (not run: FORKS=0)'} city_build_s={city_s:.1f} "
              f"forms_forks={forms_forks if forks else 'not-run'} forms_city={forms_city} peak_rss_mb={peak_city:.0f}"
              f" peak_rss_forks_mb={f'{peak_forks:.0f}' if forks else 'not-run'}{extra}"
              f" city_vs_first_office={city_s / first_s:.2f} one_office_cpu_s={one_cpu:.1f} city_cpu_s={city_cpu:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
