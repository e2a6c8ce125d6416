"""Headless Debian Chromium, and a local HTTP server for a built site (audit and tests).

Pages are opened over HTTP, never file://, so root-relative CSS loads as it will live.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic", "--hide-scrollbars",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test output stays readable
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a folder on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class BrowserUnavailable(Exception):
    """Chromium or ChromeDriver is not installed."""


def browser_missing() -> str | None:
    """Why Chromium cannot run here, or None. Callers fail on this; they never skip."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} is missing. Fix: run `make test-deps` (apt-get install chromium chromium-driver)."
    return None


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 900, preload_script: str | None = None):
    """One headless Chromium with its own temporary profile, removed afterwards.

    `preload_script` is evaluated in every document before the page's own scripts (CDP),
    so a large script such as axe-core is sent to the browser once, not once per page."""
    problem = browser_missing()
    if problem:
        raise BrowserUnavailable(problem)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        if preload_script:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": preload_script})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def set_viewport(driver, width: int, height: int) -> None:
    """Emulate a viewport of exactly this CSS size (headless windows are at least 500 px wide)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
