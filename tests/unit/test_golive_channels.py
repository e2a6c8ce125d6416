"""The go-live gate refuses every channel the office has not confirmed: the director's mailbox,
the city's opinion mailbox, the 1999 hotline, online appointments, surveys and the reply time
each give their own line, at their table in content/office.toml, as the contact details do."""

from office_data.office_data import load
from site_publish.golive import office_problems
from support import ROOT

LANGS = ["zh-tw", "en"]
OFFICE = ROOT / "content/office.toml"
CHANNELS = ("director_email", "city_mailbox", "citizen_hotline", "appointments", "surveys", "reply_time")


def test_every_unverified_channel_is_refused_at_its_line():
    problems = office_problems(OFFICE, LANGS)
    lines = OFFICE.read_text(encoding="utf-8").splitlines()
    refused = {}
    for problem in problems:
        assert (problem.stage, problem.rule) == ("go-live", "unverified")
        field = lines[problem.line - 1].strip("[]")
        refused[field] = str(problem)
    assert set(refused) == set(load(OFFICE, LANGS).unverified())
    for field in CHANNELS:
        assert f"[{field}] is not confirmed by the office" in refused[field]


def test_a_confirmed_channel_is_no_longer_refused(tmp_path):
    text = OFFICE.read_text(encoding="utf-8")
    start = text.index("[city_mailbox]")
    end = text.index("\n[", start + 1)
    confirmed = ('[city_mailbox]\nzh-tw = "臺中市政府民意信箱"\nen = "Opinion mailbox"\n'
                 'url = "https://mailbox.example.gov.tw/"\n')
    planted = tmp_path / "office.toml"
    planted.write_text(text[:start] + confirmed + text[end:], encoding="utf-8")
    fields = {str(problem).split("[", 2)[2].split("]")[0] for problem in office_problems(planted, LANGS)}
    assert "city_mailbox" not in fields and "director_email" in fields
