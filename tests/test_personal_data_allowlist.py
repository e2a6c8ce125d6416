"""The allow-list file: the real one loads; each kind of mistake is a Problem naming line and entry."""

import datetime
import re

import pytest

from personal_data import ALLOWLIST_FILE, AllowList, AllowListError, Kind, find, load_allowlist
from support import ROOT

TODAY = datetime.date(2026, 11, 30)


def load(tmp_path, text, today=TODAY):
    path = tmp_path / "allow.toml"
    path.write_text(text, encoding="utf-8")
    return load_allowlist(path, today)


def problems(tmp_path, text):
    with pytest.raises(AllowListError) as caught:
        load(tmp_path, text)
    return caught.value.problems


def test_the_real_allowlist_loads_and_allows_the_sample_id_with_its_reason():
    allowlist = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date.today())
    [sample] = [a for a in allowlist.allowances if a.key == "A123456789"]
    assert sample.kind is Kind.NATIONAL_ID and "sample" in sample.reason and "not verified" in sample.reason
    assert allowlist.allows(find("A123456789")[0])
    assert allowlist.office_domains == ()  # the office's address is not confirmed yet


def test_values_compare_in_canonical_form(tmp_path):
    allowlist = load(tmp_path, 'office_domains = ["Office.Example.gov.tw"]\n'
                               '[[allow]]\nvalue = "0912-345-678"\nreason = "the office\'s LINE service phone"\n'
                               '[[allow]]\nvalue = "Person@Mail.TW"\nreason = "r"\nexpires = 2026-11-30\n'
                               '[[allow]]\nvalue = "hd12345678"\nreason = "r"\n')
    text = "+886 912 345 678, person@mail.tw, HD12345678, 0912-345-679, other@mail.tw"
    assert [hit.masked for hit in find(text) if not allowlist.allows(hit)] == ["091****679", "o****@mail.tw"]
    assert allowlist.office_domains == ("office.example.gov.tw",)


def test_an_empty_file_and_an_empty_allowlist_allow_nothing(tmp_path):
    assert load(tmp_path, "") == AllowList()
    assert not AllowList().allows(find("A123456789")[0])


@pytest.mark.parametrize("text, line, message", [
    ('[[allow]]\nvalue = "A123456789"\n', 1, r"entry 1 \(A12\*\*\*\*789\): `reason` is missing"),
    ('[[allow]]\nvalue = "A123456789"\nreason = "  "\n', 3, r"entry 1 .*`reason`: string should match"),
    ('[[allow]]\nvalue = "A123456789"\nreason = "r"\nreson = "x"\n', 4, r"entry 1 .*unknown key `reson`"),
    ('[[allow]]\nreason = "r"\n', 1, r"entry 1: `value` is missing"),
    ('[[allow]]\nvalue = 912345678\nreason = "r"\n', 2, r"entry 1: `value`: input should be a valid string"),
    ('[[allow]]\nvalue = "A123456789"\nreason = "r"\nexpires = "soon"\n', 4, r"`expires`: input should be"),
    ('\n[[allow]]\nvalue = "A123456789"\nreason = "r"\n[[allow]]\nvalue = "A123456788"\nreason = "r"\n', 6,
     r"entry 2 \(A12\*\*\*\*788\) is not one ID number.*check digit is wrong"),
    ('[[allow]]\nvalue = "A123456789 0912345678"\nreason = "r"\n', 2, r"entry 1 .* is not one ID number"),
    ('[[allow]]\nvalue = "name@example.com"\nreason = "r"\n', 2, r"would never be flagged"),
    ('[[allow]]\nvalue = "A123456789"\nreason = "r"\nexpires = 2026-11-29\n', 4,
     r"entry 1 \(A12\*\*\*\*789\) expired on 2026-11-29"),
    ('office_domains = ["@office.gov.tw"]\n', 1, r"office_domains: '@office.gov.tw' is not a domain name"),
    ('office_domain = []\n', 1, r"office_domain: unknown key `office_domain`"),
    ('[allow]\nvalue = "A123456789"\n', 1, r"allow: `allow`: input should be a valid list"),
])
def test_each_malformed_entry_is_a_problem_with_its_line(tmp_path, text, line, message):
    [problem] = problems(tmp_path, text)
    assert (problem.path.endswith("allow.toml"), problem.line, problem.stage, problem.rule) == (
        True, line, "personal-data", "allowlist")
    assert re.search(message, problem.message), problem.message
    assert problem.fix


def test_every_problem_in_the_file_is_reported_and_none_shows_a_value(tmp_path):
    found = problems(tmp_path, '[[allow]]\nvalue = "A123456788"\nreason = "r"\n'
                               '[[allow]]\nvalue = "0912345678"\nreason = "r"\nexpires = 2020-01-01\n')
    assert [p.line for p in found] == [2, 7]
    assert not any(secret in str(p) for p in found for secret in ("A123456788", "0912345678"))


def test_a_file_that_is_missing_or_not_toml_is_a_problem(tmp_path):
    with pytest.raises(AllowListError, match="missing"):
        load_allowlist(tmp_path / "nope.toml", TODAY)
    [problem] = problems(tmp_path, '# comment\n[[allow]\nvalue = "x"\n')
    assert "not valid TOML" in problem.message and problem.line == 2
