"""The schema of a form definition, `forms/<form-id>/form.yaml`.

Each field's `description` is the fix shown when a value is wrong ("write …"), as in
`content_model.schemas`. Texts are bilingual, `{zh-tw: …, en: …}`; an example value that is
the same in both languages may be written once.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from sources.schema import Day, Localised, Slug, Strict, Text

FIELD_TYPES = ("text", "date", "id-number", "address", "phone", "checkbox", "choice", "signature", "seal",
               "photo")
# Done on paper, by hand: a drawn box, never a PDF form field (a typed name is not a signature, and
# a photo is pasted). `photo` is a 4.5 × 3.5 cm box with the field's help (the photo rules) beside it.
HAND_TYPES = ("signature", "seal", "photo")
# The handwriting rule: a box to write one line in is at least this high (mm), per line.
MIN_LINE_MM = 9
LINE_MM = 10  # the height of one written line when the definition does not say `height`
# HTML autocomplete tokens a definition may give a field about the person filling it in (WCAG
# 1.3.5): the web form sets `autocomplete`; never on a field about someone else.
AUTOCOMPLETE = ("name", "family-name", "given-name", "bday", "sex", "street-address", "postal-code",
                "address-level1", "address-level2", "tel", "tel-national", "email")

FieldType = Annotated[Literal[FIELD_TYPES], Field(
    description="one of: " + ", ".join(FIELD_TYPES))]
Bilingual = Annotated[Localised, Field(
    description="one text per language, e.g. `{zh-tw: 姓名, en: Name}`")]
Example = Annotated[Text | Localised, Field(
    description="a clearly fictitious example value: one text, or `{zh-tw: …, en: …}` when it differs "
                "by language; `yes`/`no` for a checkbox, a choice's key for a choice, YYYY-MM-DD for a date")]


class Choice(Strict):
    """One option of a `choice` field."""

    key: Slug
    label: Bilingual


class FormField(Strict):
    """One box to fill in."""

    id: Annotated[Slug, Field(description="a field id unique in the form: lower-case ASCII and '-', e.g. "
                                          "`bride-name`")]
    type: FieldType
    label: Bilingual
    help: Annotated[Localised, Field(description="how to fill the field in, one text per language, e.g. "
                                                 "`{zh-tw: 依身分證填寫, en: As on the ID card}`")]
    size: Annotated[int, Field(ge=1, le=60, description="the width of the box in characters, a whole "
                                                       "number from 1 to 60, e.g. 10 for an ID number")]
    lines: Annotated[int, Field(ge=1, le=12, description="the number of lines to write on, 1 to 12")] = 1
    height: Annotated[float | None, Field(gt=0, le=120, description=(
        f"the height of the box in mm, at least {MIN_LINE_MM} per line (default {LINE_MM} per line), "
        "e.g. 12"))] = None
    required: Annotated[bool, Field(description="`true` or `false`")]
    choices: Annotated[list[Choice], Field(description="the options of a choice field, each with a `key` "
                                                       "and a `label`")] = []
    autocomplete: Annotated[Literal[AUTOCOMPLETE] | None, Field(description=(
        "only on a field about the person who fills the form in: one of " + ", ".join(AUTOCOMPLETE)))] = None
    # Optional for an optional field, but a new definition starts with it (`make new`).
    example: Annotated[Example | None, Field(json_schema_extra={"scaffold": True})] = None

    def box_height(self) -> float:
        """The height of the box in mm: `height`, else LINE_MM per line; an address box has room
        for two lines (a 40-character address, written or typed, takes two)."""
        if self.height is not None:
            return self.height
        return LINE_MM * (max(self.lines, 2) if self.type == "address" else self.lines)


class Section(Strict):
    """A titled group of fields: one table in the PDF and the ODT."""

    id: Annotated[Slug, Field(description="a section id unique in the form, e.g. `bride`")]
    title: Bilingual
    declaration: Annotated[Localised | None, Field(description=(
        "a statement the signer makes, printed in a box before the section's fields, one text per "
        "language, e.g. `{zh-tw: 以上所填均屬實在，如有不實，願負法律責任。, en: …}`"))] = None
    fields: Annotated[list[FormField], Field(min_length=1, description="a list of fields (at least one)")]


class FormDefinition(Strict):
    """One form: what the HTML page, the ODT and the PDF are made from."""

    title: Annotated[Localised, Field(description="the form's common name, e.g. `{zh-tw: 結婚書約, en: "
                                                  "Marriage agreement}`")]
    purpose: Annotated[Localised, Field(description="one sentence per language: what the form is for")]
    who: Annotated[Localised, Field(description="one sentence per language: who fills it in and signs it")]
    topic: Annotated[Slug, Field(description="a topic key from content/data/topics.yaml, e.g. "
                                             "marriage-family")]
    guides: Annotated[list[Slug], Field(description="a list of guide slugs this form belongs to, e.g. "
                                                    "[marriage]")] = []
    updated: Annotated[Day, Field(description="the date the form was last changed, as YYYY-MM-DD: the "
                                              "PDF and ODT dates come from it")]
    sections: Annotated[list[Section], Field(min_length=1, description="a list of sections (at least "
                                                                       "one), each with fields")]
    notes: Annotated[list[Localised], Field(description="a list of notes, one text per language each")] = []
    office_use: Annotated[list[Localised], Field(description=(
        "the boxes of the area the office fills in (marked as not for the applicant), one label per "
        "language each, e.g. `[{zh-tw: 收件日期, en: Date received}, {zh-tw: 規費, en: Fee}]`"))] = []
