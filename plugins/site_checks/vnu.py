"""HTML validation: the Nu HTML Checker (vnu.jar) over the pages and style sheets of a built site.

Results are cached by each file's bytes and the checker's own bytes (its version), so only
new or changed files start Java; `--shard i/n` and `--only GLOB` check only that share of the
files. Each error becomes a PageFinding with the file and line; a missing checker or a crash
raises CheckCannotRun, which fails the run: it never passes as "no errors".
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sources.digest import content_key

from .cache import ResultCache, file_digest
from .findings import CheckCannotRun, PageFinding
from .pages import select_files

CHECK = "html"
HELP_URL = "https://html.spec.whatwg.org/multipage/"
FIX = "Correct the markup in the template or Markdown that produces this line."
CSS_HELP_URL = "https://www.w3.org/Style/CSS/specs.en.html"
CSS_FIX = "Correct this rule in the style sheet (theme/static/css)."
INSTALL_HINT = (
    "install the checker's tools: `make test-deps` (Java, from Debian's "
    "default-jre-headless) and `npm ci` (vnu-jar, pinned in package.json)"
)
# vnu messages that are not errors of ours, each with the reason. Empty: nothing is ignored.
# Add a compiled pattern only with a comment saying why; tests/unit/test_html_validate.py pins this.
IGNORED_MESSAGES: tuple[re.Pattern[str], ...] = ()
TIMEOUT_SECONDS = 600  # per run; the whole real site takes a few seconds
EXTRACT_LENGTH = 80
BATCH = 1000  # files per vnu run: keeps the command line well under the system's limit
# Java options: a larger thread stack (vnu needs at least 512k for its HTML schema), the serial
# collector, and for a short run (the usual one-page edit) only the quick compiler: Java then
# starts in about half the time. A long run (a full check of a big site) keeps the optimising one.
JAVA_OPTIONS = ["-Xss2m", "-XX:+UseSerialGC"]
QUICK_START = ["-XX:TieredStopAtLevel=1"]
QUICK_START_FILES = 100
SUFFIXES = (".html", ".css")


class ValidatorUnavailable(CheckCannotRun):
    """Java or vnu.jar is missing, so the site cannot be validated."""

    def __init__(self, where: str, message: str):
        super().__init__(where, CHECK, message, INSTALL_HINT)


class ValidatorFailed(CheckCannotRun):
    """vnu ran but did not report results (it crashed, timed out or wrote no JSON)."""

    def __init__(self, where: str, message: str):
        super().__init__(
            where,
            CHECK,
            message,
            "run the command again; if it fails again, run vnu by hand on the file named",
        )


@dataclass(frozen=True)
class HtmlRun:
    """One HTML check: what it found; how many files it found, checked and took from the cache."""

    findings: list[PageFinding]
    found: int
    checked: int
    cached: int

    def summary(self) -> str:
        return (
            f"HTML validation: {self.found} file(s) found, {self.checked} checked, "
            f"{self.cached} from cache"
        )


def vnu_commands(files: list[Path], jar: Path, java: str) -> list[list[str]]:
    """vnu runs over the given HTML pages and, separately, the given style sheets.

    CSS is not checked with --also-check-css in an HTML run: in vnu 26.9 that option shifts
    the line numbers of HTML errors one line up. With --css and the files named, both are right.
    """
    java_path = shutil.which(java)
    if java_path is None:
        raise ValidatorUnavailable(java, f"Java ({java!r}) was not found")
    if not jar.is_file():
        raise ValidatorUnavailable(str(jar), "the Nu HTML Checker (vnu.jar) does not exist")
    options = JAVA_OPTIONS + (QUICK_START if len(files) <= QUICK_START_FILES else [])
    base = [java_path, *options, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout"]
    pages = [str(path) for path in files if path.suffix != ".css"]
    sheets = [str(path) for path in files if path.suffix == ".css"]
    commands = [[*base, *pages[start : start + BATCH]] for start in range(0, len(pages), BATCH)]
    if sheets:
        commands.append([*base, "--css", *sheets])
    return commands


def run_vnu(commands: list[list[str]]) -> list[dict]:
    """Run the vnu commands side by side and return all their messages."""
    with ExitStack() as stack:  # closes every pipe and waits for every process
        try:
            processes = [
                stack.enter_context(
                    subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                )
                for command in commands
            ]
        except OSError as error:
            raise ValidatorUnavailable(commands[0][0], f"could not start Java: {error}") from error
        try:
            return [message for process in processes for message in vnu_messages(process)]
        finally:
            for process in processes:
                if process.poll() is None:
                    process.kill()


def vnu_messages(process: subprocess.Popen) -> list[dict]:
    """The messages of one vnu run; anything but a JSON report raises ValidatorFailed."""
    try:
        stdout, stderr_bytes = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as error:
        raise ValidatorFailed("vnu", f"vnu did not finish within {TIMEOUT_SECONDS} s") from error
    stderr = stderr_bytes.decode("utf-8", "replace").strip()
    try:
        messages = json.loads(stdout.decode("utf-8"))["messages"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        output = stderr or stdout.decode("utf-8", "replace").strip()
        raise ValidatorFailed(
            "vnu",
            f"vnu exited with {process.returncode} and wrote no JSON report: {output[-2000:]}",
        ) from error
    if process.returncode not in (0, 1) or (process.returncode == 1 and not messages):
        raise ValidatorFailed("vnu", f"vnu exited with {process.returncode}: {stderr[-2000:]}")
    return messages


def page_of(url: str, site: Path) -> str:
    """'en/about/index.html' for vnu's 'file:/…/site/en/about/index.html'."""
    path = Path(unquote(urlsplit(url).path))
    try:
        return path.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return url  # not under the site (vnu never does this): keep what it said


def is_ignored(text: str) -> bool:
    return any(pattern.search(text) for pattern in IGNORED_MESSAGES)


def highlighted(message: dict) -> str:
    """The markup vnu points at (the highlighted part of its extract), else the whole extract."""
    extract, start, length = (
        message.get("extract", ""),
        message.get("hiliteStart"),
        message.get("hiliteLength"),
    )
    if (
        isinstance(start, int)
        and isinstance(length, int)
        and length > 0
        and extract[start : start + length].strip()
    ):
        return extract[start : start + length]
    return extract


def finding_of(message: dict, page: str) -> PageFinding:
    """One vnu error as a PageFinding: the file, its line, the markup extract as the element."""
    line = message.get("firstLine", message.get("lastLine"))
    column = message.get("firstColumn", message.get("lastColumn"))
    text = message.get("message", "").rstrip(" .") + (f" (column {column})" if column else "")
    css = page.endswith(".css")
    extract = " ".join(highlighted(message).split())
    if len(extract) > EXTRACT_LENGTH:
        extract = extract[: EXTRACT_LENGTH - 1] + "…"
    return PageFinding(
        CHECK,
        page,
        extract,
        text,
        CSS_FIX if css else FIX,
        help_url=CSS_HELP_URL if css else HELP_URL,
        line=line,
    )


def messages_by_file(messages: list[dict], site: Path) -> dict[str, list[dict]]:
    """{file name: its error messages}; a 'non-document-error' (an unreadable file) raises."""
    by_file: dict[str, list[dict]] = {}
    for message in messages:
        kind, text = message.get("type"), message.get("message", "")
        if kind == "non-document-error":
            raise ValidatorFailed(
                message.get("url", "vnu"), f"vnu could not check the file: {text}"
            )
        if kind == "info" or is_ignored(text):  # "info": warnings, which --errors-only leaves out
            continue
        by_file.setdefault(page_of(message.get("url", ""), site), []).append(message)
    return by_file


def _check_files(files: dict[str, Path], site: Path, jar: Path, java: str) -> dict[str, list[dict]]:
    """{name: error messages} for these files, from vnu runs over them (nothing to run: {})."""
    if not files:
        return {}
    by_file = messages_by_file(run_vnu(vnu_commands(list(files.values()), jar, java)), site)
    return {name: by_file.get(name, []) for name in files}


def check_html(
    site: Path,
    jar: Path,
    java: str = "java",
    shard: tuple[int, int] = (1, 1),
    only: str = "*",
    cache_path: Path | None = None,
    recheck: bool = False,
) -> HtmlRun:
    """The Nu HTML Checker's errors in this run's share of the site's pages and style sheets.

    With `cache_path`, a file whose bytes and checker are unchanged is not checked again
    (`recheck` ignores the cache)."""
    if not site.is_dir() or not any(site.rglob("*.html")):
        raise CheckCannotRun(
            site, CHECK, "there are no built HTML pages here", "run `make build` first"
        )
    if not jar.is_file():
        raise ValidatorUnavailable(str(jar), "the Nu HTML Checker (vnu.jar) does not exist")
    files = select_files(
        [p for p in site.rglob("*") if p.suffix in SUFFIXES and p.is_file()], site, shard, only
    )
    checker = file_digest(jar)
    keys = {name: content_key(checker, path.read_bytes()) for name, path in files.items()}
    cache = ResultCache(cache_path) if cache_path else None
    results = (
        {}
        if recheck or cache is None
        else {name: found for name in files if (found := cache.get(name, keys[name])) is not None}
    )
    fresh = _check_files(
        {name: files[name] for name in files if name not in results}, site, jar, java
    )
    if cache is not None and fresh:
        for name, messages in fresh.items():
            cache.put(name, keys[name], messages)
        cache.save()
    results.update(fresh)
    findings = [finding_of(message, name) for name in sorted(results) for message in results[name]]
    return HtmlRun(findings, len(files), len(fresh), len(files) - len(fresh))


def validate(site: Path, jar: Path, java: str = "java") -> list[PageFinding]:
    """Every HTML (and CSS) error the Nu HTML Checker finds in a whole built site, uncached."""
    return check_html(site, jar, java).findings
