"""`python -m site_checks gate --site A --site B …`: the whole gate of a site's `make test` (links,
the national rules' lint, the Nu HTML Checker, axe-core in Chromium and the national rules over
HTTP) on many built sites at once, as a city build runs it (`python -m site_build build-all --audit`).

What the sites share is the machinery, never a result: one Nu run (one Java per 1,000 files) over
every site's pages and style sheets, one set of Chromium browsers that audits every page of every
site (each site served at its own root by its own local server, as it is published), one pass of
the national rules beside them. Every page of every site is checked in this run (no cache). Each
site keeps its own rules and allow-list (.ci/axe-rules.toml and .ci/audit-allowlist.toml in its
folder), its own reports (reports/audit/ in its folder) and its own verdict: each problem is one
line with the path of the site's page (`sites/daya/output/en/index.html:12: axe [image-alt]: …`),
then one line per site, in the order given: `gate: sites/daya ok: 108 pages audited` or
`gate: sites/daya FAILED: 108 pages audited, 3 problems (its lines above)`. A check that cannot
run for a site fails that site only; a shared tool that cannot run fails every site it was to
check. Exit status 0 when every site passed, else 1.
"""

from __future__ import annotations

import datetime
import fnmatch
import json
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

from problems import Problem, ProblemsFound
from sources.paths import display_path

from .audit import moda
from .audit.cli import NO_RESULT, html_lang, mark_allowed, report_of, unaudited_findings
from .audit.config import load_allowlist, load_rules
from .audit.engine import audit_pages, axe_version
from .audit.progress import progress_reporter
from .audit.record import ENGINES, summarise
from .audit.report import findings, write_reports
from .browser import serve
from .findings import PageFinding
from .links import check_links
from .national_lint import lint_findings
from .pages import html_pages, page_name, page_url, select_files
from .vnu import SUFFIXES, finding_of, is_ignored, run_vnu, vnu_commands

STAGE = "gate"
SETTINGS_FILE = "pelicanconf.py"
RULES_FILE = ".ci/axe-rules.toml"
ALLOWLIST_FILE = ".ci/audit-allowlist.toml"
REPORT_DIR = "reports/audit"


@dataclass
class SiteGate:
    """One site's share of the run: its pages and what the checks found in them."""

    site: Path  # the site's folder (pelicanconf.py, .ci/, output/)
    output: Path
    pages: dict[str, bytes] = field(default_factory=dict)  # page name: its HTML
    problems: list[Problem] = field(default_factory=list)
    audited: int = 0  # pages with a result from both engines of the browser audit

    @property
    def shown(self) -> str:
        return display_path(self.site)

    def add(self, found: list[PageFinding]) -> None:
        """The findings, each with the path of the site's page."""
        where = display_path(self.output)
        for finding in found:
            problem = finding.problem()
            self.problems.append(replace(problem, path=f"{where}/{problem.path}"))

    def cannot_run(self, error: Exception, stage: str) -> None:
        if isinstance(error, ProblemsFound):
            self.problems += [replace(p, path=self._under_site(p.path)) for p in error.problems]
            return
        self.problems.append(Problem(display_path(self.output), None, stage, "cannot-run",
                                     f"{type(error).__name__}: {error}",
                                     f"run the check on this site alone: make -C {self.shown} test"))

    def _under_site(self, path: str) -> str:
        return path if Path(path).is_absolute() or path.startswith(self.shown) else f"{self.shown}: {path}"

    def line(self) -> str:
        if self.problems:
            return (f"gate: {self.shown} FAILED: {self.audited} pages audited, {len(self.problems)} problem(s) "
                    "(its lines above)")
        return f"gate: {self.shown} ok: {self.audited} pages audited (links, national rules, HTML, axe-core)"


def each_site(gates: list[SiteGate], stage: str, check) -> None:
    """Run `check(gate)` for every site; what it cannot do fails that site only."""
    for gate in gates:
        try:
            gate.add(check(gate))
        except Exception as error:  # a check that cannot run fails this site, not the city
            gate.cannot_run(error, stage)


def site_links(gate: SiteGate, settings: dict) -> list[PageFinding]:
    from site_settings import load

    where = load(gate.site / SETTINGS_FILE, settings)
    return check_links(gate.output, where.origin, where.path)


def html_all(gates: list[SiteGate], jar: Path, only: str = "*") -> None:
    """One Nu HTML Checker run over every site's pages and style sheets (those matching `only`)."""
    files: dict[Path, tuple[SiteGate, str]] = {}
    for gate in gates:
        chosen = select_files([p for p in gate.output.rglob("*") if p.suffix in SUFFIXES and p.is_file()],
                              gate.output, only=only)
        files.update({path.resolve(): (gate, name) for name, path in chosen.items()})
    if not files:
        return
    try:
        messages = run_vnu(vnu_commands(list(files), jar, "java"))
    except Exception as error:  # no result for any site: each fails
        for gate in gates:
            gate.cannot_run(error, "html")
        return
    for message in messages:
        place = files.get(Path(unquote(urlsplit(message.get("url", "")).path)).resolve())
        kind, text = message.get("type"), message.get("message", "")
        if place is None or kind == "info" or is_ignored(text):
            continue
        gate, name = place
        if kind == "non-document-error":
            gate.problems.append(Problem(f"{display_path(gate.output)}/{name}", None, "html", "cannot-run",
                                         f"vnu could not check the file: {text}", "run vnu by hand on the file"))
        else:
            gate.add([finding_of(message, name)])


def audit_all(gates: list[SiteGate], axe: Path, browser: str, workers: int, today: datetime.date) -> None:
    """axe-core in one set of browsers and the national rules over every page of every site, then
    each site's results through its own allow-list into its own reports and problems."""
    versions = {"axe": axe_version(axe), "moda": moda.moda_version()}
    by_rules: dict[str, list] = {}
    for gate in gates:
        try:
            rules = load_rules(gate.site / RULES_FILE)
            allowlist = load_allowlist(gate.site / ALLOWLIST_FILE, today)
        except Exception as error:
            gate.cannot_run(error, "audit")
            continue
        by_rules.setdefault(rules.fingerprint(), []).append((gate, rules, allowlist))
    for group in by_rules.values():
        if any(gate.pages for gate, _, _ in group):
            audit_group(group, axe, browser, workers, today, versions)


def audit_group(group: list, axe: Path, browser: str, workers: int, today: datetime.date, versions: dict) -> None:
    """The sites that share one set of axe rules, audited in one run of the browsers."""
    rules = group[0][1]
    keys = {f"{display_path(gate.output)}/{name}": (gate, name) for gate, _, _ in group for name in gate.pages}
    html = {key: gate.pages[name] for key, (gate, name) in keys.items()}
    with ExitStack() as stack:
        bases = {id(gate): stack.enter_context(serve(gate.output)) for gate, _, _ in group}
        urls = {key: bases[id(gate)] + page_url(name) for key, (gate, name) in keys.items()}
        with progress_reporter(2 * len(urls)) as done, ThreadPoolExecutor(1) as pool:
            national = pool.submit(moda.scan_pages, urls, html, done)
            axe_results, info = audit_pages(urls, axe, (rules.axe_options(selectors=False), rules.axe_options()),
                                            workers, done, browser)
            moda_results = national.result()
    fresh = {"axe": axe_results, "moda": moda_results}
    causes = {"axe": "; ".join(info.get("errors", [])) or "no browser returned a result for it",
              "moda": "a11y-moda returned no result for it"}
    for gate, _, allowlist in group:
        results, missing = {}, {engine: {} for engine in ENGINES}
        for name, page in sorted(gate.pages.items()):
            key = f"{display_path(gate.output)}/{name}"
            results[name] = {"lang": html_lang(page)}
            for engine in ENGINES:
                result = fresh[engine].get(key)
                if result is None:
                    cause = info.get("lost", {}).get(key, causes[engine])
                    missing[engine][name] = cause
                    result = NO_RESULT[engine](cause)
                results[name][engine] = result
        mark_allowed(results, allowlist)
        summary = summarise(results, today, {engine: set(results) for engine in ENGINES})
        report = report_of(SimpleNamespace(shard="1/1", only="*"), rules, versions, results, summary, info)
        write_reports(gate.site / REPORT_DIR, report)
        gate.add([f for f in findings(results) if f.page not in missing.get(f.check, {})])
        gate.add(unaudited_findings(SimpleNamespace(site="."), missing, len(results)))
        in_error = {name for name, page in results.items() if any(page[e].get("error") for e in ENGINES)}
        gate.audited = len(results) - len(in_error)


def run_gate(sites: list[Path], jar: Path, axe: Path, browser: str, workers: int, settings: dict | None = None,
             only: str = "*", today: datetime.date | None = None) -> list[SiteGate]:
    """Every check of the gate on every site (`settings`: what the sites were built with on top of
    their own, e.g. SEARCH_NODE_MODULES; `only`: the pages the Nu checker and the browser audit
    take, for a quick look; links and the national rules' lint always take every page); the
    sites' gates, in the order given."""
    today = today or datetime.date.today()
    gates = [SiteGate(site, site / "output") for site in sites]
    for gate in gates:
        if not (gate.output / "index.html").is_file():
            gate.problems.append(Problem(display_path(gate.output), None, STAGE, "cannot-run",
                                         "there is no built site here", f"build it first: make -C {gate.shown} build"))
        else:
            gate.pages = {page_name(gate.output, path): path.read_bytes() for path in html_pages(gate.output)
                          if fnmatch.fnmatchcase(page_name(gate.output, path), only)}
            if not gate.pages:
                gate.problems.append(Problem(display_path(gate.output), None, STAGE, "cannot-run",
                                             f"no page matches {only!r}", "check the glob: it matches names like "
                                             "en/about/index.html"))
    built = [gate for gate in gates if (gate.output / "index.html").is_file()]
    each_site(built, "links", lambda gate: site_links(gate, settings or {}))
    each_site(built, "moda", lambda gate: lint_findings(gate.output))
    html_all(built, jar, only)
    try:
        audit_all(built, axe, browser, workers, today)
    except Exception as error:  # e.g. axe-core missing: no site was audited
        for gate in built:
            gate.cannot_run(error, "audit")
    return gates


def print_gates(gates: list[SiteGate], results_file: Path | None = None) -> int:
    """Each site's problem lines, then its line; 0 if every site passed."""
    for gate in gates:
        for problem in gate.problems:
            print(problem)
        print(gate.line(), flush=True)
    if results_file:
        results_file.parent.mkdir(parents=True, exist_ok=True)
        results_file.write_text(json.dumps({
            str(gate.site): {"ok": not gate.problems, "pages": len(gate.pages), "audited": gate.audited,
                             "problems": len(gate.problems)} for gate in gates}, indent=1), encoding="utf-8")
    return 0 if all(not gate.problems for gate in gates) else 1
