"""The golden site: the fixture site's build, kept under tests/golden/site/ as the output it must
be, file by file (the build is reproducible), as Pelican's own tests keep output/basic/.

The record is the engine's golden record (plugins/site_checks/golden.py, the one implementation
a site's `make test` uses too), kept `whole` here: text files (HTML, XML, JSON, CSV, CSS, JS,
TXT) whole, so a change reads as a diff; binary files (PDF, ODT, images, the search index) as one
line each in MANIFEST (path, size, SHA-256). `make golden` rewrites it on purpose after a change
meant to alter the output; the test (tests/build/test_golden_site_built.py) shows what differs
otherwise.

    python tests/golden_site.py --write      (make golden)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1] / "plugins")]

from site_checks.golden import Record, compare, differences, read, write  # noqa: E402,F401
from site_checks.golden import snapshot as site_snapshot  # noqa: E402
from support import FIXTURE_SITE, run_pelican  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "site"


def snapshot(site: Path) -> Record:
    """The fixture site's build as the golden site keeps it: every file, text files whole."""
    return site_snapshot(site, whole=True)


def golden() -> Record:
    return read(GOLDEN)


def build_fixture(output: Path) -> None:
    build = run_pelican(FIXTURE_SITE / "content", FIXTURE_SITE / "fixtureconf.py", output)
    if build.returncode != 0:
        raise SystemExit(f"the fixture site did not build:\n{build.log}")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        build_fixture(Path(folder) / "output")
        found = snapshot(Path(folder) / "output")
    changes = compare(golden(), found).count() if GOLDEN.is_dir() else "no golden site before"
    write(GOLDEN, found)
    print(f"golden: {len(found.texts)} text files and {len(found.files)} other files written to {GOLDEN}; {changes}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python tests/golden_site.py --write   (rewrites tests/golden/site/)")
    sys.exit(main())
