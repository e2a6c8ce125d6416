"""Which tests start Chromium: a ChromeDriver process started below this pytest process, by the
test itself, by a fixture it uses, or by a command it runs (`make publish`, the benchmark).

It is seen by looking through /proc while the test runs, four times a second: a ChromeDriver
process lives as long as its browser session, which takes seconds to start and quit (2–3 s here).
conftest.py fails a test that starts one without the `browser` marker."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

DRIVER = "chromedriver"
POLL_SECONDS = 0.25


def _stat(pid: str) -> tuple[str, int] | None:
    """(command name, parent pid) of a process, or None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name, _, rest = text.partition(" (")[2].rpartition(") ")
    return name, int(rest.split()[1])


def drivers_below(root: int) -> set[int]:
    """The pids of the ChromeDriver processes that descend from process `root`."""
    table = {}
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if entry.name.isdigit() and (info := _stat(entry.name)):
                table[int(entry.name)] = info
    found = set()
    for pid, (name, parent) in table.items():
        if name != DRIVER:
            continue
        while parent > 1 and parent != root:
            parent = table.get(parent, ("", 0))[1]
        if parent == root:
            found.add(pid)
    return found


class BrowserWatch:
    """Records every ChromeDriver started below this process between start() and stop()."""

    def __init__(self):
        self.seen: set[int] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.seen = set()
        self._stop.clear()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def stop(self) -> set[int]:
        self._stop.set()
        if self._thread:
            self._thread.join()
        return self.seen

    def _poll(self) -> None:
        root = os.getpid()
        while not self._stop.wait(POLL_SECONDS):
            self.seen |= drivers_below(root)

