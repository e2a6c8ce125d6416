import pytest

from office_data.office_data import REQUIRED_FIELDS, OfficeDataError, load
from support import ROOT

LANGS = ["zh-tw", "en"]


def write(tmp_path, text):
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    return path


def complete(**extra):
    fields = {name: f'[{name}]\nzh-tw = "{name}-zh"\nen = "{name}-en"\n' for name in REQUIRED_FIELDS}
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
