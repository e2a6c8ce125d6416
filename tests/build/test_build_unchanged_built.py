"""site_build.unchanged: a build whose inputs are all unchanged keeps the last output; any
changed input (a content file, the date) builds again."""

from __future__ import annotations

from support import build_fixture_copy, copy_fixture_site, edit

KEPT = "nothing has changed since"


def test_a_second_build_with_nothing_changed_keeps_the_output_and_an_edit_builds_again(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    first = build_fixture_copy(site, tmp_path / "out")
    assert first.returncode == 0 and KEPT not in first.log, first.log
    again = build_fixture_copy(site, tmp_path / "out")
    assert again.returncode == 0 and KEPT in again.log, again.log
    edit(site / "content/pages/contact.zh-tw.md", "歡迎來電。", "歡迎來電詢問。")
    edited = build_fixture_copy(site, tmp_path / "out")
    assert edited.returncode == 0 and KEPT not in edited.log, edited.log
    assert "歡迎來電詢問。" in (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")


