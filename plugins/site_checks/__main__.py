"""Command line for the post-build checks; each prints one line per problem, then a summary.

    python -m site_checks links [--site output]
    python -m site_checks national-lint [--site output]
    python -m site_checks html  [--site output] [--shard i/n] [--only GLOB] [--all]
    python -m site_checks audit [--site output] [--all] [--shard i/n] [--only GLOB] ...
    python -m site_checks gate --site SITE_FOLDER [--site …]   (every check on many built sites at once)
    python -m site_checks merge-caches --into .cache SHARD_FOLDER...   (CI: the shards' results)
    python -m site_checks golden [--site output] [--record golden] [--write]   (what the build changed)

Exit status: 0 no problems, 1 problems found, 2 the check could not run (nothing was checked).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from problems import ProblemsFound
from sources.settings_arg import setting

from .browser import CHROMIUM
from .findings import CheckCannotRun, print_cannot_run, print_findings
from .pages import parse_shard

LABELS = {
    "links": "link check",
    "national-lint": "national rules (lint)",
    "html": "HTML validation",
    "audit": "accessibility audit",
    "merge-caches": "merging the shards' results",
    "gate": "the gate of many sites",
    "golden": "golden record",
}


def add_html_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, default=Path("output"))
    parser.add_argument("--jar", type=Path, default=Path("node_modules/vnu-jar/build/dist/vnu.jar"))
    parser.add_argument("--shard", default="1/1", help="check only shard i of n, e.g. 2/4")
    parser.add_argument(
        "--only", default="*", help="check only files matching this glob, e.g. 'en/*'"
    )
    parser.add_argument("--cache", type=Path, default=Path(".cache/html/results.json"))
    parser.add_argument("--all", action="store_true", help="check every file, ignoring the cache")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="accepted so that one set of flags serves `html` and `audit`; vnu runs once",
    )


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="python -m site_checks", description=__doc__.splitlines()[0]
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    links = commands.add_parser("links", help="every internal link, fragment and download resolves")
    links.add_argument("--site", type=Path, default=Path("output"))
    links.add_argument("--settings", type=Path, default=Path("pelicanconf.py"),
                       help="the settings the site was built with: its origin and sub-path")
    lint = commands.add_parser(
        "national-lint", help="a11y-moda's source-level lint of the built pages (fast)"
    )
    lint.add_argument("--site", type=Path, default=Path("output"))
    add_html_arguments(commands.add_parser("html", help="the Nu HTML Checker finds no errors"))
    merge = commands.add_parser("merge-caches", help="merge the result caches of audit shards (CI)")
    merge.add_argument("--into", type=Path, default=Path(".cache"))
    merge.add_argument("shards", type=Path, nargs="+", help="folders holding each shard's audit/ and html/")
    gate = commands.add_parser("gate", help="every check of a site's `make test` on many built sites at once")
    gate.add_argument("--site", type=Path, action="append", required=True,
                      help="a site's folder (pelicanconf.py, .ci/, output/); once per site")
    gate.add_argument("--jar", type=Path, default=Path("node_modules/vnu-jar/build/dist/vnu.jar"))
    gate.add_argument("--axe", type=Path, default=Path("node_modules/axe-core/axe.min.js"))
    gate.add_argument("--browser", default=CHROMIUM, help="the Chromium binary")
    gate.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parallel browsers")
    gate.add_argument("--only", default="*", help="the HTML check and the browser audit take only the pages "
                      "matching this glob, e.g. 'news/*' (links and the national rules' lint take every page)")
    gate.add_argument("--results", type=Path, help="also write each site's verdict here as JSON")
    gate.add_argument("--set", action="append", default=[], metavar="KEY=JSON", type=setting,
                      help="a setting the sites were built with on top of their own (as build-all --set)")
    golden = commands.add_parser("golden", help="the build beside the site's golden record: what changed")
    golden.add_argument("--site", type=Path, default=Path("output"))
    golden.add_argument("--record", type=Path, default=Path("golden"), help="the record's folder (committed)")
    golden.add_argument("--write", action="store_true", help="write the build as the record (`make golden`)")
    from .audit.cli import add_arguments

    add_arguments(
        commands.add_parser(
            "audit",
            help="axe-core in headless Chromium and the national rules (a11y-moda) on every page",
        )
    )
    return main_parser


def run_html(args: argparse.Namespace) -> int:
    from .vnu import check_html

    run = check_html(
        args.site,
        args.jar,
        shard=parse_shard(args.shard),
        only=args.only,
        cache_path=args.cache,
        recheck=args.all,
    )
    print(run.summary())
    return print_findings(run.findings, LABELS["html"])


def site_settings_of(settings: Path):
    """The checked origin and sub-path of a settings file; a bad file is its own problems, and
    the check cannot run."""
    from site_settings import load

    return load(settings)


def run_golden(args: argparse.Namespace) -> int:
    from . import golden

    if not (args.site / "index.html").is_file():
        raise CheckCannotRun(args.site, "golden", "no built site here", "build the site first (make build)")
    if args.record.exists() and not golden.is_record(args.record) and any(args.record.iterdir()):
        raise CheckCannotRun(args.record, "golden", f"the folder holds no golden record (no {golden.MANIFEST})",
                             "name the record's own folder (golden), or move what is there")
    found = golden.snapshot(args.site)
    if args.write or not golden.is_record(args.record):
        before = golden.read(args.record) if golden.is_record(args.record) else None
        golden.write(args.record, found)
        what = f"{golden.compare(before, found).count()} since the last record" if before else "no record before"
        print(f"golden: wrote {len(found)} files to {args.record}/ ({golden.ENGINE_NAME} {found.engine}; {what}). "
              f"Commit {args.record}/: each `make test` compares the build with it.")
        return 0
    result = golden.verdict(golden.read(args.record), found, args.record)
    print("\n".join(result.lines), flush=True)
    return 1 if result.failed else 0


def run(args: argparse.Namespace) -> int:
    if args.command == "links":
        from .links import check_links

        where = site_settings_of(args.settings)
        return print_findings(check_links(args.site, where.origin, where.path), LABELS["links"])
    if args.command == "national-lint":
        from .national_lint import lint_findings

        return print_findings(lint_findings(args.site), LABELS["national-lint"])
    if args.command == "html":
        return run_html(args)
    if args.command == "gate":
        from .gate import print_gates, run_gate

        return print_gates(run_gate(args.site, args.jar, args.axe, args.browser, args.workers, dict(args.set),
                                    args.only),
                           args.results)
    if args.command == "merge-caches":
        from .cache import merge_caches

        missing = [str(shard) for shard in args.shards if not shard.is_dir()]
        if missing:
            raise CheckCannotRun(missing[0], "merge-caches", "no shard results here",
                                 "download every shard's artifact first")
        written = merge_caches(args.shards, args.into)
        print(f"merge-caches: {len(args.shards)} shard(s) merged into {', '.join(map(str, written))}")
        return 0 if written else 2
    if args.command == "golden":
        return run_golden(args)
    from .audit.cli import run as run_audit

    return run_audit(args)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run(args)
    except ProblemsFound as error:  # a check that cannot run (or its settings) never passes
        return print_cannot_run(error, LABELS[args.command])


if __name__ == "__main__":
    sys.exit(main())
