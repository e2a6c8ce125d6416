"""scan_text / scan_file / scan_tree and the command line, on Markdown, YAML headers and data files."""

import datetime
import time

import pytest

from personal_data import ALLOWLIST_FILE, AllowList, load_allowlist, scan_file, scan_text, scan_tree
from personal_data.__main__ import main
from support import ROOT

PLANTED = {  # value as written → (rule, masked)
    "F131104093": ("national-id", "F13****093"),
    "A800000014": ("resident-id", "A80****014"),
    "AA00000009": ("resident-id", "AA0****009"),
    "0912-345-678": ("mobile", "091****678"),
    "wang.da-ming@mail.tw": ("email", "w****@mail.tw"),
}
MARKDOWN = """---
title: 範例頁
contact: 0912-345-678
applicant: {{id: F131104093}}
---
# 範例

居留證 A800000014，舊式統一證號 AA00000009。
Ask wang.da-ming@mail.tw, or use the sample A123456789; A123456788 has a wrong check digit.
Our office: 04-2635-1234, {office}.
"""


def write(folder, name, text, encoding="utf-8"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture(scope="module")
def allowlist() -> AllowList:
    """The real allow-list, plus an office domain as it will be once the office confirms its address."""
    real = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date.today())
    return AllowList(("office.example.gov.tw",), real.allowances)


def test_planted_values_in_the_header_and_body_are_caught_on_their_lines(tmp_path, allowlist):
    page = write(tmp_path, "page.md", MARKDOWN.format(office="service@office.example.gov.tw"))
    problems = scan_file(page, allowlist)
    assert [(p.line, p.rule, p.message.split(": ")[-1].split(" (")[0]) for p in problems] == [
        (3, "mobile", "091****678"), (4, "national-id", "F13****093"), (8, "resident-id", "A80****014"),
        (8, "resident-id", "AA0****009"), (9, "email", "w****@mail.tw")]
    assert all(p.stage == "personal-data" and p.path.endswith("page.md") for p in problems)
    assert all("Fix: remove it, or replace it with a fictitious value" in str(p) for p in problems)


def test_no_message_ever_shows_a_planted_value_in_full(tmp_path, allowlist):
    page = write(tmp_path, "page.md", MARKDOWN.format(office="x"))
    output = "\n".join(str(p) for p in scan_file(page, allowlist))
    for value, (rule, masked) in PLANTED.items():
        assert f"[{rule}]" in output and masked in output
        assert value not in output and value.replace("-", "") not in output


def test_an_allow_listed_value_passes_and_the_rest_are_still_caught(tmp_path, allowlist):
    allowed = write(tmp_path, "allow.toml", '[[allow]]\nvalue = "+886 912 345 678"\nreason = "r"\n')
    text = "a: 0912-345-678\nb: 0912-345-679\nc: A123456789\n"
    assert [p.line for p in scan_text("x.md", text, load_allowlist(allowed, datetime.date.today()))] == [2, 3]
    assert [p.line for p in scan_text("x.md", text, allowlist)] == [1, 2]


def test_a_value_taken_out_of_a_file_is_reported_at_its_file_line(allowlist):
    [problem] = scan_text("forms/x/form.yaml", "王小明\n0912 345 678", allowlist, first_line=41)
    assert (problem.path, problem.line, problem.rule) == ("forms/x/form.yaml", 42, "mobile")


@pytest.mark.parametrize("name, text, encoding", [
    ("list.csv", "\ufeff名稱,電話\n王小明,0912345678\n", "utf-8"),
    ("list.json", '{\n  "phone": "+886-912-345-678"\n}\n', "utf-8"),
    ("form.yaml", "fields:\n  - example: '0912 345 678'\n", "utf-8"),
    ("notes.txt", "\n0912.345.678\n", "utf-8"),
])
def test_data_files_are_scanned_as_text(tmp_path, allowlist, name, text, encoding):
    [problem] = scan_file(write(tmp_path, name, text, encoding), allowlist)
    assert (problem.rule, problem.line) == ("mobile", 2)


def test_a_text_file_that_is_not_utf8_fails_with_its_line(tmp_path, allowlist):
    path = tmp_path / "big5.csv"
    path.write_bytes(b"name\n" + "王小明".encode("big5"))
    [problem] = scan_file(path, allowlist)
    assert (problem.rule, problem.line) == ("unreadable", 2) and "not UTF-8" in problem.message


def test_a_tree_scan_reads_every_file_skips_images_and_hidden_files_and_fails_unknown_types(tmp_path, allowlist):
    write(tmp_path, "pages/a.md", "0912345678\n")
    write(tmp_path, "pages/b.md", "clean\n")
    write(tmp_path, ".git/config", "0912345678\n")
    write(tmp_path, "pages/.notes.md", "0912345678\n")
    (tmp_path / "images").mkdir()
    (tmp_path / "images/photo.png").write_bytes(b"\x89PNG A123456788 0912345678")
    (tmp_path / "files").mkdir()
    (tmp_path / "files/table.xlsx").write_bytes(b"PK")
    problems = scan_tree(tmp_path, allowlist)
    assert [(p.path.rsplit("/", 2)[-2:], p.rule) for p in problems] == [
        (["files", "table.xlsx"], "unreadable"), (["pages", "a.md"], "mobile")]


def test_the_command_line_prints_one_masked_line_per_problem_and_exits_1(tmp_path, capsys):
    write(tmp_path, "content/page.md", MARKDOWN.format(office="x"))
    assert main([str(tmp_path / "content"), "--allowlist", str(ROOT / ALLOWLIST_FILE)]) == 1
    out = capsys.readouterr().out
    assert out.count("personal-data [") == 5 and "personal data: 5 problem(s) in 1 file(s)" in out
    assert not any(value in out for value in PLANTED)


def test_the_command_line_exits_2_on_a_bad_allowlist_and_0_when_clean(tmp_path, capsys):
    clean = write(tmp_path, "clean/page.md", "nothing personal\n")
    bad = write(tmp_path, "bad.toml", '[[allow]]\nvalue = "A123456789"\n')
    assert main([str(clean), "--allowlist", str(bad)]) == 2
    assert "bad.toml:1: personal-data [allowlist]" in capsys.readouterr().out
    assert main([str(clean), "--allowlist", str(ROOT / ALLOWLIST_FILE)]) == 0
    assert main([str(tmp_path / "missing"), "--allowlist", str(ROOT / ALLOWLIST_FILE)]) == 2


def test_the_real_content_has_no_personal_data_and_scans_quickly(allowlist):
    started = time.perf_counter()
    problems = scan_tree(ROOT / "content", allowlist)
    seconds = time.perf_counter() - started
    print(f"\nscanned content/ in {seconds:.3f} s")
    assert problems == []
    assert seconds < 5, "the guard runs in every build; it must stay fast"
