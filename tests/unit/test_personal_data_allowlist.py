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


@pytest.mark.parametrize("text, line, message, fix", [
    ('[[allow]]\nvalue = "A123456789"\n', 1, r"entry 1 \(A12\*\*\*\*789\): `reason` is missing",
     "add a sentence saying why this value may be published: reason = "),
    ('[[allow]]\nvalue = "A123456789"\nreason = "  "\n', 3, r"entry 1 .*`reason`: the value is not written in the form",
     "write a sentence saying why"),
    ('[[allow]]\nvalue = "A123456789"\nreason = "r"\nreson = "x"\n', 4, r"entry 1 .*unknown key `reson`",
     "remove it or correct its spelling; the keys accepted here are: value, reason, expires"),
    ('[[allow]]\nreason = "r"\n', 1, r"entry 1: `value` is missing", 'add the exact value, in quotes: value = '),
    ('[[allow]]\nvalue = 912345678\nreason = "r"\n', 2, r"entry 1: `value`: input should be a valid string",
     'write the exact value, in quotes: value = "A123456789"'),
    ('[[allow]]\nvalue = "A123456789"\nreason = "r"\nexpires = "soon"\n', 4, r"`expires`: input should be",
     "write a date without quotes, like expires = 2027-12-31"),
    ('\n[[allow]]\nvalue = "A123456789"\nreason = "r"\n[[allow]]\nvalue = "A123456788"\nreason = "r"\n', 6,
     r"entry 2 \(A12\*\*\*\*788\) is not one ID number.*check digit is wrong", "write exactly one value"),
    ('[[allow]]\nvalue = "A123456789 0912345678"\nreason = "r"\n', 2, r"entry 1 .* is not one ID number",
     "write exactly one value, as it appears in the text; or delete the entry"),
    ('[[allow]]\nvalue = "name@example.com"\nreason = "r"\n', 2, r"would never be flagged", "write exactly one value"),
    ('[[allow]]\nvalue = "A123456789"\nreason = "r"\nexpires = 2026-11-29\n', 4,
     r"entry 1 \(A12\*\*\*\*789\) expired on 2026-11-29", "delete the entry, or renew it with a new reason and date"),
    ('office_domains = ["@office.gov.tw"]\n', 1, r"office_domains: '@office.gov.tw' is not a domain name",
     'write domain names only, lower case, without "@"'),
    ('office_domain = []\n', 1, r"office_domain: unknown key `office_domain`",
     "the keys accepted here are: office_domains, allow"),
    ('[allow]\nvalue = "A123456789"\n', 1, r"allow: `allow`: input should be a valid list",
     "write entries written as [[allow]] tables"),
])
def test_each_malformed_entry_is_a_problem_with_its_line(tmp_path, text, line, message, fix):
    [problem] = problems(tmp_path, text)
    assert (problem.path.endswith("allow.toml"), problem.line, problem.stage, problem.rule) == (
        True, line, "personal-data", "allowlist")
    assert re.search(message, problem.message), problem.message
    assert fix in problem.fix, problem.fix


@pytest.mark.parametrize("value", [
    "ID A123456789", "A123456789 (the sample)", "A123456789,", "0912-345-678 ext. 5", "mailto:person@mail.tw",
    "person@mail.tw;", "Tel. 0912345678",
])
def test_an_entry_is_one_whole_value_never_a_value_inside_more_text(tmp_path, value):
    [problem] = problems(tmp_path, f'[[allow]]\nvalue = "{value}"\nreason = "r"\n')
    assert ("is not one ID number, resident number, mobile number, e-mail address or name with its home "
            "address") in problem.message
    assert value not in str(problem)


ALLOWED = ('[[allow]]\nvalue = "person@mail.tw"\nreason = "r"\n'
           '[[allow]]\nvalue = "0912-345-678"\nreason = "r"\n[[allow]]\nvalue = "A123456789"\nreason = "r"\n')


@pytest.mark.parametrize("text, masked", [
    ("my.person@mail.tw", "m****@mail.tw"),
    ("xperson@mail.tw", "x****@mail.tw"),
    ("son@mail.tw", "s****@mail.tw"),
    ("person@mail.tw.example.gov.tw", "p****@mail.tw.example.gov.tw"),
    ("person@ail.tw", "p****@ail.tw"),
    ("person@mail.tww", "p****@mail.tww"),
])
def test_an_allowed_value_never_allows_a_longer_or_shorter_one(tmp_path, text, masked):
    """The allow-list matches a whole value: an address that contains an allowed one, or is
    contained in it, is another person's."""
    allowlist = load(tmp_path, ALLOWED)
    hits = find(f"Write to {text} today.")
    assert [hit.masked for hit in hits if not allowlist.allows(hit)] == [masked]
    assert all(allowlist.allows(hit) for hit in find("person@mail.tw, 0912 345 678, a123456789"))
    assert len(find("person@mail.tw, 0912 345 678, a123456789")) == 3


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
