"""Headless Debian Chromium, and a local HTTP server for a built site (audit and tests).

Pages are opened over HTTP, never file://, so root-relative CSS loads as it will live.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--hide-scrollbars",
]


@contextlib.contextmanager
def serve(directory: Path, base_path: str = ""):
    """Serve a folder on 127.0.0.1 at a free port in its own process; yields the base URL.

    With `base_path` ('/longjing') the folder is served under that sub-path, as the site is
    published. A separate process keeps the server off the audit's interpreter lock."""
    if base_path:
        with tempfile.TemporaryDirectory(prefix="serve-") as root:
            mount = Path(root, *base_path.strip("/").split("/"))
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(Path(directory).resolve(), target_is_directory=True)
            with serve(Path(root)) as base:
                yield base + base_path
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for_port(port: int, server: subprocess.Popen, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the local web server stopped (exit {server.returncode})")
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", port), timeout=0.2),
        ):
            return
        time.sleep(0.05)
    raise RuntimeError(f"the local web server did not answer on port {port}")


def browser_missing(binary: str = CHROMIUM) -> str | None:
    """Why Chromium cannot run here, or None. Callers fail on this; they never skip."""
    for path in (binary, CHROMEDRIVER):
        if not Path(path).exists():
            return (f"{path} is missing. Fix: run `make test-deps` "
                    "(apt-get install chromium chromium-driver).")
    return None


class BrowserUnavailable(RuntimeError):
    """Chromium or ChromeDriver is missing, so nothing can be opened in a browser."""


@contextlib.contextmanager
def chromium(
    width: int = 1280,
    height: int = 900,
    preload_script: str | None = None,
    binary: str = CHROMIUM,
    console_log: bool = False,
    network_log: bool = False,
):
    """One headless Chromium with its own temporary profile, removed afterwards.

    `preload_script` is evaluated in every document before the page's own scripts (CDP),
    so a large script such as axe-core is sent to the browser once, not once per page.
    `console_log` keeps the console's messages for `driver.get_log("browser")`;
    `network_log` keeps the DevTools network events (`Network.requestWillBeSent`…) for
    `driver.get_log("performance")`: every request the page makes, to any host."""
    problem = browser_missing(binary)
    if problem:
        raise BrowserUnavailable(problem)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    logs = {**({"browser": "ALL"} if console_log else {}), **({"performance": "ALL"} if network_log else {})}
    if logs:
        options.set_capability("goog:loggingPrefs", logs)
    if network_log:
        options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    try:
        if preload_script:
            driver.execute_cdp_cmd(
                "Page.addScriptToEvaluateOnNewDocument", {"source": preload_script}
            )
        yield driver
    finally:
        driver.quit()
        stop_leftovers(profile)
        shutil.rmtree(profile, ignore_errors=True)


def _processes() -> dict[int, tuple[int, bytes]]:
    """{pid: (parent pid, command line)} of every process (Linux /proc)."""
    table = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            parent = int((entry / "stat").read_text().rpartition(") ")[2].split()[1])
            table[int(entry.name)] = (parent, (entry / "cmdline").read_bytes())
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
    return table


def stop_leftovers(profile: str) -> list[int]:
    """Kill a Chromium still running on `profile`, with its helper processes: what is left when
    ChromeDriver died under it (quit() reaches the browser only through the driver). Returns the
    pids killed."""
    table = _processes()
    marker = f"--user-data-dir={profile}".encode()
    doomed = {pid for pid, (_, command) in table.items() if marker in command.split(b"\0")}
    frontier = set(doomed)
    while frontier:
        frontier = {pid for pid, (parent, _) in table.items() if parent in frontier} - doomed
        doomed |= frontier
    for pid in doomed:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    return sorted(doomed)


def set_viewport(driver, width: int, height: int) -> None:
    """Emulate a viewport of exactly this CSS size (headless windows are at least 500 px wide)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
