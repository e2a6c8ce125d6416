"""One build: Pelican with the project's settings into a fresh folder that replaces the output
only when the build succeeded. A failed build prints its problems and leaves the previous
output exactly as it was (the preview keeps serving it; nothing half-written goes live).

The settings file is read once. After Pelican's run, the search index is made from what that
run put into its context (the SiteIndex and the catalogs): no file is handed over in the output."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import Pelican, signals

import site_context
from content_model.internal_links import broken_links
from problems import Problem, ProblemsFound, print_problems, write_problems
from site_search import search_manifest
from site_settings import load_settings

from .compress import write_precompressed
from .errors import problems_of
from .logs import collecting
from .search_index import FOLDER as SEARCH_FOLDER
from .search_index import build_search_index
from .unchanged import forget, inputs_fingerprint, is_unchanged, remember


@contextlib.contextmanager
def run_context():
    """{"context": …}: the context of the Pelican run made inside the block, taken once every
    generator has read its content (the same dict the pages are then written from)."""
    taken: dict = {}

    def take(generators) -> None:
        taken["context"] = generators[0].context

    signals.all_generators_finalized.connect(take)
    try:
        yield taken
    finally:
        signals.all_generators_finalized.disconnect(take)


def run_pelican(settings: dict, output: Path, collector) -> list[Problem]:
    """Build into `output`, check its links inside the site (content_model.internal_links), then
    its search index and the precompressed copies; returns the problems Pelican logged, or the
    links leading nowhere (the exceptions propagate)."""
    with run_context() as taken, contextlib.redirect_stdout(io.StringIO()):  # Pelican's "Done: …" counts articles
        Pelican(settings).run()
    problems = list(collector.problems.values())
    if not problems:
        index = site_context.require(taken["context"], site_context.SITE_INDEX)
        problems = broken_links(index.all_items(), output, settings["SITEURL"])
    if not problems:
        index_and_compress(output, settings, taken["context"])
    return problems


def index_and_compress(output: Path, settings: dict, context: dict) -> None:
    """The search index and the .gz copies of the written pages, side by side (the index is an
    outside program); then the .gz copies of the index's own files."""
    index_folder = output / SEARCH_FOLDER
    manifest = search_manifest(site_context.require(context, site_context.SITE_INDEX),
                               site_context.require(context, site_context.TRANSLATIONS))
    with ThreadPoolExecutor(1) as search:
        indexed = search.submit(index_search, output, settings, manifest)
        write_precompressed(output, lambda path: path.is_relative_to(index_folder))
        indexed.result()
    write_precompressed(index_folder)


def index_search(output: Path, settings: dict, manifest: dict) -> None:
    """The post-build step: the Pagefind index of the fresh folder (raises ProblemsFound)."""
    report = build_search_index(output, Path(settings["SEARCH_NODE_MODULES"]), manifest)
    print(report.line(), file=sys.stderr, flush=True)


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` where `target` is, removing the old one (two renames; never half a site)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def failed(problems: list[Problem], output: Path, stream, problems_file: Path | None) -> int:
    print_problems(problems, "build", stream)
    if problems_file:
        write_problems(problems_file, problems)
    print(f"build: failed; {output}/ was not changed", file=stream, flush=True)
    return 2


def with_template_cache(settings: dict) -> None:
    """With JINJA_BYTECODE_CACHE_DIR (a city build sets it), the templates compiled by one office's
    build are loaded, not compiled again, by the next: Jinja keys each by its name and source."""
    folder = settings.get("JINJA_BYTECODE_CACHE_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"],
                                         "bytecode_cache": FileSystemBytecodeCache(folder)}


def build(settings_file: Path, content: Path, output: Path, overrides: dict | None = None,
          stream=None, problems_file: Path | None = None) -> int:
    """Build the site into `output`; 0 on success, 2 if the content has problems (then also
    written to `problems_file`, if given, for the preview)."""
    stream = stream or sys.stdout
    started = time.monotonic()
    staging = output.with_name(f".{output.name}.building")
    try:
        settings = load_settings(settings_file, {**(overrides or {}), "PATH": str(content.resolve()),
                                                 "OUTPUT_PATH": str(staging.resolve())})
    except ProblemsFound as error:
        return failed(list(error.problems), output, stream, problems_file)
    current = inputs_fingerprint(settings, settings_file)
    with_template_cache(settings)
    if is_unchanged(output, current):
        print(f"build: nothing has changed since {output}/ was built; it is kept as it is",
              file=stream, flush=True)
        return 0
    forget(output)
    shutil.rmtree(staging, ignore_errors=True)
    collector = collecting(where=content.as_posix())
    try:
        problems = run_pelican(settings, staging, collector)
    except Exception as error:
        logged = list(collector.problems.values())  # e.g. a plugin that could not be registered
        problems = problems_of(error)
        if problems is None:
            shutil.rmtree(staging, ignore_errors=True)
            for problem in logged:
                print(problem, file=stream)
            raise
        problems = logged + problems
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        return failed(problems, output, stream, problems_file)
    replace_folder(staging, output)
    remember(output, current)
    pages = sum(1 for _ in output.rglob("*.html"))
    print(f"build: {pages} HTML pages written to {output}/ in {time.monotonic() - started:.1f} s",
          file=stream, flush=True)
    return 0
