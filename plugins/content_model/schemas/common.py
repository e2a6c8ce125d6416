"""What every content file's header has (the small types the kinds share come from sources.schema).

Each field's `description` is the fix shown when a value is wrong ("write …"), so it is
phrased as what to write.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints, ValidationInfo, field_validator

from sources.schema import SLUG_PATTERN, Day, Localised, Slug, Strict, Text

__all__ = ["Article", "Day", "FactKey", "Finding", "Header", "Localised", "ReviewDay", "Slug", "SourceKey", "Strict",
           "Text"]

Article = Annotated[str, StringConstraints(pattern=r"^\d+(-\d+)?$"), Field(
    description="an article number as text, e.g. \"48\" or \"48-2\"")]
SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Z]+\d+$"), Field(
    description="a source tag from content/data/sources.yaml, e.g. L1 or W24")]
FactKey = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Field(
    description="a key of content/data/facts.yaml, lower-case ASCII and '-', e.g. transcript")]


def empty_is_none(value):
    """A key written with nothing after it (as `make new` leaves `reviewed:`) means no value."""
    return None if isinstance(value, str) and not value.strip() else value


# When facts were last checked against their sources; empty = never (a warning, not an error).
# `make new` leaves it empty (the "scaffold" mark), so nothing new counts as reviewed.
REVIEW_DAYS = 365  # a review older than this is due again (a build warning)
ReviewDay = Annotated[datetime.date | None, BeforeValidator(empty_is_none), Field(
    description="the date the facts were last checked against their sources, as YYYY-MM-DD; leave it "
                "empty until someone has checked them (the build then warns: never reviewed)",
    json_schema_extra={"scaffold": "empty"})]


class Header(Strict):
    """The keys every content file has."""

    title: Annotated[Text, Field(description="a short title: it becomes the page's heading")]
    slug: Slug
    lang: Annotated[str, Field(description="the language of the file, lower-case: one of the site's languages")]
    summary: Annotated[Text, Field(description="one plain sentence that says what the page is for")]

    @field_validator("lang")
    @classmethod
    def known_language(cls, value: str, info: ValidationInfo) -> str:
        languages = (info.context or {}).get("languages")
        if languages and value not in languages:
            raise ValueError(f"unknown language; write one of: {', '.join(languages)} (lower-case)")
        return value


class Finding(Strict):
    """A mistake a kind's own checks find in one header, not yet placed on a file line."""

    location: tuple[str | int, ...]
    rule: str
    message: str
    fix: str
    warning: bool = False  # printed, but the build goes on
