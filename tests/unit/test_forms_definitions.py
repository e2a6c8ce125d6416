"""Form definitions: the real ones load; each kind of mistake is one clear problem naming the
file, the line and the field."""

from __future__ import annotations

import datetime

import pytest

from forms import load_definitions
from forms_support import LANGUAGES, line_of, minimal_form
from personal_data import ALLOWLIST_FILE, AllowList, load_allowlist
from problems import ProblemsFound
from support import ROOT

TODAY = datetime.date(2026, 11, 30)
ALLOWLIST = load_allowlist(ROOT / ALLOWLIST_FILE, TODAY)
# B = 11: 1×1 + 1×9 + (1,2,3,4,5,6,7,8)·(8,7,6,5,4,3,2,1) = 10 + 120 = 130, so the check digit is 0.
VALID_OTHER_ID = "B123456780"

ISSUE_FORMS = {"結婚書約", "離婚協議書", "委託書", "戶籍謄本申請書", "印鑑登記／印鑑證明申請書", "子女從姓約定書",
               "出生登記申請書", "國民身分證請領換補申請書", "遷徙登記申請書", "英文戶籍謄本申請書"}


def problems_of(forms_dir, allowlist=ALLOWLIST) -> list:
    with pytest.raises(ProblemsFound) as caught:
        load_definitions(forms_dir, LANGUAGES, allowlist=allowlist)
    return [str(problem) for problem in caught.value.problems]


def test_the_real_forms_load_and_cover_the_issue():
    forms = load_definitions(ROOT / "forms", LANGUAGES, allowlist=ALLOWLIST)
    assert {form.definition.title["zh-tw"] for form in forms} >= ISSUE_FORMS
    for form in forms:
        assert all(form.definition.title[lang] and form.definition.purpose[lang] for lang in LANGUAGES)
        assert sum(1 for _ in form.fields()) >= 4, form.id


def test_the_minimal_fixture_is_valid(tmp_path):
    minimal_form(tmp_path)
    [form] = load_definitions(tmp_path, LANGUAGES, allowlist=ALLOWLIST)
    assert form.id == "test-form"
    assert [f.id for _, f in form.fields()] == ["name", "id-number", "agree", "seal"]


def test_a_label_missing_in_one_language(tmp_path):
    folder = minimal_form(tmp_path, old="label: {zh-tw: 姓名, en: Name}", new="label: {zh-tw: 姓名}")
    [problem] = problems_of(tmp_path)
    line = line_of(folder / "form.yaml", "label: {zh-tw: 姓名}")
    assert f"test-form/form.yaml:{line}: forms [invalid-value]: field `name`:" in problem
    assert "a text is missing for en" in problem
    assert "Fix: write one text per language" in problem


def test_an_unknown_field_type(tmp_path):
    folder = minimal_form(tmp_path, old="type: checkbox", new="type: tickbox")
    [problem] = problems_of(tmp_path)
    line = line_of(folder / "form.yaml", "type: tickbox")
    assert f"form.yaml:{line}: forms [invalid-value]: field `agree`:" in problem
    assert "Fix: write one of: text, date, id-number, address, phone, checkbox, choice, signature, seal" in problem


def test_a_duplicate_field_id(tmp_path):
    folder = minimal_form(tmp_path, old="- id: agree", new="- id: name")
    [problem] = problems_of(tmp_path)
    duplicate = [n for n, text in enumerate((folder / "form.yaml").read_text("utf-8").splitlines(), 1)
                 if text.strip() == "- id: name"]
    assert len(duplicate) == 2
    assert f"test-form/form.yaml:{duplicate[1]}: forms [duplicate-id]: the field id `name` is used twice " \
           f"(first on line {duplicate[0]})" in problem


def test_an_example_that_does_not_fit_its_type(tmp_path):
    folder = minimal_form(tmp_path, old='example: "yes"', new="example: maybe")
    [problem] = problems_of(tmp_path)
    assert f"form.yaml:{line_of(folder / 'form.yaml', 'example: maybe')}: forms [example]: field `agree`: " \
           "a checkbox example is `maybe`. Fix: write `yes` or `no`" in problem


def test_an_unknown_topic_and_guide(tmp_path):
    minimal_form(tmp_path, old="topic: general", new="topic: weddings")
    [problem] = problems_of(tmp_path)
    assert "forms [unknown-topic]: unknown topic `weddings`. Fix: write one of: births-deaths" in problem


def test_broken_yaml_is_one_problem_with_its_line(tmp_path):
    folder = minimal_form(tmp_path, old="topic: general", new="topic: [general")
    [problem] = problems_of(tmp_path)
    assert "form.yaml:" in problem and "[yaml]" in problem and "Fix:" in problem
    assert folder.name in problem
    assert ": forms [yaml]: the file is not valid YAML" in problem and "header" not in problem, problem


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    minimal_form(tmp_path, "form-a", old="type: checkbox", new="type: tickbox")
    minimal_form(tmp_path, "form-b", old="- id: agree", new="- id: name")
    problems = problems_of(tmp_path)
    assert len(problems) == 2 and "form-a" in problems[0] and "form-b" in problems[1]


def test_an_example_id_number_not_on_the_allow_list(tmp_path):
    """The minimal form's A123456789 passes only because the allow-list names it."""
    folder = minimal_form(tmp_path)
    [problem] = problems_of(tmp_path, AllowList())
    line = line_of(folder / "form.yaml", "example: A123456789")
    assert f"test-form/form.yaml:{line}: personal-data [national-id]: field `id-number`: example:" in problem
    message = problem.split(" Fix: ")[0]
    assert "A12****789" in message and "A123456789" not in message
    assert load_definitions(tmp_path, LANGUAGES, allowlist=ALLOWLIST)  # allow-listed: no problem


def test_a_valid_id_number_that_is_not_the_sample(tmp_path):
    folder = minimal_form(tmp_path, old="example: A123456789", new=f"example: {VALID_OTHER_ID}")
    [problem] = problems_of(tmp_path)
    line = line_of(folder / "form.yaml", f"example: {VALID_OTHER_ID}")
    assert f"test-form/form.yaml:{line}: personal-data [national-id]: field `id-number`: example:" in problem
    assert "B12****780" in problem and VALID_OTHER_ID not in problem


AGREE_CHECKBOX = '''      - id: agree
        type: checkbox
        label: {zh-tw: 同意, en: I agree}
        help: {zh-tw: 勾選表示同意。, en: Tick to agree.}
        size: 2
        required: false
        example: "yes"'''


def agree_choice(options: str, example: str) -> str:
    """The fixture's `agree` checkbox as a choice with these `choices` lines."""
    return '''      - id: agree
        type: choice
        label: {zh-tw: 同意, en: I agree}
        help: {zh-tw: 勾選表示同意。, en: Tick to agree.}
        size: 2
        required: false
        choices:
''' + options + f'''
        example: {example}'''


def test_a_single_line_box_under_9_mm(tmp_path):
    folder = minimal_form(tmp_path, old="        size: 12\n        required: true\n",
                          new="        size: 12\n        height: 7\n        required: true\n")
    [problem] = problems_of(tmp_path)
    line = line_of(folder / "form.yaml", "height: 7")
    assert f"test-form/form.yaml:{line}: forms [box-height]: field `name`: the box would print 7 mm high" in problem
    assert "Fix: give at least 9 mm per line (`height: 9`)" in problem


def test_a_multi_line_box_under_9_mm_a_line(tmp_path):
    minimal_form(tmp_path, old="        size: 12\n        required: true\n",
                 new="        size: 12\n        lines: 3\n        height: 20\n        required: true\n")
    [problem] = problems_of(tmp_path)
    assert "forms [box-height]: field `name`: the box would print 20 mm high for 3 line(s)" in problem
    assert "`height: 27`" in problem


def test_a_choice_with_one_option(tmp_path):
    folder = minimal_form(tmp_path, old=AGREE_CHECKBOX, new=agree_choice(
        "          - {key: yes-i-do, label: {zh-tw: 同意, en: I agree}}", "yes-i-do"))
    [problem] = problems_of(tmp_path)
    line = line_of(folder / "form.yaml", "choices:")
    assert f"test-form/form.yaml:{line}: forms [choices]: field `agree`: a choice needs at least two options" in problem


def test_a_required_field_without_an_example(tmp_path):
    folder = minimal_form(tmp_path, old="        example: {zh-tw: 王大明, en: WANG Ta-ming}\n", new="")
    [problem] = problems_of(tmp_path)
    line = line_of(folder / "form.yaml", "- id: name")
    assert f"test-form/form.yaml:{line}: forms [example-missing]: field `name`: a required field has no example" \
        in problem


def test_an_optional_field_may_have_no_example(tmp_path):
    minimal_form(tmp_path, old='        example: "yes"\n', new="")
    [form] = load_definitions(tmp_path, LANGUAGES, allowlist=ALLOWLIST)
    assert form.definition.sections[0].fields[2].example is None


def test_an_option_label_missing_in_one_language(tmp_path):
    folder = minimal_form(tmp_path, old=AGREE_CHECKBOX, new=agree_choice(
        "          - {key: agree, label: {zh-tw: 同意, en: I agree}}\n"
        "          - {key: disagree, label: {zh-tw: 不同意}}", "agree"))
    [problem] = problems_of(tmp_path)
    line = line_of(folder / "form.yaml", "label: {zh-tw: 不同意}")
    assert f"test-form/form.yaml:{line}: forms [invalid-value]: field `agree`:" in problem
    assert "a text is missing for en" in problem


