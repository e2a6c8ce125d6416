"""site_build.unchanged: a build whose inputs are all unchanged keeps the last output; any
changed input (a content file, the date) builds again."""

from __future__ import annotations

import datetime

from site_build import unchanged
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


def test_the_next_day_is_a_changed_input(tmp_path, monkeypatch):
    """The checks read the date (an expired allow-list entry must stop tomorrow's build)."""
    settings = tmp_path / "conf.py"
    settings.write_text("", encoding="utf-8")
    today = unchanged.inputs_fingerprint({}, settings)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return tomorrow

    monkeypatch.setattr(unchanged.datetime, "date", Tomorrow)
    assert unchanged.inputs_fingerprint({}, settings) != today
