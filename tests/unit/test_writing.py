"""content_model.writing: pages written by forked processes side by side, each exactly once,
and an error in any process raised here."""

from __future__ import annotations

import os

import pytest

from content_model import writing


@pytest.fixture
def parallel(monkeypatch):
    """Two processes from 4 items on (the real threshold is hundreds of pages)."""
    monkeypatch.setattr(writing, "PARALLEL_FROM", 4)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def writer(folder):
    def write(item):
        name, _ = item
        with (folder / name).open("a", encoding="utf-8") as file:
            file.write(f"{os.getpid()}\n")
    return write


def test_every_item_is_written_once_and_the_first_of_each_kind_here(tmp_path, parallel):
    items = [(f"page-{n}", "guide" if n % 3 else "news") for n in range(40)]
    writing.write_all(writer(tmp_path), items, kind=lambda item: item[1])
    written = {path.name: path.read_text().split() for path in tmp_path.iterdir()}
    assert sorted(written) == sorted(name for name, _ in items)
    assert all(len(pids) == 1 for pids in written.values()), "a page was written twice"
    here = {name for name, pids in written.items() if pids == [str(os.getpid())]}
    assert {"page-0", "page-1"} <= here  # the first news item and the first guide warm the templates
    assert len(here) < len(items), "no other process wrote anything"


def test_an_error_in_another_process_is_raised_here(tmp_path, parallel):
    def write(item):
        if item == "page-8":  # written by the other process (page-0 warms up here, then every second)
            raise ValueError(f"no such variable in guide.html (process {os.getpid()})")
        (tmp_path / item).write_text("ok", encoding="utf-8")

    with pytest.raises(ValueError, match="no such variable") as raised:
        writing.write_all(write, [f"page-{n}" for n in range(20)])
    assert f"(process {os.getpid()})" not in str(raised.value), "the error was raised in this process, not sent"
