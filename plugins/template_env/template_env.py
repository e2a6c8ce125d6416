"""Set up every generator's Jinja environment: only the theme's templates (no silent fallback
to Pelican's English 'simple' theme), gettext per page language, and the date filters.

Settings: TEMPLATE_ENV_LOCALE_DIR (folder of <lang>/LC_MESSAGES/messages.po),
TEMPLATE_ENV_SOURCE_LANG (the language of the msgids), SITE_LANGUAGES (site languages), and
Pelican's THEME and THEME_TEMPLATES_OVERRIDES (where templates are looked up).
Context keys it provides: `template_env_translations` and `template_env_theme_assets` (see plugins/site_context).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, pass_context
from pelican import signals

from site_context import THEME_ASSETS, TRANSLATIONS

from .amounts import Formatter
from .assets import ThemeAssets
from .catalogs import language_of, load_all, make_callables
from .dates import format_for, time_element
from .language_marks import mark_languages
from .legal import article_links, article_list
from .links import external_cue, is_external
from .mailto import mailto_href
from .sizes import human_size


@pass_context
def date_text(context, day) -> str:
    """Filter: a date as text in the page's language."""
    return format_for(day, language_of(context))


@pass_context
def lang_marked(context, text, written_in: str | None = None):
    """Filter: data text, escaped, each part in another language than the page marked with
    `lang` (`written_in`: the site language the text is written in; the page's by default)."""
    html_langs = {lang: conf["html_lang"] for lang, conf in context["SITE_LANGUAGES"].items()}
    return mark_languages(text, language_of(context), html_langs, written_in)


@pass_context
def time_tag(context, day):
    """Filter: a date as `<time datetime>` in the page's language."""
    return time_element(day, language_of(context))


@pass_context
def articles_text(context, numbers, unit: str = "article") -> str:
    """Filter: article (or point) numbers of a law as words in the page's language."""
    lang = language_of(context)
    html_lang = context["SITE_LANGUAGES"][lang]["html_lang"]
    return article_list(list(numbers), context[TRANSLATIONS][lang], html_lang, unit)


@pass_context
def money_text(context, amount: int, unit: str | None = None) -> str:
    """Filter: an amount in NT$ in the page's language (0: free), with a unit if given (per page)."""
    return Formatter(context[TRANSLATIONS][language_of(context)]).fee(amount, unit)


@pass_context
def article_links_text(context, numbers, law, attributes: str = ""):
    """Filter: a law's articles as words, each a link to its page on the national law database."""
    lang = language_of(context)
    html_lang = context["SITE_LANGUAGES"][lang]["html_lang"]
    return article_links(list(numbers), law, lang, context[TRANSLATIONS][lang], html_lang, str(attributes))


@pass_context
def external_cue_text(context, href: str) -> str:
    """Global: the words that end a link to `href` when it is another site, in the page's
    language; '' for a link within the site (links.py)."""
    return external_cue(context[TRANSLATIONS][language_of(context)]) if is_external(str(href)) else ""


@pass_context
def size_text(context, size: int) -> str:
    """Filter: a file size in the page's language."""
    return human_size(size, context[TRANSLATIONS][language_of(context)])


def build_translations(generator) -> dict:
    """The catalogs of this build, compiled once and shared by all its generators."""
    if TRANSLATIONS not in generator.context:
        settings = generator.settings
        generator.context[TRANSLATIONS] = load_all(
            Path(settings["TEMPLATE_ENV_LOCALE_DIR"]),
            list(settings["SITE_LANGUAGES"]),
            settings["TEMPLATE_ENV_SOURCE_LANG"],
        )
    return generator.context[TRANSLATIONS]


def theme_assets(generator) -> ThemeAssets:
    """The theme's files and their versions, read once per build and shared by its generators."""
    if THEME_ASSETS not in generator.context:
        generator.context[THEME_ASSETS] = ThemeAssets(Path(generator.settings["THEME"]))
    return generator.context[THEME_ASSETS]


def template_folders(settings) -> list[str]:
    """The theme's templates (and any overrides before them); never Pelican's 'simple' theme."""
    return [*settings["THEME_TEMPLATES_OVERRIDES"], str(Path(settings["THEME"]) / "templates")]


def configure_environment(generator) -> None:
    env = generator.env
    env.loader = FileSystemLoader(template_folders(generator.settings))
    translations = build_translations(generator)
    gettext, ngettext = make_callables(translations)
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.filters.update({"date_text": date_text, "time_tag": time_tag, "article_list": articles_text,
                        "file_size": size_text, "money": money_text,
                        "article_links": article_links_text,
                        # text from data with its parts in another language marked `lang`
                        "lang_marked": lang_marked,
                        # a mailto: href with the subject percent-encoded (RFC 6068)
                        "mailto": mailto_href,
                        # a theme file's URL with `?v=` from its bytes (long-cacheable)
                        "fingerprint": theme_assets(generator).url})
    env.globals["external_cue"] = external_cue_text


def register():
    signals.generator_init.connect(configure_environment)
