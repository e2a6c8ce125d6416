"""`python -m site_checks audit`: audit every page of a built site with axe-core."""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import os
import re
import sys
from pathlib import Path

from ..findings import print_findings
from ..pages import html_pages, page_name, page_url
from ..browser import serve
from .cache import AuditCache, assets_fingerprint, page_key
from .config import AuditConfigError, load_allowlist, load_rules
from .engine import audit_pages, axe_version
from .progress import progress_reporter
from .record import summarise, update_record
from .report import findings, write_reports


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, default=Path("output"), help="built site folder")
    parser.add_argument("--all", action="store_true", help="audit every page, ignoring the cache")
    parser.add_argument("--shard", default="1/1", help="audit only shard i of n, e.g. 2/4")
    parser.add_argument("--only", default="*", help="audit only pages matching this glob, e.g. 'en/news/*'")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parallel browsers")
    parser.add_argument("--axe", type=Path, default=Path("node_modules/axe-core/axe.min.js"))
    parser.add_argument("--rules", type=Path, default=Path(".ci/axe-rules.toml"))
    parser.add_argument("--allowlist", type=Path, default=Path(".ci/audit-allowlist.toml"))
    parser.add_argument("--report-dir", type=Path, default=Path("reports/audit"))
    parser.add_argument("--cache", type=Path, default=Path(".cache/audit/results.json"))
    parser.add_argument("--record", type=Path, default=None,
                        help="JSON file kept with the content: the latest full audit, for the statement")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help=argparse.SUPPRESS)


def parse_shard(text: str) -> tuple[int, int]:
    try:
        index, total = (int(part) for part in text.split("/"))
    except ValueError:
        raise AuditConfigError(f"--shard {text!r}: write i/n, e.g. 1/4.") from None
    if not 1 <= index <= total:
        raise AuditConfigError(f"--shard {text!r}: i must be between 1 and n.")
    return index, total


def select_pages(site: Path, shard: tuple[int, int], only: str = "*") -> dict[str, bytes]:
    """{page name: HTML bytes} of this shard's pages (every n-th page, in a stable order)."""
    index, total = shard
    names = [(page_name(site, p), p) for p in html_pages(site)]
    names = [(name, p) for name, p in names if fnmatch.fnmatchcase(name, only)]
    return {name: p.read_bytes() for n, (name, p) in enumerate(names) if n % total == index - 1}


HTML_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([A-Za-z0-9-]+)", re.I)


def html_lang(page: bytes) -> str:
    """The `lang` of a page's <html> element, read from its bytes ('' if there is none)."""
    match = HTML_LANG.search(page[:2000])
    return match.group(1).decode() if match else ""


def mark_allowed(results: dict[str, dict], allowlist) -> None:
    """Annotate violations covered by an unexpired allow-list entry with its reason."""
    for name, page in results.items():
        for violation in page["violations"]:
            entry = next((a for a in allowlist if a.covers(name, violation["id"])), None)
            violation["allowed"] = entry.reason if entry else ""


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except AuditConfigError as error:
        print(f"audit: {error}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    rules = load_rules(args.rules)
    allowlist = load_allowlist(args.allowlist, args.today)
    shard = parse_shard(args.shard)
    if not (args.site / "index.html").is_file():
        raise AuditConfigError(f"{args.site}: no built site here. Run `make build` first.")
    if not args.axe.is_file():
        raise AuditConfigError(f"{args.axe}: axe-core is missing. Run `npm ci`.")
    engine = axe_version(args.axe)
    pages = select_pages(args.site, shard, args.only)
    assets = assets_fingerprint(args.site)
    keys = {name: page_key(html, assets, engine, rules.fingerprint()) for name, html in pages.items()}
    cache = AuditCache(args.cache)
    results = {} if args.all else {n: r for n in pages if (r := cache.get(n, keys[n])) is not None}
    todo = [name for name in pages if name not in results]
    browser = {}
    if todo:
        with serve(args.site) as base, progress_reporter(len(todo)) as done:
            fresh, browser = audit_pages({n: base + page_url(n) for n in todo}, args.axe,
                                         (rules.axe_options(selectors=False), rules.axe_options()),
                                         args.workers, done)
        for name, result in fresh.items():
            result["lang"] = html_lang(pages[name])
            if not result.get("error"):
                cache.put(name, keys[name], result)
        results.update(fresh)
        cache.save()
    results = dict(sorted(results.items()))
    mark_allowed(results, allowlist)
    summary = summarise(results, args.today, len(todo))
    report = {"summary": summary, "engine": {"axe": engine, "chromium": browser.get("chromium", "")},
              "config": {"tags": list(rules.tags), "disabled": dict(rules.disabled)},
              "shard": args.shard, "pages": results}
    json_path, html_path = write_reports(args.report_dir, report)
    if args.record and shard == (1, 1) and args.only == "*":
        update_record(args.record, report)
    print(f"audit: {summary['pages']} page(s) ({len(todo)} audited, {summary['cached']} from cache), "
          f"axe-core {engine}; reports: {json_path}, {html_path}")
    return print_findings(findings(results), "accessibility audit")
