"""The site's reference data, one YAML file each under `content/data/`: topics, laws, sources
and the glossary. Guides, forms and disclosures refer to these by key."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field, RootModel

from .common import Localised, Slug, Strict, Text

LAW_DATABASE = "https://law.moj.gov.tw/LawClass/LawAll.aspx"


class Topic(Strict):
    key: Slug
    name: Localised


class Law(Strict):
    name: Localised
    pcode: Annotated[str | None, Field(
        pattern=r"^[A-Z]\d{7}$", description="the law's PCODE on the national law database, e.g. D0030006")] = None
    note: Localised | None = None  # e.g. "abolished 2014-01-29"
    numbered_by: Annotated[Literal["article", "point"], Field(
        description="`article` (條, most laws) or `point` (點, administrative rules)")] = "article"

    @property
    def url(self) -> str | None:
        """The law's full text on the national law database (Laws & Regulations Database)."""
        return f"{LAW_DATABASE}?pcode={self.pcode}" if self.pcode else None


class Source(Strict):
    title: Localised
    url: AnyHttpUrl | None = None
    version: Text | None = None  # the version or date of the source


class Term(Strict):
    id: Slug
    zh: Annotated[Text, Field(description="the Chinese term as written at the counter")]
    en: Annotated[Text, Field(description="the one English term the site uses")]
    avoid: Annotated[list[Text], Field(description="English variants that must not be used")] = []
    explain: Localised
    source: Annotated[str, Field(pattern=r"^[A-Z]+\d+$", description="a source tag, e.g. L1")]


class Topics(RootModel[list[Topic]]):
    pass


class Laws(RootModel[dict[Slug, Law]]):
    pass


class Sources(RootModel[dict[str, Source]]):
    pass


class Glossary(RootModel[list[Term]]):
    pass
