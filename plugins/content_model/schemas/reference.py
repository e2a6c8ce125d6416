"""The site's reference data, one YAML file each under `content/data/`: topics, laws, sources
and the glossary. Guides, forms and disclosures refer to these by key."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field, RootModel

from .common import Article, Localised, Slug, SourceKey, Strict, Text

LAW_DATABASE = "https://law.moj.gov.tw/LawClass/LawAll.aspx"
LAW_ARTICLE = "https://law.moj.gov.tw/LawClass/LawSingle.aspx"


class Topic(Strict):
    key: Slug
    name: Localised


class Law(Strict):
    name: Localised
    pcode: Annotated[str | None, Field(
        pattern=r"^[A-Z]\d{7}$", description=(
            "the law's PCODE on the national law database (law.moj.gov.tw), as in its address "
            "…LawAll.aspx?pcode=D0030001, e.g. D0030006"))] = None
    not_in_database: Annotated[Localised | None, Field(description=(
        "only for a rule the national law database does not hold (an administrative rule): why, and "
        "where its text can be read, one text per language; every other law has a `pcode`"))] = None
    source: Annotated[SourceKey | None, Field(description=(
        "the source tag in content/data/sources.yaml of the text read (its version or date), e.g. L1"))] = None
    note: Localised | None = None  # e.g. "abolished 2014-01-29"
    numbered_by: Annotated[Literal["article", "point"], Field(
        description="`article` (條, most laws) or `point` (點, administrative rules)")] = "article"

    @property
    def url(self) -> str | None:
        """The law's full text on the national law database (Laws & Regulations Database)."""
        return f"{LAW_DATABASE}?pcode={self.pcode}" if self.pcode else None

    def article_url(self, article: Article) -> str | None:
        """The one article on the national law database (e.g. flno=48-2), or None for a rule
        numbered in points or outside the database (then the whole text is linked, if any)."""
        if not self.pcode or self.numbered_by != "article":
            return None
        return f"{LAW_ARTICLE}?pcode={self.pcode}&flno={article}"


class Source(Strict):
    title: Localised
    url: AnyHttpUrl | None = None
    version: Annotated[Localised | None, Field(description=(
        "the version or date of the source that was read, one text per language, e.g. `{zh-tw: "
        "2015-01-21最後修正（2024-10-11的條文）, en: last amended 2015-01-21 (text as of 2024-10-11)}`"))] = None


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
