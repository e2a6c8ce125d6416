"""The filled-in example of every form carries every example value of its definition: each one
shows, as a reader must see it, in the example PDF (pdftotext) and in the example ODT's text.

The expected text is worked out here from the definitions (dates in the language's calendar, a
ticked box, the chosen option ticked and the others not), so the test holds for any field a
definition adds. A value is counted, not only looked for: the example must hold it once per
field that shows it, on top of the times the blank form and the example's notice about fictitious
values already hold it (the sample ID number is in that notice too); an option not chosen is
never ticked."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from forms import load_definitions
from forms.layout import CHECKED, UNCHECKED
from forms.texts import load_texts
from personal_data import ALLOWLIST_FILE, load_allowlist
from support import ROOT
from template_env.dates import format_for

LANGUAGES = ("zh-tw", "en")
FORMATS = ("pdf", "odt")


def squeeze(text: str) -> str:
    """Text without whitespace: layout breaks lines, and CJK text has no spaces to keep."""
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: `make test` installs poppler-utils"
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def odt_text(path: Path) -> str:
    with zipfile.ZipFile(path) as odt:
        return "".join(etree.fromstring(odt.read("content.xml")).itertext())


EXTRACT = {"pdf": pdf_text, "odt": odt_text}


def example_of(form_field, lang: str) -> str | None:
    example = getattr(form_field, "example", None)
    if example is None:
        return None
    return example[lang] if hasattr(example, "root") else str(example)


def shown(form_field, lang: str, words) -> tuple[list[str], list[str]]:
    """(what a reader must find for the field's example, what must not be there: an option ticked
    that was not chosen), each piece without whitespace."""
    value = example_of(form_field, lang)
    if value is None:
        return [], []
    if form_field.type == "date":
        return [squeeze(format_for(datetime.date.fromisoformat(value), lang))], []
    if form_field.type == "checkbox":
        yes, no = squeeze(f"{CHECKED} {words['yes']}"), squeeze(f"{UNCHECKED} {words['no']}")
        return ([yes], [squeeze(f"{CHECKED} {words['no']}")]) if value == "yes" else ([no], [yes])
    if form_field.type == "choice":
        ticked = {choice.key: squeeze(f"{CHECKED} {choice.label[lang]}") for choice in form_field.choices}
        return [ticked[value]], [piece for key, piece in ticked.items() if key != value]
    return [squeeze(value)], []


@pytest.fixture(scope="module")
def forms():
    allowlist = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date.today())
    return load_definitions(ROOT / "forms", LANGUAGES, allowlist=allowlist)


def document(real_site, form_id: str, variant: str, lang: str, fmt: str) -> str:
    path = real_site.output / "forms" / form_id / f"{form_id}-{variant}-{lang}.{fmt}"
    assert path.is_file(), f"{path} was not generated"
    return squeeze(EXTRACT[fmt](path))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_value_shows_in_the_example_document(real_site, forms, lang, fmt):
    words = load_texts(lang)
    notice = squeeze(words["fictitious"])
    checked = 0
    for form in forms:
        needed, unwanted = Counter(), Counter()
        for _, form_field in form.fields():
            present, absent = shown(form_field, lang, words)
            needed.update(present)
            unwanted.update(absent)
        example = document(real_site, form.id, "example", lang, fmt)
        blank = document(real_site, form.id, "blank", lang, fmt)
        for piece, times in needed.items():
            already = blank.count(piece) + notice.count(piece)
            assert example.count(piece) >= times + already, (
                f"{form.id}-example-{lang}.{fmt}: {piece!r} shows {example.count(piece)} time(s); "
                f"{times} field(s) show it, and the blank form and notice hold it {already} time(s)")
            checked += times
        for piece in unwanted:
            allowed = needed[piece] + blank.count(piece) + notice.count(piece)
            assert example.count(piece) <= allowed, f"{form.id}-example-{lang}.{fmt}: {piece!r} is ticked"
    fields = sum(1 for form in forms for _, f in form.fields() if example_of(f, lang) is not None)
    assert fields > len(forms) and checked >= fields  # every example value was looked for
