"""HTML validation: the Nu HTML Checker (vnu.jar), run once over the whole built site.

One vnu run checks every HTML page; a second one, side by side, checks the site's CSS files.
Each error becomes a Finding; a missing checker or a crash raises, never passes as "no errors".
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .findings import Finding

CHECK = "html"
HELP_URL = "https://html.spec.whatwg.org/multipage/"
FIX = "Correct the markup in the template or Markdown that produces this line."
CSS_HELP_URL = "https://www.w3.org/Style/CSS/specs.en.html"
CSS_FIX = "Correct this rule in the style sheet (theme/static/css)."
INSTALL_HINT = ("Install the checker's tools: `make test-deps` (Java, from Debian's "
                "default-jre-headless) and `npm ci` (vnu-jar, pinned in package.json).")
# vnu messages that are not errors of ours, each with the reason. Empty: nothing is ignored.
# Add a compiled pattern only with a comment saying why; tests/test_html_validate.py pins this.
IGNORED_MESSAGES: tuple[re.Pattern[str], ...] = ()
TIMEOUT_SECONDS = 600  # per run; the whole real site takes a few seconds
EXTRACT_LENGTH = 80


class ValidatorUnavailable(RuntimeError):
    """Java or vnu.jar is missing, so the site cannot be validated."""


class ValidatorFailed(RuntimeError):
    """vnu ran but did not report results (it crashed, timed out or wrote no JSON)."""


def vnu_commands(site: Path, jar: Path, java: str) -> list[list[str]]:
    """One vnu run over every HTML page of the site and, if there are any, one over its CSS.

    CSS is not checked with --also-check-css in the HTML run: in vnu 26.9 that option shifts
    the line numbers of HTML errors one line up. With --css and the files named, both are right.
    """
    java_path = shutil.which(java)
    if java_path is None:
        raise ValidatorUnavailable(f"Java ({java!r}) was not found. {INSTALL_HINT}")
    if not jar.is_file():
        raise ValidatorUnavailable(f"The Nu HTML Checker {jar} does not exist. {INSTALL_HINT}")
    base = [java_path, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout"]
    commands = [[*base, "--skip-non-html", str(site)]]
    stylesheets = sorted(str(path) for path in site.rglob("*.css"))
    if stylesheets:
        commands.append([*base, "--css", *stylesheets])
    return commands


def run_vnu(commands: list[list[str]]) -> list[dict]:
    """Run the vnu commands side by side and return all their messages."""
    with ExitStack() as stack:  # closes every pipe and waits for every process
        try:
            processes = [stack.enter_context(subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)) for command in commands]
        except OSError as error:
            raise ValidatorUnavailable(
                f"Could not start {commands[0][0]}: {error}. {INSTALL_HINT}") from error
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
        raise ValidatorFailed(f"vnu did not finish within {TIMEOUT_SECONDS} s") from error
    stderr = stderr_bytes.decode("utf-8", "replace").strip()
    try:
        messages = json.loads(stdout.decode("utf-8"))["messages"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        output = stderr or stdout.decode("utf-8", "replace").strip()
        raise ValidatorFailed(f"vnu exited with {process.returncode} and wrote no JSON report: "
                              f"{output[-2000:]}") from error
    if process.returncode not in (0, 1) or (process.returncode == 1 and not messages):
        raise ValidatorFailed(f"vnu exited with {process.returncode}: {stderr[-2000:]}")
    return messages


def page_of(url: str, site: Path) -> str:
    """'en/about/index.html' for vnu's 'file:/…/site/en/about/index.html'."""
    path = Path(unquote(urlsplit(url).path))
    try:
        return path.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return url  # not under the site (vnu never does this): keep what it said


def element_of(message: dict) -> str:
    """'line L, column C: <extract>', the extract trimmed to one short line."""
    line = message.get("firstLine", message.get("lastLine", "?"))
    column = message.get("firstColumn", message.get("lastColumn", "?"))
    extract = " ".join(message.get("extract", "").split())
    if len(extract) > EXTRACT_LENGTH:
        extract = extract[: EXTRACT_LENGTH - 1] + "…"
    return f"line {line}, column {column}: {extract}"


def is_ignored(text: str) -> bool:
    return any(pattern.search(text) for pattern in IGNORED_MESSAGES)


def findings_of(messages: list[dict], site: Path) -> list[Finding]:
    """One Finding per vnu error; a 'non-document-error' (e.g. an unreadable file) raises."""
    findings = []
    for message in messages:
        kind, text = message.get("type"), message.get("message", "")
        if kind == "non-document-error":
            raise ValidatorFailed(f"vnu could not check {message.get('url', 'a file')}: {text}")
        if kind == "info" or is_ignored(text):  # "info": warnings, which --errors-only leaves out
            continue
        page = page_of(message.get("url", ""), site)
        css = page.endswith(".css")
        findings.append(Finding(CHECK, page, element_of(message), text, CSS_FIX if css else FIX,
                                rule="", help_url=CSS_HELP_URL if css else HELP_URL))
    return findings


def validate(site: Path, jar: Path, java: str = "java") -> list[Finding]:
    """Every HTML (and CSS) error the Nu HTML Checker finds in a built site."""
    if not site.is_dir() or not any(site.rglob("*.html")):
        raise FileNotFoundError(f"no built HTML pages under {site}: run `make build` first")
    return findings_of(run_vnu(vnu_commands(site, jar, java)), site)
