"""site_build.unchanged: a build whose inputs are all unchanged keeps the last output; any
changed input (a content file, the date) builds again."""

from __future__ import annotations

import datetime

from site_build import unchanged


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
