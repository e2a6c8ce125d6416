"""Bilingual site plugin: validates pairs, places every item at the same path per language,
offers a per-language SiteIndex to templates and writes placeholders for missing translations.

Settings: BILINGUAL_LANGUAGES = {lang: {"html_lang", "prefix", "name"}}, primary language first.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, Generator

from .content_index import ContentError, scan, untranslated, validate
from .site_index import SiteIndex, make_placeholders
from .urls import kind_and_folder, save_as, url_of

REQUIRED_KEYS = {"page": ["summary", "modified"], "news": ["summary", "date"]}
CONTEXT_KEY = "site_index"


class SettingsError(Exception):
    """A BILINGUAL_* setting is missing or malformed."""


def _roots(settings) -> dict[str, list[str]]:
    return {"page": list(settings["PAGE_PATHS"]), "news": list(settings["ARTICLE_PATHS"])}


def check_settings(settings) -> dict[str, dict]:
    """Return BILINGUAL_LANGUAGES after checking its shape and DEFAULT_LANG."""
    languages = settings.get("BILINGUAL_LANGUAGES")
    if not isinstance(languages, dict) or not languages:
        raise SettingsError("BILINGUAL_LANGUAGES must be a non-empty dict {lang: {...}}.")
    for lang, spec in languages.items():
        missing = {"html_lang", "prefix", "name"} - set(spec)
        if lang != lang.lower() or missing:
            raise SettingsError(f"BILINGUAL_LANGUAGES[{lang!r}]: lower-case key and {sorted(missing)} needed.")
    if next(iter(languages)) != settings["DEFAULT_LANG"]:
        raise SettingsError("The first of BILINGUAL_LANGUAGES must be DEFAULT_LANG.")
    return languages


def validate_content(generator) -> None:
    """Before reading, on every build (autoreload included): every file has slug and lang,
    pairs are sound; list what is untranslated. Runs once per build, when the first
    generator (the articles generator) is created, before any content is read."""
    if not isinstance(generator, ArticlesGenerator):
        return
    settings = generator.settings
    languages = list(check_settings(settings))
    entries = scan(Path(settings["PATH"]), _roots(settings))
    validate(entries, languages, REQUIRED_KEYS)
    missing = untranslated(entries, languages)
    if missing:
        print(f"bilingual: {len(missing)} item(s) without a translation "
              "(a placeholder page links to the original):", file=sys.stderr)
        for entry, lang in missing:
            print(f"  untranslated [{lang}] {entry.path}", file=sys.stderr)


def place_item(content) -> None:
    """Give a page or news item its URL: the same relative path under its language's prefix."""
    if not isinstance(content, (Page, Article)):
        return
    settings = content.settings
    languages = settings["BILINGUAL_LANGUAGES"]
    if content.lang not in languages:
        raise ContentError(f"{content.source_path}: unknown language {content.lang!r}.")
    kind, folder = kind_and_folder(content.relative_source_path, _roots(settings))
    content.bilingual_kind = kind
    content.bilingual_folder = folder if kind == "page" else ""  # news URLs ignore folders
    content.override_save_as = save_as(kind, folder, content.slug, languages[content.lang]["prefix"])
    content.override_url = url_of(content.override_save_as)


def build_site_index(generators) -> None:
    """Put a SiteIndex of every page and news item, in every language, into the shared context."""
    items = []
    context = None
    for generator in generators:
        for attr in ("pages", "articles", "translations", "hidden_pages", "hidden_translations"):
            items.extend(getattr(generator, attr, []))
        context = generator.context
    items = [i for i in items if hasattr(i, "bilingual_kind")]
    languages = check_settings(context)
    index = SiteIndex(items, languages, make_placeholders(items, languages))
    context[CONTEXT_KEY] = index


class PlaceholderGenerator(Generator):
    """Writes one page per missing translation with the `untranslated` template."""

    def generate_output(self, writer) -> None:
        index = self.context[CONTEXT_KEY]
        template = self.get_template("untranslated")
        for placeholder in index.placeholders:
            writer.write_file(placeholder.save_as, template, self.context, page=placeholder,
                              relative_urls=False)


def get_generators(pelican):
    return PlaceholderGenerator


def register():
    signals.generator_init.connect(validate_content)
    signals.content_object_init.connect(place_item)
    signals.all_generators_finalized.connect(build_site_index)
    signals.get_generators.connect(get_generators)
