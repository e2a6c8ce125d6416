"""The per-build view of the site by language: items per kind, navigation, counterparts,
hreflang alternates, breadcrumbs and the placeholders for missing translations.

Templates, the sitemap and the feeds use this index (never Pelican's `pages`), so every
language is listed the same way. Built once per build; read-only afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable

from .checksums import Checksums, checksums
from .items import Item, Placeholder
from .kinds import FOOTER_PAGES, KINDS, NOT_SEARCHED, UNLISTED, kind_named


class SiteIndex:
    """Read-only lookups over one build's content, by language."""

    def __init__(self, items: Iterable[Item], languages: dict[str, dict]):
        self.languages = languages
        self._items = tuple(sorted(items, key=lambda i: i.save_as))
        self.placeholders = tuple(make_placeholders(self._items, languages))
        self._by_key = {(i.key, i.lang): i for i in (*self._items, *self.placeholders)}

    # --- languages -------------------------------------------------------------------------
    @property
    def primary(self) -> str:
        return next(iter(self.languages))

    def html_lang(self, lang: str) -> str:
        return self.languages[lang]["html_lang"]

    def language_name(self, lang: str) -> str:
        return self.languages[lang]["name"]

    # --- items -------------------------------------------------------------------------------
    def all_items(self) -> tuple[Item, ...]:
        """Every real item in every language (not the placeholders)."""
        return self._items

    def items(self, kind: str, lang: str) -> list[Item]:
        """The real items of one kind in one language: dated kinds newest first, others by URL."""
        found = [i for i in self._items if i.kind.name == kind and i.lang == lang]
        if any(k.dated for k in KINDS if k.name == kind):
            return sorted(found, key=lambda i: (i.date, i.slug), reverse=True)
        return found

    def pages(self, lang: str) -> list[Item]:
        return self.items("page", lang)

    def news(self, lang: str) -> list[Item]:
        return self.items("news", lang)

    def find(self, kind: str, folder: str, slug: str, lang: str):
        """The item (or placeholder) with that key in that language, or None."""
        return self._by_key.get(((kind, folder, slug), lang))

    def page(self, slug: str, lang: str):
        """A top-level page (or its placeholder) the templates rely on; the pre-check makes sure
        every required page exists, so a miss here is a bug, not a content mistake."""
        found = self.find("page", "", slug, lang)
        if found is None:
            raise LookupError(f"no page with slug {slug!r} in {lang!r}: add it to REQUIRED_PAGES "
                              "in plugins/content_model/kinds.py so that the pre-check asks for it")
        return found

    def checksums(self, lang: str) -> Checksums:
        """The SHA-256 of every file this language's pages offer, published as one text file."""
        return checksums([i for i in self._items if i.lang == lang], self.languages[lang]["prefix"])

    @staticmethod
    def open_data() -> list:
        """The open-data lists the site publishes (kinds.OpenData), in the kinds' order."""
        return [kind.open_data for kind in KINDS if kind.open_data]

    @staticmethod
    def feeds() -> list:
        """The Atom feeds the site publishes (kinds.Feed), in the kinds' order."""
        return [kind.feed for kind in KINDS if kind.feed]

    @staticmethod
    def feed(kind: str):
        """The Atom feed (kinds.Feed) of one kind, or None."""
        return kind_named(kind).feed

    def footer(self, lang: str) -> list:
        """The pages the footer links to, in the declared order (kinds.FOOTER_PAGES)."""
        return [self.page(slug, lang) for slug in FOOTER_PAGES]

    def counterpart(self, item, lang: str):
        """The same item in another language: its translation, or else its placeholder."""
        return self._by_key.get((item.key, lang))

    def is_translated(self, item, lang: str) -> bool:
        return isinstance(self.counterpart(item, lang), Item)

    def alternates(self, item) -> list[tuple[str, str]]:
        """(hreflang, url) for every real language version of an item, then x-default (the
        primary language's version). The ONE source of hreflang links (pages and sitemap)."""
        versions = [(self.html_lang(lang), self.counterpart(item, lang).url)
                    for lang in self.languages if self.is_translated(item, lang)]
        return [*versions, ("x-default", self.counterpart(item, self.primary).url)]

    # --- navigation and listings ---------------------------------------------------------------
    def nav(self, lang: str) -> list:
        """The primary-language pages that carry `nav: n`, in that order, as seen in `lang`
        (a translation, or the placeholder that points to the original)."""
        marked = [p for p in self.pages(self.primary) if p.header.nav is not None]
        return [self.counterpart(p, lang) for p in sorted(marked, key=lambda p: p.header.nav)]

    def listed(self, lang: str) -> list[Item]:
        """Real items of this language that belong in the sitemap, in a stable order."""
        return [i for i in self._items if i.lang == lang and i.kind.sitemap and i.slug not in UNLISTED]

    def is_searched(self, item) -> bool:
        """True if the site search indexes this page: a real item (never a placeholder, which
        is `noindex`) of a kind declared `search=True`, and not the 404 or the search page."""
        return isinstance(item, Item) and item.kind.search and not (item.is_top_page and item.slug in NOT_SEARCHED)

    def site_map(self, lang: str) -> list:
        """The pages of the site map page: home, then the main menu in its order, then the other
        top-level and sub-folder pages by address (not the 404 page)."""
        home = [self.page("home", lang)]
        menu = [p for p in self.nav(lang) if p not in home]
        rest = [p for p in self.pages(lang) if p not in home and p not in menu and p.slug not in UNLISTED]
        return home + menu + rest

    def breadcrumbs(self, item) -> list:
        """Ancestors of an item, home first; the item itself is not included."""
        if item.is_top_page and item.slug == "home":
            return []
        crumbs = [self.page("home", item.lang)]
        if item.kind.section:
            crumbs.append(self.page(item.kind.section, item.lang))
            if item.kind.parent:  # e.g. a disclosure's category, between the section and the item
                kind, slug = item.kind.parent(item)
                crumbs.append(self.find(kind, "", slug, item.lang))
        elif item.folder:
            parts = item.folder.split("/")
            crumbs += [self.find("page", "/".join(parts[:depth]), part, item.lang)
                       for depth, part in enumerate(parts)]
        return [crumb for crumb in crumbs if crumb is not None]


def make_placeholders(items: tuple[Item, ...], languages: dict[str, dict]) -> list[Placeholder]:
    """A placeholder in every language that lacks a translation of a primary-language item."""
    primary = next(iter(languages))
    present = {(item.key, item.lang) for item in items}
    return [
        Placeholder(original=item, lang=lang, save_as=item.kind.save_as(item.folder, item.slug, spec["prefix"]))
        for item in items if item.lang == primary
        for lang, spec in languages.items()
        if (item.key, lang) not in present
    ]
