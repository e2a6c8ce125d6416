"""Factories for tests: content items of any kind with valid headers, and a site index of them."""

from __future__ import annotations

import datetime

from markupsafe import Markup

from content_model.items import Item
from content_model.kinds import kind_named
from content_model.site_index import SiteIndex

LANGUAGES = {"zh-tw": {"html_lang": "zh-Hant-TW", "prefix": "", "name": "中文"},
             "en": {"html_lang": "en", "prefix": "en", "name": "English"}}
DAY = datetime.date(2026, 11, 1)

GUIDE = {
    "topic": "births-deaths", "reviewed": DAY, "applicants": ["父母"],
    "deadline": {"fact": "birth", "text": "60日內"}, "documents": [{"name": "出生證明書"}],
    "fees": [{"fee": "registration", "item": "登記"}], "processing": "隨到隨辦",
    "where": {place: {"status": "yes"} for place in ("office", "city", "nationwide", "online")},
    "legal_basis": [{"law": "household-registration-act", "articles": ["48"]}],
    "steps": ["到所辦理"], "sources": ["L1"],
}
DISCLOSURE = {"category": "organisation", "date": DAY, "issuer": "測試戶政事務所"}
DEFAULTS = {"page": {"modified": DAY}, "news": {"date": DAY}, "guide": GUIDE, "disclosure": DISCLOSURE,
            "disclosure-category": {"number": 3, "updated": DAY}}


def header(kind: str, slug: str, lang: str, **fields):
    """A valid header of a kind; `fields` override the defaults."""
    data = {"title": f"{slug}-{lang}", "slug": slug, "lang": lang, "summary": "s", **DEFAULTS[kind], **fields}
    return kind_named(kind).schema.model_validate(data)


def item(kind: str, slug: str, lang: str, folder: str = "", **fields) -> Item:
    """An item as the content generator makes it (header values not rendered)."""
    content_kind = kind_named(kind)
    model = header(kind, slug, lang, **fields)
    return Item(kind=content_kind, folder=folder, lang=lang, header=model, fields=model.model_dump(),
                content=Markup("<p>x</p>"), source_path=f"content/{content_kind.folder}/{slug}.{lang}.md",
                save_as=content_kind.save_as(folder, slug, LANGUAGES[lang]["prefix"]),
                template=content_kind.template)


def index(*items: Item) -> SiteIndex:
    return SiteIndex(items, LANGUAGES)
