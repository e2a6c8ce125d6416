"""content_model.prepare: each Markdown file rendered and linted once, then taken from the cache
until its bytes (or what else shapes it) change; many files are done by forked processes, in
order."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest
from markupsafe import Markup

from content_model import prepare as prep


def entry(path: str, text: str):
    return SimpleNamespace(path=path, folder="news", kind=SimpleNamespace(name="news"),
                           source=SimpleNamespace(text=text))


def render(entry) -> prep.Prepared:
    """A stand-in for rendering and lint: the result shows which text and which process made it."""
    return prep.Prepared({"title": entry.source.text.upper()}, Markup(f"<p>{entry.source.text}</p>"),
                         (os.getpid(),))


def entries(count: int) -> list:
    return [entry(f"content/news/item-{n}.md", f"item {n}") for n in range(count)]


def test_a_second_build_takes_every_file_from_the_cache(tmp_path):
    items = entries(5)
    first, fresh = prep.prepare(render, items, prep.PreparedCache(str(tmp_path), "build-a"))
    assert fresh == 5 and [p.fields["title"] for p in first] == [f"ITEM {n}" for n in range(5)]
    again, fresh = prep.prepare(render, items, prep.PreparedCache(str(tmp_path), "build-a"))
    assert fresh == 0 and again == first


def test_only_the_changed_file_is_done_again(tmp_path):
    items = entries(5)
    prep.prepare(render, items, prep.PreparedCache(str(tmp_path), "build-a"))
    items[3] = entry(items[3].path, "item 3, edited")
    done, fresh = prep.prepare(render, items, prep.PreparedCache(str(tmp_path), "build-a"))
    assert fresh == 1 and done[3].content == Markup("<p>item 3, edited</p>")


def test_a_change_to_what_shapes_every_file_empties_the_cache(tmp_path):
    items = entries(3)
    prep.prepare(render, items, prep.PreparedCache(str(tmp_path), "build-a"))
    _, fresh = prep.prepare(render, items, prep.PreparedCache(str(tmp_path), "build-b"))
    assert fresh == 3
    assert [path.name for path in tmp_path.glob("items-*.pickle")] == ["items-build-b.pickle"]


def test_a_damaged_cache_is_ignored(tmp_path):
    items = entries(2)
    cache = prep.PreparedCache(str(tmp_path), "build-a")
    prep.prepare(render, items, cache)
    cache.path.write_bytes(b"not a pickle")
    _, fresh = prep.prepare(render, items, prep.PreparedCache(str(tmp_path), "build-a"))
    assert fresh == 2


def test_many_files_are_done_by_other_processes_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    items = entries(prep.PARALLEL_FROM * 2)
    done, fresh = prep.prepare(render, items, prep.PreparedCache("", "build-a"))
    assert fresh == len(items)
    assert [p.content for p in done] == [Markup(f"<p>item {n}</p>") for n in range(len(items))]
    assert os.getpid() not in {p.problems[0] for p in done}, "the files were done in this process"


@pytest.mark.parametrize("count", [1, prep.PARALLEL_FROM - 1])
def test_few_files_are_done_here(count, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    done, _ = prep.prepare(render, entries(count), prep.PreparedCache("", "build-a"))
    assert {p.problems[0] for p in done} == {os.getpid()}
