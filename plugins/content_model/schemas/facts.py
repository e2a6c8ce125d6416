"""The facts that more than one page (or form) states, declared ONCE in `content/data/facts.yaml`:
fees, time limits in days, fines and short statements (e.g. whether a photo is needed), each with
its source, its law and article where there is one, and the date it was last checked.

Pages and forms never type these values: they write a placeholder such as `{{fee:transcript}}`
(content_model/facts.py), which the build replaces with the value in the page's language.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, NonNegativeInt, PositiveInt, model_validator

from .common import Article, FactKey, ReviewDay, Slug, SourceKey, Strict, Text
from .reference import Localised

FACTS_FILE = "content/data/facts.yaml"


class Fact(Strict):
    """What every fact has besides its value."""

    name: Annotated[Localised, Field(description="what the fact is, one text per language, e.g. "
                                                 "`{zh-tw: 戶籍謄本, en: household registration transcript}`")]
    source: SourceKey
    law: Annotated[Slug | None, Field(description="a law key from content/data/laws.yaml, if a law says it")] = None
    articles: Annotated[list[Article], Field(description='the article numbers of that law, e.g. ["2"]')] = []
    reviewed: ReviewDay
    unverified: Annotated[Localised | None, Field(
        description="why the fact is not confirmed, one text per language (the staff review page lists it); "
                    "leave it out once the office or an official source confirms it")] = None
    note: Annotated[Localised | None, Field(description="a remark for staff, one text per language, e.g. why "
                                                        "this source")] = None


class FeeFact(Fact):
    amount: Annotated[NonNegativeInt, Field(
        description="the fee in NT$ as a whole number without NT$ or commas, 0 when free, e.g. 15")]
    unit: Annotated[Localised | None, Field(description=(
        "the fee standard's own word for what is counted, one text per language, e.g. "
        "`{zh-tw: 每張, en: per page}` (每張 or 每份: as the fee standard writes it)"))] = None


class DaysFact(Fact):
    days: Annotated[PositiveInt, Field(description="the number of days as a whole number, e.g. 30")]
    working: Annotated[bool, Field(description="`true` when working days are counted, else leave it out")] = False


class FineFact(Fact):
    min: Annotated[PositiveInt, Field(description="the lowest fine in NT$, a whole number, e.g. 300")]
    max: Annotated[PositiveInt, Field(description="the highest fine in NT$ (the same as `min` for a fixed "
                                                  "fine), e.g. 900")]

    @model_validator(mode="after")
    def max_not_below_min(self):
        if self.max < self.min:
            raise ValueError(f"`max` ({self.max}) is lower than `min` ({self.min})")
        return self


class TextFact(Fact):
    text: Annotated[Localised, Field(description=(
        "the statement, one text per language, written to fit into a sentence; it may hold "
        "`{{fee:…}}`, `{{days:…}}` and `{{fine:…}}` placeholders"))]


class Facts(Strict):
    """The whole of facts.yaml."""

    fees: dict[FactKey, FeeFact] = {}
    days: dict[FactKey, DaysFact] = {}
    fines: dict[FactKey, FineFact] = {}
    texts: dict[FactKey, TextFact] = {}
    ask: Annotated[dict[str, list[Text]], Field(description=(
        "per language, the words that ask the reader to check with the office or say that something "
        "is not confirmed; the staff review page lists every sentence of the site that has one"))] = {}

    def all(self) -> list[tuple[str, str, Fact]]:
        """(kind, key, fact) of every fact, in the file's order: kind is fee, days, fine or text."""
        return [(kind, key, fact) for kind, table in self.tables().items() for key, fact in table.items()]

    def tables(self) -> dict[str, dict]:
        return {"fee": self.fees, "days": self.days, "fine": self.fines, "text": self.texts}
