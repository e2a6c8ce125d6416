"""The office's details and channels (content/office.toml): every field in every language, the
channels' addresses checked (an e-mail is an address, a URL is https, a confirmed web channel
has its url), unknown keys refused, each mistake one line at its own line."""

import pytest

from office_data.office_data import (
    CHANNELS,
    EMAIL_FIELDS,
    FIELD_LABELS,
    REQUIRED_FIELDS,
    URL_FIELDS,
    OfficeDataError,
    load,
)
from support import ROOT

LANGS = ["zh-tw", "en"]


def valid(name):
    """A confirmed, well-formed value for a field: an address for an e-mail, a url for a channel."""
    if name in EMAIL_FIELDS:
        return f'[{name}]\nzh-tw = "{name}@office.example"\nen = "{name}@office.example"\n'
    url = f'url = "https://{name}.example/"\n' if name in URL_FIELDS else ""
    return f'[{name}]\nzh-tw = "{name}-zh"\nen = "{name}-en"\n{url}'


def write(tmp_path, text):
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    return path


def complete(**extra):
    fields = {name: valid(name) for name in REQUIRED_FIELDS}
    fields.update(extra)
    return "\n".join(fields.values())


def test_the_real_data_file_loads_and_lists_unverified_values():
    office = load(ROOT / "content/office.toml", LANGS)
    assert office.text("name", "zh-tw") == "臺中市龍井區戶政事務所"
    assert set(office.unverified()) >= {"address", "phone"}


def test_values_per_language_and_verification(tmp_path):
    office = load(write(tmp_path, complete(phone='[phone]\nzh-tw = "1"\nen = "1"\nunverified = "why"\n')), LANGS)
    assert office.text("fax", "en") == "fax-en"
    assert not office.is_verified("phone") and office.is_verified("fax")
    assert office.unverified() == {"phone": "why"}
    with pytest.raises(OfficeDataError, match=r"no \[fax\] value for 'fr'"):
        office.text("fax", "fr")


def test_a_missing_language_names_the_field(tmp_path):
    with pytest.raises(OfficeDataError, match=r'\[fax\] has no `en = "…"`'):
        load(write(tmp_path, complete(fax='[fax]\nzh-tw = "1"\n')), LANGS)


def test_a_missing_field_and_bad_syntax_are_errors(tmp_path):
    with pytest.raises(OfficeDataError, match=r"\[email\] is missing"):
        load(write(tmp_path, complete(email="")), LANGS)
    with pytest.raises(OfficeDataError, match="correct the TOML syntax"):
        load(write(tmp_path, "[name\n"), LANGS)
    with pytest.raises(OfficeDataError, match="missing"):
        load(tmp_path / "nope.toml", LANGS)


def test_each_mistake_is_a_problem_at_its_line(tmp_path):
    text = complete(fax='[fax]\nzh-tw = "1"\n')
    with pytest.raises(OfficeDataError) as caught:
        load(write(tmp_path, text), LANGS)
    [problem] = caught.value.problems
    fax_line = text.splitlines().index("[fax]") + 1
    assert (problem.line, problem.stage, problem.rule) == (fax_line, "office-data", "missing-value")
    with pytest.raises(OfficeDataError) as caught:
        load(write(tmp_path, 'x = "1"\n[name\n'), LANGS)
    assert caught.value.problem.line == 2 and caught.value.problem.rule == "toml"


def test_the_unverified_warnings_name_the_line_of_their_field():
    office = load(ROOT / "content/office.toml", LANGS)
    lines = (ROOT / "content/office.toml").read_text(encoding="utf-8").splitlines()
    assert office.unverified(), "the test needs an unverified value"
    for field in office.unverified():
        assert lines[office.lines[field] - 1] == f"[{field}]"


def test_a_complete_file_of_confirmed_channels_loads_with_their_addresses(tmp_path):
    office = load(write(tmp_path, complete()), LANGS)
    assert office.unverified() == {}
    assert office.email("email") == "email@office.example"
    assert office.email("director_email") == "director_email@office.example"
    assert office.url("city_mailbox") == "https://city_mailbox.example/"
    assert office.url("appointments") == "https://appointments.example/"


def test_an_unconfirmed_channel_gives_no_address_to_link_to():
    office = load(ROOT / "content/office.toml", LANGS)
    for field in ("email", "director_email", "city_mailbox", "appointments", "citizen_hotline", "surveys",
                  "reply_time"):
        assert not office.is_verified(field), f"{field} is confirmed by no source: it must stay unverified"
    assert office.email("email") is None and office.email("director_email") is None
    assert office.url("city_mailbox") is None and office.url("appointments") is None


@pytest.mark.parametrize("field, table, rule, message", [
    ("email", '[email]\nzh-tw = "office.example.gov.tw"\nen = "office.example.gov.tw"\n', "email",
     "[email] zh-tw = 'office.example.gov.tw' is not a valid e-mail address"),
    ("director_email", '[director_email]\nzh-tw = "x@y"\nen = "x@y"\nunverified = "why"\n', "email",
     "[director_email] zh-tw = 'x@y' is not a valid e-mail address"),
    ("city_mailbox", '[city_mailbox]\nzh-tw = "m"\nen = "m"\nurl = "http://mailbox.example/"\n', "url",
     "[city_mailbox] url = 'http://mailbox.example/' is not an https:// address"),
    ("appointments", '[appointments]\nzh-tw = "a"\nen = "a"\nurl = "booking.example"\nunverified = "w"\n', "url",
     "[appointments] url = 'booking.example' is not an https:// address"),
    ("appointments", '[appointments]\nzh-tw = "a"\nen = "a"\n', "url", "[appointments] is confirmed but has no `url`"),
    ("surveys", '[surveys]\nzh-tw = "s"\nen = "s"\nunverifed = "typo"\n', "unknown-key",
     "[surveys] has an unknown key `unverifed`"),
])
def test_a_bad_channel_is_one_problem_at_the_line_of_its_key(tmp_path, field, table, rule, message):
    """The mistakes a new staff member makes: a web address for an e-mail, an address without a
    host, http://, a bare host name, a confirmed channel without its address, a misspelt
    `unverified` (which would publish an unconfirmed value as confirmed)."""
    text = complete(**{field: table})
    with pytest.raises(OfficeDataError) as caught:
        load(write(tmp_path, text), LANGS)
    [problem] = caught.value.problems
    assert (problem.stage, problem.rule) == ("office-data", rule)
    assert message in str(problem), str(problem)
    lines = text.splitlines()
    expected = {"email": "zh-tw = ", "url": "url = ", "unknown-key": "unverifed = "}[rule]
    if "has no `url`" in message:
        expected = f"[{field}]"
    assert lines[problem.line - 1].startswith(expected), (problem.line, lines[problem.line - 1])
    assert str(problem).startswith(f"{tmp_path / 'office.toml'}:{problem.line}: office-data [{rule}]: ") or \
        f"office.toml:{problem.line}: office-data [{rule}]: " in str(problem)


def test_an_unconfirmed_e_mail_may_say_to_be_confirmed_but_a_confirmed_one_must_be_an_address(tmp_path):
    pending = '[email]\nzh-tw = "（待確認）"\nen = "(to be confirmed)"\nunverified = "not found"\n'
    assert load(write(tmp_path, complete(email=pending)), LANGS).email("email") is None
    confirmed = '[email]\nzh-tw = "（待確認）"\nen = "（待確認）"\n'
    with pytest.raises(OfficeDataError, match="is not a valid e-mail address"):
        load(write(tmp_path, complete(email=confirmed)), LANGS)


def test_a_confirmed_e_mail_is_the_same_address_in_every_language(tmp_path):
    table = '[email]\nzh-tw = "a@office.example"\nen = "b@office.example"\n'
    with pytest.raises(OfficeDataError, match="gives different addresses per language"):
        load(write(tmp_path, complete(email=table)), LANGS)


def test_channels_that_need_no_voice_come_first_and_every_field_has_a_label():
    voices = [channel.needs_voice for channel in CHANNELS]
    assert voices == sorted(voices) and False in voices and True in voices
    assert [c.field for c in CHANNELS if not c.needs_voice][:2] == ["email", "director_email"]
    assert {c.medium for c in CHANNELS if c.needs_voice} == {"phone"}
    assert set(REQUIRED_FIELDS) <= set(FIELD_LABELS)
    assert {c.field for c in CHANNELS} <= set(REQUIRED_FIELDS)
