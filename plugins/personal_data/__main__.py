"""`python -m personal_data [PATH …]`: scan files and folders for personal data, one line per problem.

Exit status: 0 clean, 1 personal data found (or a file could not be read), 2 the allow-list
itself is wrong.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from problems import print_problems

from .allowlist import AllowListError, load_allowlist
from .kinds import ALLOWLIST_FILE
from .scan import files_under, scan_file

LABEL = "personal data"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m personal_data", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("content")],
                        help="files or folders to scan (default: content)")
    parser.add_argument("--allowlist", type=Path, default=Path(ALLOWLIST_FILE),
                        help=f"the allow-list file (default: {ALLOWLIST_FILE})")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the date allow-list expiry is checked against (YYYY-MM-DD; default: today)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        allowlist = load_allowlist(args.allowlist, args.today)
    except AllowListError as error:
        print_problems(error.problems, f"{LABEL} allow-list")
        return error.exitcode
    started = time.perf_counter()
    missing = [path for path in args.paths if not path.exists()]
    if missing:
        print(f"{LABEL}: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    files = [path for root in args.paths for path in files_under(root)]
    problems = [problem for path in files for problem in scan_file(path, allowlist)]
    status = print_problems(problems, LABEL)
    print(f"{LABEL}: {len(files)} file(s) scanned in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
