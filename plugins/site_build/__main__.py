"""python -m site_build build [--settings pelicanconf.py] [--content content] [--output output]
   python -m site_build serve [--host 127.0.0.1] [--port 8000]
   python -m site_build forms [--forms forms] [--out output/forms] [--cache .cache/forms]
   python -m site_build build-all [--sites sites | --list sites.txt] [--cache .cache]
   python -m site_build new-site DIR --name-zh 臺中市○○區戶政事務所 --name-en "○○ District …" """

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from problems import ProblemsFound, print_problems
from sources.settings_arg import setting

from .build import build
from .city import audit_all, build_all, found_sites, listed_sites, site_problems, summary
from .new_site import Office, new_site


def new_site_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build new-site",
                                     description="Write a new office's site folder that builds with the engine.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--name-zh", required=True, help="the office's name in Chinese")
    parser.add_argument("--name-en", required=True, help="the office's name in English")
    parser.add_argument("--city-zh", default="", help="its city in Chinese (else left to fill in)")
    parser.add_argument("--city-en", default="", help="its city in English (else left to fill in)")
    args = parser.parse_args(argv)
    try:
        written = new_site(args.folder, Office(args.name_zh, args.name_en, args.city_zh, args.city_en))
    except ProblemsFound as error:
        return print_problems(error.problems, "new-site")
    print(f"new-site: {len(written)} files written to {args.folder}; next: cd {args.folder} && make serve")
    return 0


def build_all_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build build-all",
                                     description="Build every office's site, sharing the forms cache.")
    parser.add_argument("--sites", type=Path, default=Path("sites"), help="the folder holding one folder per site")
    parser.add_argument("--list", type=Path, help="a file naming the site folders, one a line (instead of --sites)")
    parser.add_argument("--cache", type=Path, default=Path(".cache"),
                        help="the caches every site shares: forms/ and content/ in this folder")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON", type=setting,
                        help="a setting for every site's build, e.g. --set 'SEARCH_NODE_MODULES=\"node_modules\"'")
    parser.add_argument("--audit", action="store_true",
                        help="then run the gate of each site's `make test` on every site built "
                             "(links, national rules, Nu HTML Checker, axe-core in Chromium)")
    parser.add_argument("--audit-only", default="*", metavar="GLOB",
                        help="with --audit, the HTML check and the browser audit take only the pages matching "
                             "this glob, e.g. 'news/*' (a quick look; the default is every page)")
    parser.add_argument("--workers", type=int, default=None,
                        help="offices built at a time after the first (default: the CPUs this process may use)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        sites = listed_sites(args.list) if args.list else found_sites(args.sites)
    except ProblemsFound as error:
        return print_problems(error.problems, "build-all")
    problems = site_problems(sites, args.list or args.sites)
    if problems:
        return print_problems(problems, "build-all")
    results = build_all(sites, args.cache, dict(args.set), args.workers)
    verdicts = audit_all(results, dict(args.set), args.audit_only) if args.audit else None
    print(summary(results, time.perf_counter() - started, verdicts))
    passed = all(result.ok for result in results) and all(v["ok"] for v in (verdicts or {}).values())
    return 0 if passed else 1


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["forms"]:  # the forms alone, with their own options
        from .forms_command import main as forms_main

        return forms_main(argv[1:])
    if argv[:1] == ["new-site"]:
        return new_site_main(argv[1:])
    if argv[:1] == ["build-all"]:
        return build_all_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m site_build", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "serve"):
        command = commands.add_parser(name)
        command.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
        command.add_argument("--content", type=Path, default=Path("content"))
        command.add_argument("--output", type=Path, default=Path("output"))
    commands.choices["build"].add_argument(
        "--set", action="append", default=[], metavar="KEY=JSON", type=setting,
        help="override a setting for this build, e.g. --set 'AUDIT_RECORD_FILE=\"reports/x.json\"'")
    commands.choices["build"].add_argument(
        "--problems-file", type=Path, help="on failure, also write the problems here as JSON (the preview reads it)")
    serve = commands.choices["serve"]
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.settings, args.content, args.output, dict(args.set), problems_file=args.problems_file)
    from .serve import serve as run_server

    return run_server(args.settings, args.content, args.output, args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
