"""One build: Pelican with the project's settings into a fresh folder that replaces the output
only when the build succeeded. A failed build prints its problems and leaves the previous
output exactly as it was (the preview keeps serving it; nothing half-written goes live)."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import Pelican

from problems import Problem, ProblemsFound, print_problems
from site_search import MANIFEST
from site_settings import SettingsFileError, load_settings
from sources.paths import display_path

from .compress import write_precompressed
from .errors import problems_of
from .logs import collecting
from .search_index import FOLDER as SEARCH_FOLDER
from .search_index import build_search_index
from .unchanged import build_fingerprint, forget, is_unchanged, remember


def run_pelican(settings_file: Path, content: Path, output: Path, overrides: dict, collector) -> list[Problem]:
    """Build into `output`, then its search index and the precompressed copies; returns the
    problems Pelican logged, or those of the index step (the exceptions propagate)."""
    settings = load_settings(settings_file, {**overrides, "PATH": str(content.resolve()),
                                             "OUTPUT_PATH": str(output.resolve())})
    pelican = Pelican(settings)
    with contextlib.redirect_stdout(io.StringIO()):  # Pelican's own "Done: …" counts articles we don't use
        pelican.run()
    problems = list(collector.problems.values())
    if not problems:
        index_and_compress(output, settings, display_path(settings_file))
    return problems


def index_and_compress(output: Path, settings: dict, settings_file: str) -> None:
    """The search index and the .gz copies of the written pages, side by side (the index is an
    outside program); then the .gz copies of the index's own files."""
    index_folder = output / SEARCH_FOLDER

    def skip(path: Path) -> bool:  # the index step's input and output
        return path.name == MANIFEST or path.is_relative_to(index_folder)

    with ThreadPoolExecutor(1) as search:
        indexed = search.submit(index_search, output, settings, settings_file)
        write_precompressed(output, skip)
        indexed.result()
    write_precompressed(index_folder)


def index_search(output: Path, settings: dict, settings_file: str) -> None:
    """The post-build step: the Pagefind index of the fresh folder (raises ProblemsFound)."""
    node_modules = settings.get("SEARCH_NODE_MODULES")
    if not node_modules:
        raise ProblemsFound([Problem(settings_file, None, "settings", "SEARCH_NODE_MODULES",
                                     "SEARCH_NODE_MODULES is not set: the search index needs Pagefind",
                                     'set SEARCH_NODE_MODULES = str(ROOT / "node_modules") as pelicanconf.py does')])
    report = build_search_index(output, Path(node_modules))
    print(report.line(), file=sys.stderr, flush=True)


def input_fingerprint(settings_file: Path, content: Path, output: Path, overrides: dict) -> str | None:
    """The fingerprint of every input of this build, or None when the settings cannot be read
    (the build then runs, and reports why)."""
    try:
        settings = load_settings(settings_file, {**overrides, "PATH": str(content.resolve()),
                                                 "OUTPUT_PATH": str(output.resolve())})
    except SettingsFileError:
        return None
    return build_fingerprint(settings, settings_file)


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` where `target` is, removing the old one (two renames; never half a site)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build(settings_file: Path, content: Path, output: Path, overrides: dict | None = None,
          stream=None) -> int:
    """Build the site into `output`; 0 on success, 2 if the content has problems."""
    stream = stream or sys.stdout
    started = time.monotonic()
    current = input_fingerprint(settings_file, content, output, overrides or {})
    if current and is_unchanged(output, current):
        print(f"build: nothing has changed since {output}/ was built; it is kept as it is",
              file=stream, flush=True)
        return 0
    forget(output)
    staging = output.with_name(f".{output.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    collector = collecting(where=content.as_posix())
    try:
        problems = run_pelican(settings_file, content, staging, overrides or {}, collector)
    except Exception as error:
        logged = list(collector.problems.values())  # e.g. a plugin that could not be registered
        problems = problems_of(error, display_path(settings_file))
        if problems is None:
            shutil.rmtree(staging, ignore_errors=True)
            for problem in logged:
                print(problem, file=stream)
            raise
        problems = logged + problems
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        print_problems(problems, "build", stream)
        print(f"build: failed; {output}/ was not changed", file=stream, flush=True)
        return 2
    replace_folder(staging, output)
    if current:
        remember(output, current)
    pages = sum(1 for _ in output.rglob("*.html"))
    print(f"build: {pages} HTML pages written to {output}/ in {time.monotonic() - started:.1f} s",
          file=stream, flush=True)
    return 0
