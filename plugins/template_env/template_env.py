"""Set up every generator's Jinja environment: only the theme's templates (no silent fallback
to Pelican's English 'simple' theme), gettext per page language, and the date filters.

Settings: TEMPLATE_ENV_LOCALE_DIR (folder of <lang>/LC_MESSAGES/messages.po),
TEMPLATE_ENV_SOURCE_LANG (the language of the msgids), BILINGUAL_LANGUAGES (site languages).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, pass_context
from pelican import signals

from .catalogs import language_of, load_all, make_callables
from .dates import format_for, time_element


@pass_context
def date_text(context, day) -> str:
    """Filter: a date as text in the page's language."""
    return format_for(day, language_of(context))


@pass_context
def time_tag(context, day):
    """Filter: a date as `<time datetime>` in the page's language."""
    return time_element(day, language_of(context))


CONTEXT_KEY = "template_env_translations"


def build_translations(generator) -> dict:
    """The catalogs of this build, compiled once and shared by all its generators."""
    if CONTEXT_KEY not in generator.context:
        settings = generator.settings
        generator.context[CONTEXT_KEY] = load_all(
            Path(settings["TEMPLATE_ENV_LOCALE_DIR"]),
            list(settings["BILINGUAL_LANGUAGES"]),
            settings["TEMPLATE_ENV_SOURCE_LANG"],
        )
    return generator.context[CONTEXT_KEY]


def configure_environment(generator) -> None:
    env = generator.env
    env.loader = FileSystemLoader(generator._templates_path)
    translations = build_translations(generator)
    gettext, ngettext = make_callables(translations)
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.filters.update({"date_text": date_text, "time_tag": time_tag})


def register():
    signals.generator_init.connect(configure_environment)
