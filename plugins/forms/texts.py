"""The words the generated documents add around a definition's own texts ("required", "Notes", the
note that the counter has the official form…), translated through the project's gettext catalog.

msgids are English and marked with `N_` so that `make i18n-update` extracts them; the `.po` is
compiled in memory (as `template_env.catalogs` does), so no stale `.mo` is ever used.
"""

from __future__ import annotations

import datetime
import gettext
from pathlib import Path

from problems import Problem, ProblemsFound
from sources.messages import N_
from sources.paths import display_path
from template_env.catalogs import catalog_path, load_translations
from template_env.dates import format_for

SOURCE_LANG = "en"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "i18n"



MESSAGES = {
    "blank": N_("Blank form"),
    "example": N_("Filled-in example"),
    "field": N_("Field"),
    "entry": N_("Fill in here"),
    "required": N_("(required)"),
    "optional": N_("(optional)"),
    "labelled": N_("{label}: {text}"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "notes": N_("Notes"),
    "about": N_("About this form"),
    "official": N_("This is not the official form. The office counter has the official form; use this "
                   "one to prepare, or ask at the counter whether it is accepted."),
    "fictitious": N_("Every name, number and address in this example is fictitious; ID numbers show the "
                     "well-known sample number A123456789."),
    "sign_here": N_("Sign here by hand."),
    "seal_here": N_("Seal or sign here by hand."),
    "photo_here": N_("Paste the photo here."),
    "office_use": N_("For office use only: please do not fill in."),
    "updated": N_("Updated: {date}"),
    "page": N_("Page {page} of {pages}"),
    "who": N_("Who fills it in"),
}


class UntranslatedError(ProblemsFound):
    """A form message has no translation: the document would silently mix in English."""


class Texts:
    """The generated documents' words in one language."""

    def __init__(self, lang: str, translations: gettext.NullTranslations):
        self.lang = lang
        self._translations = translations

    def __getitem__(self, key: str) -> str:
        return self._translations.gettext(MESSAGES[key])

    def date(self, day: datetime.date) -> str:
        return format_for(day, self.lang)

    def table(self) -> dict[str, str]:
        """Every message in this language: part of the cache key, so a new translation regenerates."""
        return {key: self[key] for key in sorted(MESSAGES)}


def load_texts(lang: str, locale_dir: Path = LOCALE_DIR) -> Texts:
    """The texts in `lang`; a language without a catalog is an error (never an English fallback)."""
    if lang == SOURCE_LANG:
        return Texts(lang, gettext.NullTranslations())
    translations = load_translations(locale_dir, lang)
    missing = [msgid for msgid in MESSAGES.values() if translations.gettext(msgid) == msgid]
    if missing:
        catalog = display_path(catalog_path(locale_dir, lang))
        raise UntranslatedError([Problem(catalog, None, "forms", "untranslated",
                                         f"{len(missing)} form message(s) not translated, e.g. {missing[0]!r}",
                                         f"run `make i18n-update` and translate them in {catalog}")])
    return Texts(lang, translations)
