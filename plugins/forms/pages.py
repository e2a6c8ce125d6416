"""What a form's web page shows, in one language: its texts from the definition, and its
downloads from the generation report. Used by the content model to make the form's item."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sources.schema import Localised
from sources.scripts import CHINESE_RUN, ENGLISH_RUN
from template_env.dates import DATE_INPUTS

from .definitions import EXAMPLE_PATTERNS, Form
from .generate import FileEntry
from .layout import HAND_MIN_MM
from .schema import HAND_TYPES


@dataclass(frozen=True)
class WebControl:
    """How a field type is filled in on the form's web page (theme/templates/components/form_fill.html).

    `control`: input, textarea, date (day, month and year boxes), checkbox, radios, or hand (a
    box to sign, seal or paste a photo in on paper, never an input: a typed name is not a
    signature). `attributes`: what the browser needs to help: the input type (tel brings the
    telephone keypad), a pattern, capitals. The autocomplete token is not the type's: it is
    the definition's `autocomplete`, set only on fields about the person filling the form in
    (a father's name is not the applicant's `name`)."""

    control: str
    attributes: tuple[tuple[str, str], ...] = ()


ID_NUMBER_PATTERN = EXAMPLE_PATTERNS["id-number"][0].strip("^$")  # a letter and nine digits
WEB_CONTROLS = {
    "text": WebControl("input", (("type", "text"),)),
    "address": WebControl("textarea"),
    "phone": WebControl("input", (("type", "tel"),)),
    "id-number": WebControl("input", (("type", "text"), ("maxlength", "10"), ("pattern", ID_NUMBER_PATTERN),
                                      ("autocapitalize", "characters"), ("spellcheck", "false"))),
    "date": WebControl("date"),
    "checkbox": WebControl("checkbox"),
    "choice": WebControl("radios"),
    **{hand: WebControl("hand") for hand in HAND_TYPES},
}
ADDRESS_ROWS = 2  # an address box shows two lines, so a long address is seen whole while typed


def web_control(form_field) -> dict:
    """The control a field is typed into on the web page, with its attributes (see WebControl),
    and the height its box prints at, as in the PDF (mm)."""
    declared = WEB_CONTROLS[form_field.type]
    control, attributes = declared.control, dict(declared.attributes)
    if control == "input" and form_field.lines > 1:
        control, attributes = "textarea", {}
    if control == "textarea":
        attributes["rows"] = str(max(form_field.lines, ADDRESS_ROWS if form_field.type == "address" else 1))
    if form_field.autocomplete:
        attributes["autocomplete"] = form_field.autocomplete
    return {"control": control, "attributes": attributes,
            "print_mm": max(form_field.box_height(), HAND_MIN_MM.get(form_field.type, 0))}


def text(value, lang: str) -> str:
    """A definition text in one language (an example may be one text for both)."""
    return value[lang] if isinstance(value, Localised) else value


def example_of(form_field, lang: str):
    """The example value as the page shows it: a choice's label, a date as a date, else text
    ("" for an optional field without one)."""
    if form_field.example is None:
        return ""
    value = text(form_field.example, lang)
    if form_field.type == "choice":
        return next((c.label[lang] for c in form_field.choices if c.key == value), value)
    if form_field.type == "date":
        return datetime.date.fromisoformat(value)
    return value


def example_language(value, lang: str) -> str | None:
    """The site language an example is written in when it is not the page's: Chinese on an
    English page (a name), English on a Chinese page (a name in passport spelling); else None.
    The page marks such a value with `lang`, as the content lint asks of any text."""
    text = str(value)
    if not lang.startswith("zh") and CHINESE_RUN.search(text):
        return "zh-tw"
    if lang.startswith("zh") and ENGLISH_RUN.search(text):
        return "en"
    return None


def page_fields(form: Form, lang: str) -> dict:
    """The definition's texts for one language, in the shape the form template reads."""
    definition = form.definition
    sections = [{"id": section.id, "title": section.title[lang], "fields": [
        {"id": f.id, "type": f.type, "label": f.label[lang], "help": f.help[lang], "size": f.size,
         "lines": f.lines, "required": f.required, "example": example_of(f, lang),
         "example_lang": example_language(example_of(f, lang), lang),
         "choices": [choice.label[lang] for choice in f.choices],
         "options": [{"key": choice.key, "label": choice.label[lang]} for choice in f.choices],
         "autocomplete": f.autocomplete, "height_mm": f.box_height(), **web_control(f)}
        for f in section.fields],
        "declaration": section.declaration[lang] if section.declaration else None}
        for section in definition.sections]
    return {"purpose": definition.purpose[lang], "who": definition.who[lang], "topic": definition.topic,
            "guides": list(definition.guides), "updated": definition.updated, "sections": sections,
            "notes": [note[lang] for note in definition.notes],
            "office_use": [label[lang] for label in definition.office_use], "date_input": DATE_INPUTS[lang]}


def texts_with_lines(form: Form, lang: str) -> list[tuple[int, str]]:
    """(line, text) of every text of one language in the definition: what the lint reads."""
    found = []

    def walk(value, location):
        if isinstance(value, Localised):
            found.append((form.line_of((*location, lang)), value[lang]))
        elif isinstance(value, list):
            for number, inner in enumerate(value):
                walk(inner, (*location, number))
        elif hasattr(value, "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name), (*location, name))

    walk(form.definition, ())
    return found


def downloads(files: tuple[FileEntry, ...], form_id: str, lang: str) -> list[FileEntry]:
    """A form's files in one language: blank first, then the example; PDF before ODT."""
    order = {"blank": 0, "example": 1, "pdf": 0, "odt": 1}
    mine = [f for f in files if f.form_id == form_id and f.lang == lang]
    return sorted(mine, key=lambda f: (order.get(f.variant, 9), order.get(f.format, 9)))
