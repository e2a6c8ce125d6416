"""python -m site_settings show [--settings pelicanconf.py] [--set KEY=JSON] [KEY]

Prints the checked origin, sub-path, public address and staging flag (or one of them), or one
line per problem and exit status 2."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from problems import ProblemsFound, print_problems

from .site_settings import load

FIELDS = ("origin", "path", "base_url", "staging", "is_local")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_settings", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["show"])
    parser.add_argument("field", nargs="?", choices=FIELDS)
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON")
    args = parser.parse_args(argv)
    overrides = {key: json.loads(value) for key, _, value in (s.partition("=") for s in args.set)}
    try:
        found = load(args.settings, overrides)
    except ProblemsFound as error:
        return 2 * print_problems(error.problems, "settings")
    values = {name: getattr(found, name) for name in FIELDS}
    if args.field:
        value = values[args.field]
        print(str(value).lower() if isinstance(value, bool) else value)
    else:
        for name, value in values.items():
            print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
