"""The gettext catalogs are complete: the template is fresh, nothing is untranslated or fuzzy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from support import ROOT
from template_env.catalogs import CatalogError, load_all, load_translations

I18N = ROOT / "i18n"
POT = I18N / "messages.pot"
CATALOGS = sorted(I18N.glob("*/LC_MESSAGES/messages.po"))


def msgids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def test_there_is_a_catalog_for_every_non_source_language():
    assert [p.parts[-3] for p in CATALOGS] == ["zh-tw"]


def test_messages_pot_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run(
        [str(pybabel), "extract", "--no-location", "-F", str(I18N / "babel.cfg"), "-o", str(fresh),
         "theme/templates", "plugins"],
        cwd=ROOT, check=True, capture_output=True,
    )
    stale = msgids(fresh) ^ msgids(POT)
    assert not stale, f"i18n/messages.pot is stale ({sorted(stale)}). Fix: run `make i18n-update`."


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_is_complete_and_not_fuzzy(catalog):
    with catalog.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    assert msgids(catalog) == msgids(POT), f"{catalog}: run `make i18n-update`"
    untranslated = [m.id for m in messages if not all(m.string if m.pluralizable else [m.string])]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert not untranslated, f"{catalog}: untranslated entries {untranslated}"
    assert not fuzzy, f"{catalog}: fuzzy entries {fuzzy}"


def test_translations_load_from_po_and_translate(tmp_path):
    translations = load_all(I18N, ["zh-tw", "en"], "en")
    assert translations["zh-tw"].gettext("Skip to main content") == "跳到主要內容"
    assert translations["en"].gettext("Skip to main content") == "Skip to main content"


def test_missing_catalog_is_an_error(tmp_path):
    with pytest.raises(CatalogError, match="no message catalog for language 'de'"):
        load_translations(tmp_path, "de")


def test_a_fuzzy_entry_is_never_used_at_build_time(tmp_path):
    """A planted fuzzy translation is left out when the catalog is compiled: English shows."""
    folder = tmp_path / "zh-tw" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Skip to main content"\nmsgstr "跳到主要內容"\n\n'
        'msgid "Main menu"\nmsgstr "主選單"\n', encoding="utf-8")
    translations = load_translations(tmp_path, "zh-tw")
    assert translations.gettext("Skip to main content") == "Skip to main content"
    assert translations.gettext("Main menu") == "主選單"
