"""The golden site: the fixture site's build, kept under tests/golden/site/ as the output it must
be, file by file (the build is reproducible), as Pelican's own tests keep output/basic/.

Text files (HTML, XML, JSON, CSV, CSS, JS, TXT) are kept whole, so a change reads as a diff;
binary files (PDF, ODT, images, the search index) are kept as one line each in MANIFEST
(path, size, SHA-256). `make golden` rewrites it on purpose after a change meant to alter the
output; the test (tests/build/test_golden_site_built.py) shows what differs otherwise.

    python tests/golden_site.py --write      (make golden)
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1] / "plugins")]

from support import FIXTURE_SITE, run_pelican  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
MANIFEST = "MANIFEST"
TEXT = (".html", ".xml", ".json", ".csv", ".css", ".js", ".txt", ".svg")
SKIPPED = (".gz",)  # precompressed copies: the same bytes as their source, compressed
HASHED_FOLDERS = ("pagefind",)  # Pagefind's own bundle and index: checked by hash, never read as a diff


def kept(path: Path) -> bool:
    return path.is_file() and path.suffix not in SKIPPED


def manifest_line(site: Path, path: Path) -> str:
    data = path.read_bytes()
    return f"{path.relative_to(site).as_posix()} {len(data)} {hashlib.sha256(data).hexdigest()}"


def is_text(site: Path, path: Path) -> bool:
    return path.suffix in TEXT and path.relative_to(site).parts[0] not in HASHED_FOLDERS


def snapshot(site: Path) -> dict[str, str]:
    """{relative path: text} of the text files, and MANIFEST for the others."""
    files = sorted(path for path in site.rglob("*") if kept(path))
    found = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
             for path in files if is_text(site, path)}
    found[MANIFEST] = "\n".join(manifest_line(site, path) for path in files if not is_text(site, path)) + "\n"
    return found


def build_fixture(output: Path) -> None:
    build = run_pelican(FIXTURE_SITE / "content", FIXTURE_SITE / "fixtureconf.py", output)
    if build.returncode != 0:
        raise SystemExit(f"the fixture site did not build:\n{build.log}")


def differences(expected: dict[str, str], found: dict[str, str], limit: int = 60) -> list[str]:
    """A readable account: files missing or new, then a unified diff of each changed file."""
    lines = [f"missing from the build: {name}" for name in sorted(set(expected) - set(found))]
    lines += [f"new in the build: {name}" for name in sorted(set(found) - set(expected))]
    for name in sorted(set(expected) & set(found)):
        if expected[name] != found[name]:
            diff = difflib.unified_diff(expected[name].splitlines(), found[name].splitlines(),
                                        f"golden/{name}", f"build/{name}", lineterm="", n=1)
            lines += list(diff)[:limit]
    return lines


def write(found: dict[str, str]) -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for name, text in found.items():
        target = GOLDEN / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def golden() -> dict[str, str]:
    return {path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(GOLDEN.rglob("*")) if path.is_file()}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        build_fixture(Path(folder) / "output")
        found = snapshot(Path(folder) / "output")
    changes = differences(golden(), found) if GOLDEN.is_dir() else ["(no golden site yet)"]
    write(found)
    changed = sum(1 for line in changes if line.startswith(("+++", "missing", "new")))
    print(f"golden: {len(found) - 1} text files and {found[MANIFEST].count(chr(10))} other files written to "
          f"{GOLDEN}; {changed} changed")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python tests/golden_site.py --write   (rewrites tests/golden/site/)")
    sys.exit(main())
