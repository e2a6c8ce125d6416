"""The per-build view of the site by language: pages, news, navigation, counterparts, crumbs.

Pelican lists only primary-language items in `pages` and `articles`; templates use this
index instead, so that English navigation and lists are built the same way as Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from .urls import save_as, url_of


@dataclass(frozen=True)
class Placeholder:
    """The page written in a language that has no translation yet; it points to the original."""

    original: object
    lang: str
    save_as: str

    @property
    def url(self) -> str:
        return url_of(self.save_as)

    @property
    def title(self) -> str:
        return self.original.title

    @property
    def slug(self) -> str:
        return self.original.slug

    @property
    def modified(self):
        """When the original last changed: the placeholder is only as current as it is."""
        return getattr(self.original, "modified", None) or self.original.date


class SiteIndex:
    """Read-only lookups over one build's content, by language."""

    def __init__(self, items: list, languages: dict[str, dict], placeholders: list[Placeholder]):
        self.languages = languages
        self._items = sorted(items, key=attrgetter("save_as"))
        self.placeholders = placeholders
        self._by_key = {(self.key_of(i), i.lang): i for i in self._items}
        self._by_key.update({(self.key_of(p.original), p.lang): p for p in placeholders})

    @staticmethod
    def key_of(item) -> tuple[str, str, str]:
        return (item.bilingual_kind, item.bilingual_folder, item.slug)

    @property
    def primary(self) -> str:
        return next(iter(self.languages))

    def html_lang(self, lang: str) -> str:
        return self.languages[lang]["html_lang"]

    def language_name(self, lang: str) -> str:
        return self.languages[lang]["name"]

    def pages(self, lang: str) -> list:
        """Every real page in one language, ordered by URL."""
        return [i for i in self._items if i.lang == lang and i.bilingual_kind == "page"]

    def news(self, lang: str) -> list:
        """News items in one language, newest first."""
        items = [i for i in self._items if i.lang == lang and i.bilingual_kind == "news"]
        return sorted(items, key=lambda i: (i.date, i.slug), reverse=True)

    def nav(self, lang: str) -> list:
        """The primary-language pages that carry `Nav: n`, in that order, as seen in `lang`
        (a translation, or the placeholder that points to the original)."""
        marked = [p for p in self.pages(self.primary) if hasattr(p, "nav")]
        return [self.counterpart(p, lang) for p in sorted(marked, key=lambda p: int(p.nav))]

    def site_map(self, lang: str) -> list:
        """Every page a person may look for, as the site map lists it: the home page, the
        main menu in its order, then the other pages by address (not the 404 page)."""
        home = [p for p in self.pages(lang) if p.slug == "home" and not p.bilingual_folder]
        menu = [p for p in self.nav(lang) if p.lang == lang and p not in home]
        rest = [p for p in self.pages(lang) if p not in home and p not in menu and p.slug != "404"]
        return home + menu + rest

    def find(self, kind: str, folder: str, slug: str, lang: str):
        """The item (or placeholder) with that key in that language, or None."""
        return self._by_key.get(((kind, folder, slug), lang))

    def counterpart(self, item, lang: str):
        """The same item in another language: its translation, or else its placeholder."""
        original = getattr(item, "original", item)
        return self._by_key.get((self.key_of(original), lang))

    def is_translated(self, item, lang: str) -> bool:
        return not isinstance(self.counterpart(item, lang), Placeholder)

    def breadcrumbs(self, item) -> list:
        """Ancestors of an item, home first; the item itself is not included."""
        original = getattr(item, "original", item)
        if original.bilingual_kind == "page" and original.slug == "home":
            return []
        lang = item.lang
        crumbs = [self.find("page", "", "home", lang)]
        if original.bilingual_kind == "news":
            crumbs.append(self.find("page", "", "news", lang))
        else:
            folder = original.bilingual_folder
            parts = folder.split("/") if folder else []
            for depth, part in enumerate(parts):
                crumbs.append(self.find("page", "/".join(parts[:depth]), part, lang))
        return [c for c in crumbs if c is not None]


def make_placeholders(items: list, languages: dict[str, dict]) -> list[Placeholder]:
    """A placeholder in every language that lacks a translation of a primary-language item."""
    primary = next(iter(languages))
    present = {(SiteIndex.key_of(i), i.lang) for i in items}
    placeholders = []
    for item in items:
        if item.lang != primary:
            continue
        for lang, spec in languages.items():
            if (SiteIndex.key_of(item), lang) not in present:
                target = save_as(item.bilingual_kind, item.bilingual_folder, item.slug, spec["prefix"])
                placeholders.append(Placeholder(original=item, lang=lang, save_as=target))
    return placeholders
