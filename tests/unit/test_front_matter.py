"""sources.front_matter: reading a content file, with the line of every header key."""

from __future__ import annotations

import pytest

from sources.front_matter import SourceError, read_source


def write(tmp_path, text: str | bytes, name="page.zh-tw.md"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def error_of(path) -> str:
    with pytest.raises(SourceError) as raised:
        read_source(path)
    return str(raised.value)


def test_header_values_are_text_and_lines_are_remembered(tmp_path):
    source = read_source(write(tmp_path, "---\ntitle: 關於\nnav: 2\nurgent: yes\nfees:\n  - item: a\n"
                                         "    amount: 15\n---\n## 本文\n"))
    assert source.header == {"title": "關於", "nav": "2", "urgent": "yes", "fees": [{"item": "a", "amount": "15"}]}
    assert source.line_of(("nav",)) == 3 and source.line_of(("fees", 0, "amount")) == 7
    assert source.line_of(("fees", 3, "nope")) == 5  # the closest known parent
    assert source.body == "## 本文\n" and source.body_line == 9


def test_a_byte_order_mark_is_ignored(tmp_path):
    assert read_source(write(tmp_path, "\ufeff---\ntitle: a\n---\n")).header == {"title": "a"}


def test_big5_names_the_file_the_line_and_the_fix(tmp_path):
    path = write(tmp_path, "---\ntitle: ok\n---\n出生登記\n".encode("big5"))
    message = error_of(path)
    assert message.startswith(f"{path.as_posix()}:4: header [encoding]: the file is not UTF-8 text")
    assert "Fix: save the file as UTF-8" in message


@pytest.mark.parametrize("text, line, rule", [
    ("title: a\n", 1, "front-matter"),
    ("---\ntitle: a\n", 1, "front-matter"),
    ("---\ntitle: a\ntitle: b\n---\n", 3, "duplicate-key"),
    ("---\ntitle: a\n  slug: : b\n---\n", 3, "yaml"),
    ("---\n- a\n- b\n---\n", 2, "front-matter"),
])
def test_an_unreadable_header_is_one_problem_with_its_line(tmp_path, text, line, rule):
    path = write(tmp_path, text)
    assert error_of(path).startswith(f"{path.as_posix()}:{line}: header [{rule}]: ")


@pytest.mark.parametrize("text, line, bracket", [
    ("title: t\nlabel: {zh-tw: 姓名, en: Name\nhelp: x\nmore: y\n", 2, "{"),
    ("title: t\ntags: [a, b\nhelp: x\n", 2, "["),
])
def test_a_bracket_left_open_is_reported_where_it_was_opened(text, line, bracket):
    from sources.front_matter import SourceError, load_yaml

    with pytest.raises(SourceError) as caught:
        load_yaml("form.yaml", text, stage="forms")
    problem = caught.value.problem
    assert (problem.line, problem.stage, problem.rule) == (line, "forms", "yaml")
    assert f"a `{bracket}` on this line is not closed" in problem.message
