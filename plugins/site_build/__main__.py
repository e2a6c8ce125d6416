"""python -m site_build build [--settings pelicanconf.py] [--content content] [--output output]
   python -m site_build serve [--host 127.0.0.1] [--port 8000]
   python -m site_build forms [--forms forms] [--out output/forms] [--cache .cache/forms]"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .build import build


def setting(text: str) -> tuple[str, object]:
    """`KEY=JSON` → (KEY, value), as Pelican's own `-e` takes it."""
    key, _, value = text.partition("=")
    try:
        return key.strip(), json.loads(value)
    except json.JSONDecodeError:
        raise argparse.ArgumentTypeError(f"{text!r}: write KEY=JSON, e.g. 'SITEURL=\"https://x.gov.tw\"'") from None


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["forms"]:  # the forms alone, with their own options
        from .forms_command import main as forms_main

        return forms_main(argv[1:])
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
