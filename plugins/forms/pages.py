"""What a form's web page shows, in one language: its texts from the definition, and its
downloads from the generation report. Used by the content model to make the form's item."""

from __future__ import annotations

import datetime

from content_lint.language import CHINESE_RUN, ENGLISH_RUN
from content_model.schemas.reference import Localised

from .definitions import Form
from .generate import FileEntry


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
         "autocomplete": f.autocomplete, "height_mm": f.box_height()}
        for f in section.fields],
        "declaration": section.declaration[lang] if section.declaration else None}
        for section in definition.sections]
    return {"purpose": definition.purpose[lang], "who": definition.who[lang], "topic": definition.topic,
            "guides": list(definition.guides), "updated": definition.updated, "sections": sections,
            "notes": [note[lang] for note in definition.notes],
            "office_use": [label[lang] for label in definition.office_use]}


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
