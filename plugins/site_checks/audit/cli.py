"""`python -m site_checks audit`: audit every page of a built site with axe-core in Chromium
and with Taiwan's national rules (a11y-moda), both over HTTP, cached, sharded, allow-listed."""

from __future__ import annotations

import argparse
import datetime
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..browser import CHROMIUM, serve
from ..cache import ResultCache
from ..findings import CheckCannotRun, PageFinding, print_findings
from ..pages import page_url, parse_shard, select_pages
from . import moda
from .cache import assets_fingerprint, page_key
from .config import load_allowlist, load_rules
from .engine import audit_pages, axe_version
from .progress import progress_reporter
from .record import ENGINES, record_differences, summarise, write_record
from .report import custom_item_notes, findings, write_reports

STAGE = "audit"
LABEL = "accessibility audit"
EXAMPLES = 3  # pages named in a line about pages without a result
ENGINE_NAMES = {"axe": "axe-core", "moda": "national rules (a11y-moda)"}
HTML_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([A-Za-z0-9-]+)", re.I)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, default=Path("output"), help="built site folder")
    parser.add_argument("--base-path", default="", help="the sub-path the site is built for (SITEURL)")
    parser.add_argument("--all", action="store_true", help="audit every page, ignoring the cache")
    parser.add_argument("--shard", default="1/1", help="audit only shard i of n, e.g. 2/4")
    parser.add_argument(
        "--only", default="*", help="audit only pages matching this glob, e.g. 'en/news/*'"
    )
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="parallel browsers"
    )
    parser.add_argument("--axe", type=Path, default=Path("node_modules/axe-core/axe.min.js"))
    parser.add_argument("--browser", default=CHROMIUM, help="the Chromium binary")
    parser.add_argument("--rules", type=Path, default=Path(".ci/axe-rules.toml"))
    parser.add_argument("--allowlist", type=Path, default=Path(".ci/audit-allowlist.toml"))
    parser.add_argument("--report-dir", type=Path, default=Path("reports/audit"))
    parser.add_argument("--cache-dir", type=Path, default=Path(".cache/audit"))
    parser.add_argument(
        "--record",
        type=Path,
        default=None,
        help="write the record of this full audit, for the accessibility statement",
    )
    parser.add_argument(
        "--expect-record",
        type=Path,
        default=None,
        help="fail unless this full audit gives the record the statement was built from",
    )
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help=argparse.SUPPRESS,
    )


def html_lang(page: bytes) -> str:
    """The `lang` of a page's <html> element, read from its bytes ('' if there is none)."""
    match = HTML_LANG.search(page[:2000])
    return match.group(1).decode() if match else ""


def mark_allowed(results: dict[str, dict], allowlist) -> None:
    """Annotate failures covered by an unexpired allow-list entry with its reason."""
    for name, page in results.items():
        failures = [(v, v["id"]) for v in page["axe"]["violations"]]
        failures += [(i, i["code"]) for i in page["moda"]["issues"]]
        for failure, rule in failures:
            entry = next((a for a in allowlist if a.covers(name, rule)), None)
            failure["allowed"] = (
                entry.reason if entry and failure.get("status", "fail") == "fail" else ""
            )


def check_inputs(args: argparse.Namespace, partial: bool) -> None:
    """Fail before auditing anything when the run cannot be what was asked for."""
    if not (args.site / "index.html").is_file():
        raise CheckCannotRun(
            args.site, STAGE, "there is no built site here", "run `make build` first"
        )
    if not args.axe.is_file():
        raise CheckCannotRun(
            args.axe, STAGE, "axe-core is missing", "run `npm ci` (or `make node-deps`)"
        )
    for option, path in (("--record", args.record), ("--expect-record", args.expect_record)):
        if path and partial:
            raise CheckCannotRun(
                path,
                STAGE,
                f"{option} needs the full audit, but this run is partial "
                f"(--shard {args.shard}, --only {args.only!r})",
                f"drop {option}, or audit every page in one run",
            )


def cache_keys(site: Path, pages: dict[str, bytes], versions: dict[str, str], rules: str) -> dict:
    """{engine: {page: key}}: a page's result is reused only while its key is unchanged."""
    assets = assets_fingerprint(site)
    moda_config = f"a11y-moda {versions['moda']} {moda.options_fingerprint()}"
    return {
        "axe": {
            name: page_key(html, assets, versions["axe"], rules) for name, html in pages.items()
        },
        "moda": {name: page_key(html, assets, moda_config, "") for name, html in pages.items()},
    }


def audit_now(
    args, pages: dict[str, bytes], todo: dict[str, list[str]], axe_options
) -> tuple[dict, dict]:
    """Fresh results {engine: {page: result}} for the pages to audit, and the browser's details."""
    fresh: dict = {"axe": {}, "moda": {}}
    browser: dict = {}
    if not any(todo.values()):
        return fresh, browser
    count = sum(map(len, todo.values()))
    with serve(args.site, args.base_path) as base, progress_reporter(count) as done:

        def urls(names):
            return {name: base + page_url(name) for name in names}

        with ThreadPoolExecutor(max_workers=1) as pool:  # the national rules beside the browsers
            national = pool.submit(moda.scan_pages, urls(todo["moda"]), pages, done)
            if todo["axe"]:
                fresh["axe"], browser = audit_pages(
                    urls(todo["axe"]), args.axe, axe_options, args.workers, done, args.browser
                )
            fresh["moda"] = national.result()
    if todo["axe"] and not browser.get("chromium"):
        raise CheckCannotRun(
            args.browser,
            STAGE,
            "Chromium did not start, so no page was audited: "
            + "; ".join(browser.get("errors", [])),
            "run `make test-deps` (apt-get install chromium chromium-driver), or pass "
            "--browser with the path of a working Chromium",
        )
    return fresh, browser


def gather(args, pages: dict[str, bytes], keys: dict, axe_options) -> tuple[dict, dict, dict]:
    """(results by page, the pages audited now by engine, browser details), the cache updated."""
    caches = {engine: ResultCache(args.cache_dir / f"{engine}.json") for engine in ENGINES}
    cached = {
        engine: {}
        if args.all
        else {
            name: result
            for name in pages
            if (result := caches[engine].get(name, keys[engine][name])) is not None
        }
        for engine in ENGINES
    }
    todo = {engine: [name for name in pages if name not in cached[engine]] for engine in ENGINES}
    fresh, browser = audit_now(args, pages, todo, axe_options)
    browser["unaudited"] = unaudited(todo, fresh, browser)
    for engine, lost in browser["unaudited"].items():
        fresh[engine].update({name: NO_RESULT[engine](cause) for name, cause in lost.items()})
    for engine in ENGINES:
        for name, result in fresh[engine].items():
            if not result.get("error"):  # an error is never cached: the page is audited again
                caches[engine].put(name, keys[engine][name], result)
        caches[engine].save()
    results = {
        name: {
            "lang": html_lang(html),
            **{engine: {**cached[engine], **fresh[engine]}[name] for engine in ENGINES},
        }
        for name, html in sorted(pages.items())
    }
    return results, {engine: set(todo[engine]) for engine in ENGINES}, browser


def summary_line(report: dict, paths: tuple[Path, Path]) -> str:
    summary, engine = report["summary"], report["engine"]

    def counts(name: str) -> str:
        c = summary[name]
        return f"{c['audited']} audited, {c['cached']} from cache, {c['errors']} in error"

    return (
        f"audit: {summary['pages']} page(s) found; axe-core {engine['axe']}: {counts('axe')}; "
        f"national rules {moda.SPEC} {moda.LEVEL} (a11y-moda {engine['moda']}, "
        f"{engine['moda_checks']} checks): {counts('moda')}; reports: {paths[0]}, {paths[1]}"
    )


def record_findings(args, report: dict, complete: bool) -> list[PageFinding]:
    """Write the record (a complete full audit only), or compare with the expected one."""
    if args.record and complete and report["summary"]["complete"]:
        write_record(args.record, report)
    if not args.expect_record:
        return []
    return [
        PageFinding(
            STAGE,
            str(args.expect_record),
            "",
            f"the statement was built from a record that differs from this audit: {difference}",
            "run `make audit-release` again: the site changed between its two audits",
            "record-mismatch",
        )
        for difference in record_differences(args.expect_record, report)
    ]


def is_result(engine: str, result) -> bool:
    """Whether `result` is what an engine gives for a page it really audited: axe's with the
    version of the axe-core that ran, a11y-moda's with its list of issues; or the error that
    page's own audit raised."""
    if not isinstance(result, dict):
        return False
    if result.get("error"):
        return True
    return bool(result.get("engine")) if engine == "axe" else isinstance(result.get("issues"), list)


NO_RESULT = {
    "axe": lambda cause: {"engine": "", "error": f"not audited: {cause}", "violations": []},
    "moda": lambda cause: {"error": f"not audited: {cause}", "issues": []},
}


def unaudited(todo: dict[str, list[str]], fresh: dict, browser: dict) -> dict[str, dict[str, str]]:
    """{engine: {page: cause}} for every page this run was asked to audit and has no result for,
    however that came about (a browser that died, one that never reached the page, a lost result)."""
    causes = {
        "axe": "; ".join(browser.get("errors", [])) or "no browser returned a result for it",
        "moda": "a11y-moda returned no result for it",
    }
    lost = browser.get("lost", {})
    return {
        engine: {
            name: lost.get(name, causes[engine]) if engine == "axe" else causes[engine]
            for name in todo[engine]
            if not is_result(engine, fresh[engine].get(name))
        }
        for engine in ENGINES
    }


def unaudited_findings(args, missing: dict[str, dict[str, str]], asked: int) -> list[PageFinding]:
    """One line per engine and cause, naming how many pages have no result and a few of them."""
    found = []
    for engine, pages in missing.items():
        by_cause: dict[str, list[str]] = {}
        for name, cause in sorted(pages.items()):
            by_cause.setdefault(cause, []).append(name)
        for cause, names in by_cause.items():
            shown = ", ".join(names[:EXAMPLES]) + (", …" if len(names) > EXAMPLES else "")
            found.append(PageFinding(
                STAGE, str(args.site), "",
                f"{ENGINE_NAMES[engine]}: {len(names)} of {asked} page(s) have no result ({shown}): {cause}",
                "run the audit again; if Chromium keeps stopping, look for a lack of memory "
                "(dmesg) or audit with --workers 1",
                "unaudited",
            ))
    return found


def selected_pages(args: argparse.Namespace) -> dict[str, bytes]:
    """{page name: HTML bytes} of this run's pages; none at all is an error."""
    shard = parse_shard(args.shard)
    check_inputs(args, partial=shard != (1, 1) or args.only != "*")
    pages = select_pages(args.site, shard, args.only)
    if not pages:
        raise CheckCannotRun(
            args.site,
            STAGE,
            f"no page matches --only {args.only!r} in shard {args.shard}",
            "check the glob: it matches names like en/about/index.html",
        )
    return {name: path.read_bytes() for name, path in pages.items()}


def report_of(args, rules, versions: dict, results: dict, summary: dict, browser: dict) -> dict:
    """Everything the JSON and HTML reports hold, and the record is made from."""
    return {
        "summary": summary,
        "national": {"spec": moda.SPEC, "level": moda.LEVEL},
        "engine": {
            "axe": versions["axe"],
            "chromium": browser.get("chromium", ""),
            "moda": versions["moda"],
            "moda_checks": len(moda.checks_run()),
        },
        "config": {"tags": list(rules.tags), "disabled": dict(rules.disabled)},
        "shard": args.shard,
        "only": args.only,
        "pages": results,
    }


def run(args: argparse.Namespace) -> int:
    rules = load_rules(args.rules)
    allowlist = load_allowlist(args.allowlist, args.today)
    pages = selected_pages(args)
    versions = {"axe": axe_version(args.axe), "moda": moda.moda_version()}
    keys = cache_keys(args.site, pages, versions, rules.fingerprint())
    axe_options = (rules.axe_options(selectors=False), rules.axe_options())
    results, audited_now, browser = gather(args, pages, keys, axe_options)
    mark_allowed(results, allowlist)
    summary = summarise(results, args.today, audited_now)
    report = report_of(args, rules, versions, results, summary, browser)
    print(summary_line(report, write_reports(args.report_dir, report)))
    for note in custom_item_notes(results):
        print(note)
    missing = browser["unaudited"]
    lines = unaudited_findings(args, missing, len(pages))
    problems = [f for f in findings(results) if f.page not in missing.get(f.check, {})] + lines
    return print_findings(problems + record_findings(args, report, complete=not lines), LABEL)
