"""Load the gettext catalogs from `.po` files and pick the right one for each rendered page.

The `.po` files are compiled in memory at every build, so no stale `.mo` can be used.
The source language (English) needs no catalog; any other language without one is an error.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import pass_context

from problems import Problem, ProblemsFound
from sources.paths import display_path


class CatalogError(ProblemsFound):
    """A language has no catalog, or a page's language cannot be told."""

    def __init__(self, where: str, rule: str, message: str, fix: str):
        super().__init__([Problem(where, None, "catalogs", rule, message, fix)])


def catalog_path(locale_dir: Path, lang: str) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / "messages.po"


def load_translations(locale_dir: Path, lang: str) -> gettext.GNUTranslations:
    """Compile one language's `.po` into a GNUTranslations object (fuzzy entries excluded)."""
    path = catalog_path(locale_dir, lang)
    if not path.is_file():
        raise CatalogError(display_path(path), "missing-catalog", f"there is no message catalog for language {lang!r}",
                           "run `make i18n-update` and translate the new file")
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=None)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def load_all(locale_dir: Path, languages: list[str], source_lang: str) -> dict:
    """{lang: translations} for every site language; the source language is identity."""
    return {
        lang: gettext.NullTranslations() if lang == source_lang else load_translations(locale_dir, lang)
        for lang in languages
    }


def language_of(context) -> str:
    """The language of the page being rendered: its `page`, or `output_lang`."""
    item = context.get("page")
    if item is not None:
        return item.lang
    lang = context.get("output_lang")
    if lang is None:
        raise CatalogError(f"theme/templates/{context.name}", "no-language",
                           f"cannot tell the language of template {context.name!r}",
                           "render it with `page` or `output_lang`")
    return lang


def make_callables(translations: dict):
    """gettext and ngettext that translate into the language of the page being rendered."""

    @pass_context
    def page_gettext(context, message: str) -> str:
        return translations[language_of(context)].gettext(message)

    @pass_context
    def page_ngettext(context, singular: str, plural: str, n: int) -> str:
        return translations[language_of(context)].ngettext(singular, plural, n)

    return page_gettext, page_ngettext
