"""Government information disclosures (政府資訊公開, `content/disclosures/`): the header of a
disclosure item, the header of a category page (made from data), and the data file of the
ten categories of 政府資訊公開法 §7 (`content/data/disclosure-categories.yaml`).

A disclosure's attachments are files beside it, in `content/disclosures/<slug>/`; the build
checks, describes and copies them (content_model/attachments.py).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, RootModel, StringConstraints, ValidationInfo, field_validator

from .common import Day, Finding, Header, Slug, Strict, Text
from .reference import Localised

CATEGORIES_FILE = "content/data/disclosure-categories.yaml"
CATEGORY_COUNT = 10  # 政府資訊公開法 §7 I lists ten kinds of information

FileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*"
                                                    r"\.(pdf|odt|ods|odp|csv)$"), Field(
    description="the name of a file in the folder named after the slug, e.g. `plan.pdf`: ASCII letters, "
                "digits, '-' and '_', ending in .pdf, .odt, .ods, .odp or .csv (lower case)")]


class AttachmentEntry(Strict):
    file: FileName
    title: Annotated[Text, Field(description="what the file is, in the file's language, e.g. 計畫全文")]


class DisclosureHeader(Header):
    category: Annotated[Slug, Field(
        description=f"a category key from {CATEGORIES_FILE}, e.g. `organisation` or `plans-and-reports`")]
    date: Annotated[Day, Field(description="the publication date, as YYYY-MM-DD")]
    modified: Annotated[Day | None, Field(description="the date of a later correction, as YYYY-MM-DD")] = None
    issuer: Annotated[Text, Field(description="the unit that issued the information, e.g. 臺中市龍井區戶政事務所")]
    document_number: Annotated[Text | None, Field(
        description="the document number (文號) as printed on the document, e.g. 龍戶字第1150000001號; "
                    "leave the key out if there is none")] = None
    valid_until: Annotated[Day | None, Field(
        description="the last day the information applies, as YYYY-MM-DD, not before `date`; "
                    "leave the key out if it has no end")] = None
    attachments: Annotated[list[AttachmentEntry], Field(
        description="a list of `- file: name.pdf` with `title: …` under it")] = []
    laws: Annotated[list[Slug], Field(
        description="a list of law keys from content/data/laws.yaml, e.g. household-registration-act")] = []
    office_details: Annotated[bool, Field(
        description="`true` to show the office's name, address, telephone, fax, e-mail and website from "
                    "content/office.toml (category `organisation`), else leave it out")] = False

    @field_validator("valid_until")
    @classmethod
    def not_before_publication(cls, value, info: ValidationInfo):
        published = info.data.get("date")
        if value is not None and published is not None and value < published:
            raise ValueError(f"the information cannot end ({value}) before it is published ({published})")
        return value


class DisclosureCategoryHeader(Header):
    """A category's page, made from the categories data file for one language."""

    number: Annotated[int, Field(ge=1, le=CATEGORY_COUNT)]
    updated: Day


class DisclosureCategory(Strict):
    """One of the ten kinds of information of 政府資訊公開法 §7 I."""

    key: Annotated[Slug, Field(description="a stable key, lower-case ASCII, e.g. `organisation`; never change it")]
    number: Annotated[int, Field(ge=1, le=CATEGORY_COUNT, description="its number in §7 I, from 1 to 10")]
    name: Localised
    explain: Localised  # one or two plain sentences: what this kind of information is
    empty: Localised  # the honest words shown while the category has no item, and why


class DisclosureCategories(RootModel[list[DisclosureCategory]]):
    """All ten categories, in the order of the law, each once."""

    @field_validator("root")
    @classmethod
    def the_ten_in_order(cls, value: list[DisclosureCategory]) -> list[DisclosureCategory]:
        numbers = [category.number for category in value]
        if numbers != list(range(1, CATEGORY_COUNT + 1)):
            raise ValueError(f"the categories must be the {CATEGORY_COUNT} of 政府資訊公開法 §7, numbered 1 to "
                             f"{CATEGORY_COUNT} in order, each once (they are numbered {numbers})")
        keys = [category.key for category in value]
        if len(set(keys)) != len(keys):
            raise ValueError(f"each key must be used once (keys: {', '.join(keys)})")
        return value

    def keys(self) -> list[str]:
        return [category.key for category in self.root]


def references(header: DisclosureHeader, reference, form_ids) -> list[Finding]:
    """Keys that point nowhere (the category, laws) and a slug that is a category's address."""
    categories = reference.disclosure_categories.keys()
    found = []
    if header.category not in categories:
        found.append(Finding(location=("category",), rule="unknown-category",
                             message=f"unknown category `{header.category}`",
                             fix=f"use one of the keys in {CATEGORIES_FILE}: {', '.join(categories)}"))
    if header.slug in categories:
        found.append(Finding(location=("slug",), rule="category-slug",
                             message=f"`{header.slug}` is the address of a category page",
                             fix="give the disclosure another slug, e.g. one that says what it is and its year"))
    for n, law in enumerate(header.laws):
        if law not in reference.laws.root:
            found.append(Finding(location=("laws", n), rule="unknown-law", message=f"unknown law `{law}`",
                                 fix="use a key from content/data/laws.yaml"))
    return found


def agreement(primary: DisclosureHeader, other: DisclosureHeader) -> list[tuple[tuple, str]]:
    """Where a translation's facts differ from the original's; words may differ, these may not."""
    facts = {
        ("category",): lambda d: d.category,
        ("date",): lambda d: d.date,
        ("valid_until",): lambda d: d.valid_until,
        ("document_number",): lambda d: d.document_number,
        ("attachments",): lambda d: [attachment.file for attachment in d.attachments],
        ("laws",): lambda d: list(d.laws),
        ("office_details",): lambda d: d.office_details,
    }
    return [(location, f"{get(other)!r} here but {get(primary)!r} in the original")
            for location, get in facts.items() if get(primary) != get(other)]


def parent(item) -> tuple[str, str]:
    """(kind, slug) of the page between the section and a disclosure in the breadcrumbs: its category."""
    return ("disclosure-category", getattr(item, "original", item).header.category)
