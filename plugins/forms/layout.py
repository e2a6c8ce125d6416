"""What one document (a form in one language, blank or filled-in example) says, in order, with
no format in it: the PDF and the ODT are both drawn from this, so they cannot disagree."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .definitions import Form
from .schema import FormField
from .texts import Texts

LANGUAGE_TAGS = {"zh-tw": "zh-Hant-TW", "en": "en"}  # BCP 47 tags: PDF /Lang, <html lang>
VARIANTS = ("blank", "example")
CHECKED, UNCHECKED = "✓", "□"
HAND_MIN_MM = {"seal": 20, "signature": 15}  # room for a seal stamp or a signature


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class Row:
    """One field: its label, whether it is required, how to fill it in, and the value shown."""

    name: str  # unique in the document: `<section>.<field>`, the PDF field name
    type: str
    label: str
    marker: str  # "required" / "optional", as words
    required: bool
    help: str
    value: str  # the example value as text; "" in the blank form
    size: int
    lines: int
    height: float  # the box's height in mm
    options: tuple[Option, ...]
    max_length: int | None


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    rows: tuple[Row, ...]
    declaration: str = ""  # the statement the signer makes, printed before the rows


@dataclass(frozen=True)
class Document:
    form_id: str
    lang: str
    language_tag: str
    variant: str
    title: str  # the document title: the form's name, and "filled-in example" for the example
    form_title: str
    variant_name: str
    intro: tuple[str, ...]  # what the form is for, who fills it in
    notices: tuple[str, ...]
    tables: tuple[Table, ...]
    notes_heading: str
    notes: tuple[str, ...]
    column_headings: tuple[str, str]
    hand_prompts: dict
    office_heading: str
    office_use: tuple[str, ...]  # the labels of the boxes the office fills in
    updated: datetime.date
    updated_text: str
    page_text: str
    labelled: str  # "{label}: {text}" in the language: a radio option's accessible name
    required_text: str  # "(required)" in the language, added to a required field's accessible name
    tick_label: str  # the words beside a check box ("Yes")

    def characters(self) -> set[str]:
        """Every character the document prints: what its font must hold."""
        texts = [*self.intro, self.title, self.variant_name, self.notes_heading, self.updated_text, self.page_text,
                 *self.column_headings, *self.notices, *self.notes, *self.hand_prompts.values(),
                 self.office_heading, *self.office_use]
        for table in self.tables:
            texts += [table.title, table.declaration]
            for row in table.rows:
                texts += [row.label, row.marker, row.help, row.value, *(o.label for o in row.options)]
        return set("".join(texts)) | {CHECKED, UNCHECKED}


def document(form: Form, lang: str, variant: str, texts: Texts) -> Document:
    """The document for one language and variant."""
    definition = form.definition
    variant_name = texts["example"] if variant == "example" else texts["blank"]
    notices = (texts["official"],) + ((texts["fictitious"],) if variant == "example" else ())
    return Document(
        form_id=form.id, lang=lang, language_tag=LANGUAGE_TAGS[lang], variant=variant,
        title=f"{definition.title[lang]} – {variant_name}", form_title=definition.title[lang],
        variant_name=variant_name,
        intro=(texts["labelled"].format(label=texts["about"], text=definition.purpose[lang]),
               texts["labelled"].format(label=texts["who"], text=definition.who[lang])),
        notices=notices,
        tables=tuple(Table(section.id, section.title[lang],
                           tuple(_row(section.id, f, lang, variant, texts) for f in section.fields),
                           section.declaration[lang] if section.declaration else "")
                     for section in definition.sections),
        notes_heading=texts["notes"], notes=tuple(note[lang] for note in definition.notes),
        column_headings=(texts["field"], texts["entry"]),
        hand_prompts={"signature": texts["sign_here"], "seal": texts["seal_here"], "photo": texts["photo_here"]},
        office_heading=texts["office_use"], office_use=tuple(label[lang] for label in definition.office_use),
        updated=definition.updated, updated_text=texts["updated"].format(date=texts.date(definition.updated)),
        page_text=texts["page"], labelled=texts["labelled"], required_text=texts["required"],
        tick_label=texts["yes"],
    )


def _row(section_id: str, form_field: FormField, lang: str, variant: str, texts: Texts) -> Row:
    example = example_value(form_field, lang)
    options = tuple(Option(c.key, c.label[lang], variant == "example" and c.key == example)
                    for c in form_field.choices)
    return Row(
        name=f"{section_id}.{form_field.id}", type=form_field.type, label=form_field.label[lang],
        marker=texts["required"] if form_field.required else texts["optional"], required=form_field.required,
        help=form_field.help[lang],
        value=display_value(form_field, lang, texts) if variant == "example" else "",
        size=form_field.size, lines=form_field.lines, options=options,
        height=max(form_field.box_height(), HAND_MIN_MM.get(form_field.type, 0)),
        max_length=10 if form_field.type == "id-number" else None,
    )


def example_value(form_field: FormField, lang: str) -> str:
    """The example as written in the definition, in `lang` ("" when the field has none)."""
    example = form_field.example
    if example is None:
        return ""
    return example[lang] if hasattr(example, "root") else example


def display_value(form_field: FormField, lang: str, texts: Texts) -> str:
    """The example as a reader sees it: dates in the language's calendar, boxes ticked or not."""
    value = example_value(form_field, lang)
    if not value:
        return ""
    if form_field.type == "date":
        return texts.date(datetime.date.fromisoformat(value))
    if form_field.type == "checkbox":
        return f"{CHECKED} {texts['yes']}" if value == "yes" else f"{UNCHECKED} {texts['no']}"
    if form_field.type == "choice":
        return "　".join(f"{CHECKED if c.key == value else UNCHECKED} {c.label[lang]}" for c in form_field.choices)
    return value
