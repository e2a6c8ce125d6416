"""What every content file's header has (the small types the kinds share come from sources.schema).

Each field's `description` is the fix shown when a value is wrong ("write …"), so it is
phrased as what to write.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from sources.schema import Day, Localised, Slug, Strict, Text

__all__ = ["Day", "Finding", "Header", "Localised", "Slug", "Strict", "Text"]


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
