"""The fill-in form on each form's built page, read as markup against its definition
(forms/*/form.yaml): every field is there with a visible label that says whether it is
required, its hint joined with aria-describedby, choices and dates in a fieldset with a
legend; signatures, seals and photos are boxes, never inputs; nothing on the page can send
what is typed. The browser side (typing, printing, axe, the national rules, the keyboard) is
tests/browser/test_form_fill.py."""

from __future__ import annotations

import datetime
import re

import pytest

from forms import load_definitions
from forms.pages import WEB_CONTROLS
from personal_data import ALLOWLIST_FILE, load_allowlist
from site_build.forms_command import facts_resolver
from support import ROOT, parse
from template_env.dates import DATE_INPUTS

LANGUAGES = ["zh-tw", "en"]
# the definitions with their facts in (content/data/facts.yaml), as the pages show them
FORMS = load_definitions(ROOT / "forms", LANGUAGES,
                         allowlist=load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date.today()),
                         resolve=facts_resolver(ROOT / "content"))
PAGES = [(form, lang) for form in FORMS for lang in LANGUAGES]
PAGE_IDS = [f"{lang}/{form.id}" for form, lang in PAGES]
MARKERS = {"zh-tw": ("（必填）", "（選填）"), "en": (" (required)", " (optional)")}
PRIVACY = {"zh-tw": "您在這裡填寫的內容只留在您的電腦上", "en": "What you type here stays on your computer"}


def page(real_site, form, lang: str):
    return parse(real_site.output / ("" if lang == "zh-tw" else "en") / "forms" / form.id / "index.html")


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def fields(form):
    return [(section, field) for section in form.definition.sections for field in section.fields]


def labelled(doc, control_id: str) -> str:
    [label] = doc.select(f'label[for="{control_id}"]')
    return "".join(label.get_text().split())


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_every_field_has_a_visible_label_saying_required_or_optional_and_its_hint(real_site, form, lang):
    doc = page(real_site, form, lang)
    for _, field in fields(form):
        row = doc.select_one(f"#row-{field.id}")
        assert row is not None, f"{field.id} is not on the page"
        assert row["data-label"] == field.label[lang]
        marker = MARKERS[lang][0 if field.required else 1]
        expected_label = "".join((field.label[lang] + marker).split())
        hint = doc.select_one(f"#f-{field.id}-hint")
        assert text(hint).startswith(" ".join(field.help[lang].split()))
        kind = WEB_CONTROLS[field.type].control
        if kind in ("radios", "date"):
            assert row.name == "fieldset", f"{field.id}: a {kind} is a fieldset"
            legend = row.find(True)
            assert legend.name == "legend" and "".join(legend.get_text().split()) == expected_label
            assert f"f-{field.id}-hint" in row["aria-describedby"].split()
            boxes = row.select("input")
            if kind == "radios":
                assert [box["value"] for box in boxes] == [choice.key for choice in field.choices]
                assert [labelled(doc, box["id"]) for box in boxes] == [
                    "".join(choice.label[lang].split()) for choice in field.choices]
                assert {box["type"] for box in boxes} == {"radio"} and len({box["name"] for box in boxes}) == 1
            else:
                assert [box["id"] for box in boxes] == [f"f-{field.id}-{p}" for p in DATE_INPUTS[lang].order]
                assert all(box["inputmode"] == "numeric" and labelled(doc, box["id"]) for box in boxes)
            assert all(box.has_attr("required") == field.required for box in boxes), field.id
        elif kind == "hand":
            assert row.select("input, textarea, select") == [], f"{field.id} is done by hand, on paper"
            assert row.select_one(".hand-box, .photo-box") is not None
            assert "".join(row.select_one(".field-label").get_text().split()) == expected_label
        else:
            control = doc.select_one(f"#f-{field.id}")
            assert control.name == ("textarea" if kind == "textarea" or field.lines > 1 else "input"), field.id
            assert labelled(doc, control["id"]) == expected_label
            assert f"f-{field.id}-hint" in control["aria-describedby"].split()
            assert control.has_attr("required") == field.required, field.id
            assert control.get("autocomplete") == field.autocomplete, field.id


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_each_hint_gives_the_fictitious_example(real_site, form, lang):
    doc = page(real_site, form, lang)
    assert doc.select_one(".fill-intro").get_text().count("虛構" if lang == "zh-tw" else "fictitious") == 1
    for _, field in fields(form):
        example = doc.select_one(f"#f-{field.id}-hint .example")
        if field.example is None or field.type == "checkbox":
            assert example is None, field.id
            continue
        value = field.example if isinstance(field.example, str) else field.example[lang]
        if field.type == "choice":
            value = next(choice.label[lang] for choice in field.choices if choice.key == value)
        if field.type == "date":
            assert example.select_one("time")["datetime"] == value
        else:
            assert " ".join(value.split()) in text(example), field.id


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_nothing_on_the_page_can_send_what_is_typed(real_site, form, lang):
    doc = page(real_site, form, lang)
    fill = doc.select_one("main #fill")
    assert doc.select("main form") == [], "a <form> sends its fields when Enter is pressed"
    assert fill.select("[form], [formaction], [action]") == []
    assert [button.get("type") for button in fill.select("button")] == ["button", "button"]
    assert PRIVACY[lang] in text(fill)
    scripts = doc.select("script")
    assert [s.get("src", "").split("?v=")[0] for s in scripts] == ["/theme/js/form-fill.js"]
    assert all(s["type"] == "module" and re.search(r"\?v=[0-9a-f]{10}$", s["src"]) for s in scripts)
    assert doc.select("style, [style]") == [], "the Content-Security-Policy allows no inline style"
    assert not any(name.startswith("on") for tag in doc.find_all(True) for name in tag.attrs), "inline script"


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_the_declaration_the_office_area_and_the_print_footer_come_from_the_definition(real_site, form, lang):
    doc = page(real_site, form, lang)
    for section in form.definition.sections:
        declaration = doc.select_one(f"#section-{section.id}").find_parent("section").select_one(".declaration")
        assert (text(declaration) if declaration else None) == (
            " ".join(section.declaration[lang].split()) if section.declaration else None)
    office = doc.select_one("#fill .office-use.print-only")
    labels = [label[lang] for label in form.definition.office_use]
    assert ([text(th) for th in office.select("th")] if office else []) == labels
    html = doc.html
    assert html["data-print-page-before"] + "1" + html["data-print-page-between"] + "2" + \
        html["data-print-page-after"] == ("第 1 頁，共 2 頁" if lang == "zh-tw" else "Page 1 of 2")
    assert html["data-print-updated"].startswith("更新日期：民國" if lang == "zh-tw" else "Updated: ")


