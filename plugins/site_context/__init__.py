"""The keys plugins share in Pelican's context, declared ONCE: what each holds and who puts it there.

A plugin that reads a key uses `require(context, KEY)`: a missing key is a clear error naming
the plugin that should have put it there, never a template that silently renders nothing.
"""

from __future__ import annotations

from problems import Problem, ProblemsFound

SITE = "site"
TRANSLATIONS = "template_env_translations"
THEME_ASSETS = "template_env_theme_assets"
SITE_INDEX = "site_index"
REFERENCE = "reference"
OFFICE = "office"
AUDIT_RECORD = "audit_record"
MANUAL_CHECKS = "manual_checks"
OPEN_DATA_CATALOGUE = "open_data_catalogue"

# key -> (the plugin that puts it there, when, what it holds)
KEYS = {
    SITE: ("site_settings", "initialized", "site_settings.SiteSettings: origin, sub-path, the public base URL "
           "(`site.base_url`, the ONE place it is made), staging"),
    TRANSLATIONS: ("template_env", "generator_init", "{lang: gettext translations} of this build"),
    THEME_ASSETS: ("template_env", "generator_init", "template_env.assets.ThemeAssets: the theme's files and versions"),
    SITE_INDEX: ("content_model", "ContentGenerator.generate_context",
                 "content_model.site_index.SiteIndex: every item and placeholder by language"),
    REFERENCE: ("content_model", "ContentGenerator.generate_context",
                "content_model.reference.ReferenceData: topics, laws, sources, glossary"),
    OFFICE: ("office_data", "all_generators_finalized", "office_data.OfficeData: the office's details"),
    AUDIT_RECORD: ("audit_record", "all_generators_finalized", "the latest full accessibility audit, or None"),
    MANUAL_CHECKS: ("audit_record", "all_generators_finalized",
                    "the checks people do by hand, with the date each was last done"),
    OPEN_DATA_CATALOGUE: ("site_outputs", "all_generators_finalized",
                          "site_outputs.catalogue.Catalogue: the open-data datasets with their metadata"),
}


class MissingContextKey(ProblemsFound):
    """A plugin needs a context key that the plugin responsible for it has not put there."""


def require(context, key: str):
    """The value of a shared key; a missing one names the plugin that provides it (a problem of
    the settings file's PLUGINS)."""
    try:
        return context[key]
    except KeyError:
        plugin, when, what = KEYS[key]
        raise MissingContextKey([Problem(
            context.get("SITE_SETTINGS_FILE", "pelicanconf.py"), None, "settings", "PLUGINS",
            f"`{key}` ({what}) is not in the context: the `{plugin}` plugin puts it there at {when}",
            f"add `{plugin}` to PLUGINS, before the plugin that needs it")]) from None
