"""The preview: build, serve, and rebuild only when a source file changes.

Each build runs in its own process into a fresh folder; the server's folder is a symlink that
is switched only after a build succeeds. So while a content mistake stands, the last good
build keeps being served, the mistake is printed once (per change), and nothing spins: the
watcher sleeps until the next change. Fixing the file brings the new build in, no restart.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import watchfiles

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


def build_into(folder: Path, settings: Path, content: Path) -> bool:
    """One build in its own process (so edited plugin code is picked up too); its lines are printed."""
    command = [sys.executable, "-m", "site_build", "build", "--settings", str(settings), "--content", str(content),
               "--output", str(folder)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, env=env).returncode == 0


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


def serve(settings: Path, content: Path, output: Path, host: str, port: int) -> int:
    """Serve at http://host:port until interrupted (`output` is unused: the preview has its own)."""
    SERVE_ROOT.mkdir(parents=True, exist_ok=True)
    current = SERVE_ROOT / "current"
    generation = 0

    def rebuild() -> None:
        nonlocal generation
        generation += 1
        folder = SERVE_ROOT / f"build-{os.getpid()}-{generation}"
        if build_into(folder, settings, content):
            switch(current, folder)
            print(f"serve: http://{host}:{port}/ shows the new build", flush=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)
            kept = "the last good build" if current.exists() else "nothing yet (fix the problem and save)"
            print(f"serve: the build failed; http://{host}:{port}/ keeps serving {kept}", flush=True)

    rebuild()
    handler = functools.partial(QuietHandler, directory=str(current))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serve: http://{host}:{port}/ (Ctrl+C to stop); rebuilding when a file changes", flush=True)
    try:
        for _changes in watchfiles.watch(*watched_paths(settings, content), debounce=400, raise_interrupt=False):
            rebuild()
    finally:
        server.shutdown()
    return 0
