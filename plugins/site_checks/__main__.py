"""Command line for the post-build checks.

    python -m site_checks links [--site output]
    python -m site_checks html  [--site output]
    python -m site_checks audit [--site output] [--all] [--shard i/n] [--workers N] ...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .findings import print_findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_checks", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    links = commands.add_parser("links", help="every internal link, fragment and download resolves")
    links.add_argument("--site", type=Path, default=Path("output"))
    html = commands.add_parser("html", help="the Nu HTML Checker finds no errors")
    html.add_argument("--site", type=Path, default=Path("output"))
    html.add_argument("--jar", type=Path, default=Path("node_modules/vnu-jar/build/dist/vnu.jar"))
    from .audit.cli import add_arguments

    add_arguments(commands.add_parser("audit", help="axe-core in headless Chromium on every page"))
    args = parser.parse_args(argv)
    if args.command == "links":
        from .links import check_links

        return print_findings(check_links(args.site), "link check")
    if args.command == "html":
        from .vnu import validate

        return print_findings(validate(args.site, args.jar), "HTML validation")
    from .audit.cli import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
