"""The small schema parts every kind of source file shares (content headers, data files, form
definitions, the manual checklist): a strict mapping, text, slugs, dates, and a text per
language. Each field's `description` is the fix shown when a value is wrong ("write …")."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, ValidationInfo, field_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN),
                 Field(description="lower-case ASCII letters, digits and '-', e.g. `birth-registration`")]
Day = Annotated[datetime.date, Field(description="a date as YYYY-MM-DD, e.g. 2026-11-30")]


class Strict(BaseModel):
    """A mapping that rejects unknown keys and cannot be changed once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Localised(RootModel[dict[str, Text]]):
    """One text per site language: `{zh-tw: …, en: …}` (the languages come from the
    validation context's `languages`)."""

    @field_validator("root")
    @classmethod
    def every_language(cls, value: dict, info: ValidationInfo) -> dict:
        languages = (info.context or {}).get("languages") or []
        missing = [lang for lang in languages if lang not in value]
        if missing:
            raise ValueError(f"a text is missing for {', '.join(missing)}")
        return value

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]
