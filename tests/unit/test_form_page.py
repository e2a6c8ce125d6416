"""The fill-in form on each form's built page, read as markup against its definition
(forms/*/form.yaml): every field is there with a visible label that says whether it is
required, its hint joined with aria-describedby, choices and dates in a fieldset with a
legend; signatures, seals and photos are boxes, never inputs; nothing on the page can send
what is typed. The browser side (typing, printing, axe, the national rules, the keyboard) is
tests/browser/test_form_fill.py."""

from __future__ import annotations

import datetime
import re

from forms import load_definitions
from forms.pages import WEB_CONTROLS, web_control
from personal_data import ALLOWLIST_FILE, load_allowlist
from support import ROOT

LANGUAGES = ["zh-tw", "en"]
FORMS = load_definitions(ROOT / "forms", LANGUAGES,
                         allowlist=load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date.today()))


def fields(form):
    return [(section, field) for section in form.definition.sections for field in section.fields]


def test_the_web_controls_help_the_browser_from_the_field_type():
    by_type = {field.type: field for form in FORMS for _, field in fields(form)}
    assert web_control(by_type["phone"])["attributes"]["type"] == "tel"
    id_number = web_control(by_type["id-number"])["attributes"]
    assert re.fullmatch(id_number["pattern"], "A123456789") and not re.fullmatch(id_number["pattern"], "A12345678")
    assert id_number["maxlength"] == "10" and id_number["autocapitalize"] == "characters"
    assert web_control(by_type["address"])["control"] == "textarea"
    many_lines = next(field for form in FORMS for _, field in fields(form) if field.type == "text" and field.lines > 1)
    assert web_control(many_lines) | {"print_mm": 0} == {
        "control": "textarea", "attributes": {"rows": str(many_lines.lines)}, "print_mm": 0}
    assert {WEB_CONTROLS[kind].control for kind in ("signature", "seal", "photo")} == {"hand"}
    for form in FORMS:
        for _, field in fields(form):
            assert web_control(field)["attributes"].get("autocomplete") == field.autocomplete
            assert web_control(field)["print_mm"] >= 9 * field.lines
