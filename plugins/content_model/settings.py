"""The content model's settings, checked once at start-up (Pelican's `initialized` signal).

SITE_LANGUAGES = {lang: {"html_lang", "prefix", "name"}}, the primary language first (it is
DEFAULT_LANG and lives at "/"); read by several plugins, owned here. PAGE_PATHS and
ARTICLE_PATHS must be empty: the content generator reads every kind itself.
"""

from __future__ import annotations

from pathlib import Path

from .kinds import KINDS

LANGUAGE_KEYS = {"html_lang", "prefix", "name"}


class SettingsError(Exception):
    """A setting the content model relies on is missing or malformed."""


def languages_of(settings) -> dict[str, dict]:
    """SITE_LANGUAGES, after checking its shape and that the first one is DEFAULT_LANG."""
    languages = settings.get("SITE_LANGUAGES")
    if not isinstance(languages, dict) or not languages:
        raise SettingsError("SITE_LANGUAGES must be a non-empty dict {lang: {html_lang, prefix, name}}.")
    for lang, spec in languages.items():
        missing = LANGUAGE_KEYS - set(spec or {})
        if lang != lang.lower() or missing:
            raise SettingsError(f"SITE_LANGUAGES[{lang!r}]: the key must be lower-case and needs {sorted(missing)}.")
    if next(iter(languages)) != settings.get("DEFAULT_LANG"):
        raise SettingsError("The first of SITE_LANGUAGES must be DEFAULT_LANG (the language at '/').")
    prefixes = [spec["prefix"] for spec in languages.values()]
    if prefixes[0] != "" or len(set(prefixes)) != len(prefixes):
        raise SettingsError("SITE_LANGUAGES: the first language has prefix '' and the others distinct prefixes.")
    return languages


def check(settings) -> None:
    """Every setting the content model relies on; raises SettingsError naming the first bad one."""
    languages_of(settings)
    allowlist = settings.get("PERSONAL_DATA_ALLOWLIST")
    if not allowlist or not Path(allowlist).is_file():
        raise SettingsError(f"PERSONAL_DATA_ALLOWLIST must name the personal-data allow-list file "
                            f"(.ci/personal-data-allowlist.toml), not {allowlist!r}.")
    for name in ("PAGE_PATHS", "ARTICLE_PATHS"):
        if list(settings.get(name) or []):
            raise SettingsError(f"{name} must be [] (the content generator reads "
                                f"{', '.join(k.folder for k in KINDS if k.folder)} itself), "
                                f"not {settings.get(name)!r}.")
