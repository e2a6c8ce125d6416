"""`make serve`: while a content mistake stands, the last good build is served, the mistake is
printed once, the preview sleeps (no rebuild loop), and fixing the file brings the change in."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from support import ROOT, copy_fixture_site, fixture_settings

TICKS = os.sysconf("SC_CLK_TCK")


class Preview:
    """`python -m site_build serve` on a fixture copy, its printed lines collected."""

    def __init__(self, site):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "site_build", "serve", "--settings", str(fixture_settings(site)),
             "--content", str(site / "content"), "--port", str(self.port)],
            cwd=site, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, count: int = 1, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while sum(text in line for line in self.lines) < count:
            assert time.monotonic() < deadline, f"{text!r} not printed {count}x:\n" + "\n".join(self.lines)
            time.sleep(0.1)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def preview(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    running = Preview(site)
    running.site = site
    yield running
    running.stop()


def test_a_broken_file_keeps_the_last_good_build_served_and_the_preview_idle(preview):
    preview.wait_for("shows the new build")
    assert preview.get("/guides/birth/")[0] == 200
    guide = preview.site / "content/guides/birth.zh-tw.md"
    good = guide.read_text(encoding="utf-8")
    guide.write_text(good.replace("reviewed: 2026-11-21", "reviewed: 2026-13-45"), encoding="utf-8")
    preview.wait_for("the build failed")
    assert any("content/guides/birth.zh-tw.md:7: header [invalid-value]" in line for line in preview.lines)
    status, page = preview.get("/guides/birth/")
    assert status == 200 and "出生登記" in page
    notice = page.split("<body", 1)[1].split("</div></div>", 1)[0]
    assert 'role="alert"' in notice and "預覽：最近一次建置失敗。" in notice, notice  # in the page's language
    assert '<code lang="en">content/guides/birth.zh-tw.md:7: header [invalid-value]' in notice, notice
    assert "Preview: the last build failed." in preview.get("/en/")[1]
    before = preview.cpu_seconds()
    time.sleep(3)
    assert preview.cpu_seconds() - before < 0.3, "the preview is busy while nothing changes"
    assert sum("the build failed" in line for line in preview.lines) == 1, "the error was printed again"
    guide.write_text(good.replace("summary: 出生後60日內辦理。", "summary: 出生後六十日內辦理。"), encoding="utf-8")
    preview.wait_for("shows the new build", count=2)
    page = preview.get("/guides/birth/")[1]
    assert "出生後六十日內辦理" in page and "Preview: the last build failed." not in page


def test_no_directory_listing_and_the_site_s_own_404(preview):
    preview.wait_for("shows the new build")
    status, page = preview.get("/theme/")
    assert status == 404 and "Directory listing" not in page and "找不到網頁" in page


def test_a_port_in_use_is_one_line_before_anything_is_built(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "site_build", "serve", "--settings", str(fixture_settings(site)),
             "--content", str(site / "content"), "--port", str(port)],
            cwd=site, capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr, result.stderr
    [line] = [line for line in result.stdout.splitlines() if " Fix: " in line]
    assert line.startswith(f"127.0.0.1:{port}: serve [port-in-use]: the preview cannot listen on port {port}")
    assert line.endswith(f"make serve PORT={port + 1}")
    assert "build:" not in result.stdout + result.stderr, "it built before finding the port taken"
