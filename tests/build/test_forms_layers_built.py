"""A city's offices share one forms cache (forms/cache.py): office A's override of a national
form is generated into it, and office B, built after A from the same cache, still publishes the
engine's form, never A's; then each builds again and nothing is generated anew (neither prunes
the other's files)."""

from __future__ import annotations

import datetime

from pypdf import PdfReader

from content_model.layers import SiteFolders, override
from forms import load_definitions, make_files, publish
from forms_support import LANGUAGES, minimal_form
from personal_data import ALLOWLIST_FILE, load_allowlist
from support import ROOT

ALLOWLIST = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date(2026, 12, 1))
FORM = "birth-application"


def test_an_office_s_form_override_is_never_served_to_another_office_from_the_shared_cache(tmp_path):
    engine = tmp_path / "engine-forms"
    minimal_form(engine, FORM)
    office_a, office_b, cache = tmp_path / "a" / "forms", tmp_path / "b" / "forms", tmp_path / "city-cache"
    definition = override(f"forms/{FORM}", SiteFolders(None, tmp_path / "a" / "content", engine, office_a))
    definition.write_text(definition.read_text(encoding="utf-8").replace("en: Test form", "en: Office A form", 1),
                          encoding="utf-8")
    office_b.mkdir(parents=True)

    def build(site, out):
        forms = load_definitions(site, LANGUAGES, allowlist=ALLOWLIST, below=(engine,))
        made = make_files(forms, cache, workers=1, languages=tuple(LANGUAGES))
        publish(made, out)
        title = PdfReader(out / FORM / f"{FORM}-blank-en.pdf").metadata.title
        return made, title

    made_a, title_a = build(office_a, tmp_path / "a" / "output")
    made_b, title_b = build(office_b, tmp_path / "b" / "output")
    assert "Office A form" in title_a, title_a
    assert "Office A form" not in title_b and "Test form" in title_b, title_b
    assert made_a.forms_regenerated == made_b.forms_regenerated == (FORM,)
    for site in (office_a, office_b):
        again, _ = build(site, tmp_path / "again")
        assert again.forms_regenerated == (), "one office's build pruned the other's files from the shared cache"
