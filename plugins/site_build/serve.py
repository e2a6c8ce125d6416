"""The preview: build, serve, and rebuild only when a source file changes.

Each build runs in its own process into a fresh folder; the server's folder is a symlink that
is switched only after a build succeeds. So while a content mistake stands, the last good
build keeps being served, the mistake is printed once (per change), and nothing spins: the
watcher sleeps until the next change. Fixing the file brings the new build in, no restart.

While a failed build stands, every page the preview serves starts with a notice listing its
problems (added as the page is sent; the built files never hold it), so the person editing
sees in the browser why their change does not show: in the page's language, with the problem
lines themselves (read back from the build's problems file, never parsed from its output) in
English. A port that is taken is one line before anything is built.
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from problems import Problem, ProblemsFound, print_problems, read_problems
from site_settings import load_settings
from sources.messages import N_
from template_env.catalogs import load_all

NOTICE_TITLE = N_("Preview: the last build failed.")
NOTICE_TEXT = N_("You are seeing the last good build. Correct what each line says and save; this page shows "
                 "the new build after the next successful build (reload it).")

SERVE_ROOT = Path(".cache/serve")
WATCHED = ("theme", "plugins", "i18n", "forms")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files only: no directory listings (a folder without index.html is a 404, and the
    site's own 404 page is shown), and no log line per request."""

    def list_directory(self, path):
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format, *args):
        pass


@dataclass
class BuildState:
    """The problems of the latest build, shared by the watcher and the server: empty after a
    build that succeeded (one assignment replaces it; nothing else changes it)."""

    problems: tuple[Problem, ...] = field(default=())


BODY_START = re.compile(rb"<body[^>]*>")
HTML_LANG = re.compile(rb'<html[^>]*\slang="([^"]+)"')


@dataclass(frozen=True)
class NoticeWords:
    """The notice's words in each site language, found by a page's `<html lang>`."""

    by_html_lang: dict[str, tuple[str, str]]  # html lang -> (title, text); the primary language first

    @classmethod
    def of(cls, settings: dict) -> NoticeWords:
        languages = settings["SITE_LANGUAGES"]
        catalogs = load_all(Path(settings["TEMPLATE_ENV_LOCALE_DIR"]), list(languages),
                            settings["TEMPLATE_ENV_SOURCE_LANG"])
        return cls({spec["html_lang"]: (catalogs[lang].gettext(NOTICE_TITLE), catalogs[lang].gettext(NOTICE_TEXT))
                    for lang, spec in languages.items()})

    def notice(self, page: bytes, problems: tuple[Problem, ...]) -> bytes:
        """The preview's notice of a failed build, in the page's language; the problem lines are
        English (as printed), marked so."""
        found = HTML_LANG.search(page)
        primary = next(iter(self.by_html_lang.values()))
        title, text = self.by_html_lang.get(found.group(1).decode(), primary) if found else primary
        items = "".join(f'<li><code lang="en">{html.escape(str(problem))}</code></li>' for problem in problems)
        words = f"<p><strong>{html.escape(title)}</strong> {html.escape(text)}</p>"
        notice = f'<div class="staging-banner" role="alert"><div class="wrap">{words}<ul>{items}</ul></div></div>'
        return notice.encode()


class PreviewHandler(QuietHandler):
    """QuietHandler, with the notice of a failed build at the top of every HTML page."""

    def __init__(self, *args, state: BuildState, words: NoticeWords, **kwargs):
        self.state, self.words = state, words  # before the base class handles the request
        super().__init__(*args, **kwargs)

    def do_GET(self):
        problems = self.state.problems
        page = Path(self.translate_path(self.path))
        if page.is_dir():
            page = page / "index.html"
        if not problems or page.suffix != ".html" or not page.is_file():
            return super().do_GET()
        original = page.read_bytes()
        body = BODY_START.sub(lambda match: match.group(0) + self.words.notice(original, problems), original, count=1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
        return None


def build_into(folder: Path, settings: Path, content: Path) -> tuple[bool, tuple[Problem, ...]]:
    """One build in its own process (so edited plugin code is picked up too); its lines are
    printed. Whether it succeeded, and its problems (from the problems file it writes)."""
    problems_file = folder.with_name(folder.name + ".problems.json")
    command = [sys.executable, "-m", "site_build", "build", "--settings", str(settings), "--content", str(content),
               "--output", str(folder), "--problems-file", str(problems_file)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    sys.stderr.write(result.stderr)
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    problems = read_problems(problems_file)
    problems_file.unlink(missing_ok=True)
    return result.returncode == 0, problems


def switch(current: Path, folder: Path) -> None:
    """Point the served symlink at a new build in one rename, then drop the older builds."""
    link = current.with_name("current.new")
    link.unlink(missing_ok=True)
    link.symlink_to(folder.name)
    link.replace(current)
    for old in current.parent.glob("build-*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)


def watched_paths(settings: Path, content: Path) -> list[Path]:
    return [path for path in (content, settings, *map(Path, WATCHED)) if path.exists()]


def listening(host: str, port: int, handler) -> http.server.ThreadingHTTPServer:
    """The preview's server, bound before anything is built; a port in use is one problem."""
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise ProblemsFound([Problem(f"{host}:{port}", None, "serve", "port-in-use",
                                     f"the preview cannot listen on port {port} ({error.strerror})",
                                     f"stop the program that uses it (another `make serve`?), or choose another "
                                     f"port: make serve PORT={port + 1}")]) from None


def serve(settings: Path, content: Path, output: Path, host: str, port: int) -> int:
    """Serve at http://host:port until interrupted (`output` is unused: the preview has its own)."""
    try:
        words = NoticeWords.of(load_settings(settings, {}))
        state = BuildState()
        current = SERVE_ROOT / "current"
        handler = functools.partial(PreviewHandler, directory=str(current), state=state, words=words)
        server = listening(host, port, handler)
    except ProblemsFound as error:
        return 2 * print_problems(error.problems, "serve")
    SERVE_ROOT.mkdir(parents=True, exist_ok=True)
    generation = 0

    def rebuild() -> None:
        nonlocal generation
        generation += 1
        folder = SERVE_ROOT / f"build-{os.getpid()}-{generation}"
        succeeded, problems = build_into(folder, settings, content)
        state.problems = () if succeeded else (problems or (Problem(str(settings), None, "build", "failed",
                                                                       "the build failed", "see the preview's log"),))
        if succeeded:
            switch(current, folder)
            print(f"serve: http://{host}:{port}/ shows the new build", flush=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)
            kept = "the last good build" if current.exists() else "nothing yet (fix the problem and save)"
            print(f"serve: the build failed; http://{host}:{port}/ keeps serving {kept}", flush=True)

    rebuild()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serve: http://{host}:{port}/ (Ctrl+C to stop); rebuilding when a file changes", flush=True)
    try:
        for _changes in watchfiles.watch(*watched_paths(settings, content), debounce=400, raise_interrupt=False):
            rebuild()
    finally:
        server.shutdown()
    return 0
