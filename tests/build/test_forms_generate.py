"""Generated forms: every PDF tagged, titled, language-marked, with one embedded subset face and
every label as text; every blank PDF fillable with /TU = label; every ODT valid ODF that odfpy
loads and LibreOffice converts; two generations byte-identical; a warm run writes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from odf import dc, table, text
from odf.namespaces import FONS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import load
from odf.style import DefaultStyle, TextProperties

from forms import generate, pdf_facts, tagging_mistakes
from forms.layout import LANGUAGE_TAGS, example_value
from forms.schema import HAND_TYPES
from forms.supplied import odt_mistakes

LANGUAGES = ("zh-tw", "en")
MAX_PDF_BYTES = 150_000


def files_of(report, fmt, variant=None):
    return [f for f in report.files if f.format == fmt and variant in (None, f.variant)]


def test_every_form_language_variant_and_format_is_made(forms, built):
    _, cold, _, _ = built
    expected = {(form.id, lang, variant, fmt) for form in forms for lang in LANGUAGES
                for variant in ("blank", "example") for fmt in ("pdf", "odt")}
    assert {(f.form_id, f.lang, f.variant, f.format) for f in cold.files} == expected
    assert cold.regenerated == len(expected) and cold.written == len(expected)
    updated = {form.id: form.definition.updated.isoformat() for form in forms}
    for entry in cold.files:
        assert entry.updated == updated[entry.form_id] and len(entry.sha256) == 64
        assert entry.pages >= 1 if entry.format == "pdf" else entry.pages is None
        assert (built[0] / "out" / entry.path).stat().st_size == entry.bytes


def test_a_warm_run_regenerates_and_writes_nothing(built):
    _root, cold, warm, mtimes = built
    assert warm.regenerated == 0 and warm.written == 0 and warm.forms_regenerated == ()
    assert warm.files == cold.files
    assert {path: path.stat().st_mtime_ns for path in mtimes} == mtimes


def test_every_pdf_is_tagged_titled_and_language_marked(forms, built):
    titles = {form.id: form.definition.title for form in forms}
    for entry in files_of(built[1], "pdf"):
        facts = pdf_facts(built[0] / "out" / entry.path)
        assert tagging_mistakes(facts) == [], entry.path
        assert facts.lang == LANGUAGE_TAGS[entry.lang]
        assert facts.title.startswith(titles[entry.form_id][entry.lang]) and facts.display_title
        assert facts.pages == entry.pages


def test_every_pdf_embeds_one_subset_face_and_stays_small(built):
    """The printed text is one embedded subset; a blank PDF adds the standard CJK font its fields
    type with (not embedded: docs/forms.md). Median blank PDF ≤ 200 KB, none over 1 MB."""
    for entry in files_of(built[1], "pdf"):
        facts = pdf_facts(built[0] / "out" / entry.path)
        [(name, embedded)] = facts.fonts
        assert embedded and name.endswith("+Noto-Sans-CJK-TC-Forms"), (entry.path, name)
        assert facts.field_fonts == (("/MHei-Medium",) if entry.variant == "blank" else ()), entry.path
        assert entry.bytes <= MAX_PDF_BYTES * entry.pages, (entry.path, entry.bytes)
    blank = sorted(entry.bytes for entry in files_of(built[1], "pdf", "blank"))
    assert blank[len(blank) // 2] <= 200_000 and blank[-1] <= 1_000_000, blank


def test_pdftotext_finds_every_label(forms, built):
    by_id = {form.id: form for form in forms}
    for entry in files_of(built[1], "pdf"):
        extracted = squeeze(pdftotext(built[0] / "out" / entry.path))
        for _, form_field in by_id[entry.form_id].fields():
            assert squeeze(form_field.label[entry.lang]) in extracted, (entry.path, form_field.id)


def test_every_blank_pdf_field_is_fillable_with_its_label_as_tu(forms, built):
    by_id = {form.id: form for form in forms}
    for entry in files_of(built[1], "pdf", "blank"):
        fields = {name: (tu, kind) for name, tu, kind in pdf_facts(built[0] / "out" / entry.path).fields}
        form = by_id[entry.form_id]
        expected = {f"{form.definition.sections[loc[1]].id}.{f.id}": f for loc, f in form.fields()
                    if f.type not in HAND_TYPES}
        assert set(fields) == set(expected), entry.path
        for name, form_field in expected.items():
            assert fields[name][0].startswith(form_field.label[entry.lang]), (entry.path, name)


def test_example_pdfs_are_not_fillable(built):
    for entry in files_of(built[1], "pdf", "example"):
        assert pdf_facts(built[0] / "out" / entry.path).fields == ()


def test_every_odt_is_valid_odf_with_named_tables_headings_and_language(forms, built):
    for entry in files_of(built[1], "odt"):
        path = built[0] / "out" / entry.path
        assert odt_mistakes(path) == [], entry.path
        document = load(str(path))
        form = next(form for form in forms if form.id == entry.form_id)
        tables = document.getElementsByType(table.Table)
        office = ["office-use"] if form.definition.office_use else []
        assert [t.getAttrNS(TABLENS, "name") for t in tables] == [s.id for s in form.definition.sections] + office
        assert all(t.getElementsByType(table.TableHeaderRows) for t in tables)
        levels = [h.getAttrNS(TEXTNS, "outline-level") for h in document.getElementsByType(text.H)]
        assert levels[0] == "1" and set(levels[1:]) == {"2"}
        language = str(document.meta.getElementsByType(dc.Language)[0])
        assert language == {"zh-tw": "zh-TW", "en": "en"}[entry.lang]
        [default] = list(document.styles.getElementsByType(DefaultStyle))
        [props] = default.getElementsByType(TextProperties)
        assert props.getAttrNS(FONS, "language") == language.split("-")[0]
        assert props.getAttrNS(STYLENS, "language-asian") == "zh"
        heading_styles = {s.getAttrNS(STYLENS, "name") for s in document.styles.childNodes
                          if s.qname == (STYLENS, "style")}
        assert {"Heading_20_1", "Heading_20_2"} <= heading_styles


def test_libreoffice_converts_every_odt(forms, built, tmp_path):
    """One LibreOffice call for all files (it is slow to start), with its own profile; the
    converted text holds every label (the ODT really carries the form, not just opens)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    entries = files_of(built[1], "odt")
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
         *(str(built[0] / "out" / e.path) for e in entries)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    pdf_pages = {(f.form_id, f.lang, f.variant): f.pages for f in files_of(built[1], "pdf")}
    for entry in entries:
        converted = tmp_path / "pdf" / Path(entry.path).with_suffix(".pdf").name
        assert converted.is_file(), (entry.path, result.stdout, result.stderr)
        form = next(form for form in forms if form.id == entry.form_id)
        extracted = squeeze(pdftotext(converted))
        assert all(squeeze(f.label[entry.lang]) in extracted for _, f in form.fields()), entry.path
        pages = pdf_facts(converted).pages
        assert pages <= pdf_pages[(entry.form_id, entry.lang, entry.variant)] + 1, (entry.path, pages)
        if entry.variant == "example":
            for value in example_texts(form, entry.lang):
                assert squeeze(value) in extracted, (entry.path, value)


def example_texts(form, lang: str) -> list[str]:
    """Every example value as the example documents print it (dates and choices as words)."""
    from forms.layout import display_value
    from forms.texts import load_texts

    texts = load_texts(lang)
    shown = []
    for _, form_field in form.fields():
        value = display_value(form_field, lang, texts)
        if form_field.type == "choice":
            value = next(c.label[lang] for c in form_field.choices if c.key == example_value(form_field, lang))
        if value:
            shown.append(value)
    return shown


def test_every_example_value_shows_in_the_example_pdf(forms, built):
    by_id = {form.id: form for form in forms}
    for entry in files_of(built[1], "pdf", "example"):
        extracted = squeeze(pdftotext(built[0] / "out" / entry.path))
        for value in example_texts(by_id[entry.form_id], entry.lang):
            assert squeeze(value) in extracted, (entry.path, value)


def test_blank_odt_choices_are_form_controls_and_rows_are_tall_enough(forms, built):
    from odf.draw import Control
    from odf.form import Checkbox, Radio
    from odf.namespaces import FORMNS
    from odf.style import TableRowProperties

    by_id = {form.id: form for form in forms}
    for entry in files_of(built[1], "odt", "blank"):
        document = load(str(built[0] / "out" / entry.path))
        form = by_id[entry.form_id]
        radios = [(r.getAttrNS(FORMNS, "name"), r.getAttrNS(FORMNS, "value"), r.getAttrNS(FORMNS, "label"),
                   r.getAttrNS(FORMNS, "title")) for r in document.getElementsByType(Radio)]
        boxes = [c.getAttrNS(FORMNS, "name") for c in document.getElementsByType(Checkbox)]
        expected_radios, expected_boxes = [], []
        for location, form_field in form.fields():
            name = f"{form.definition.sections[location[1]].id}.{form_field.id}"
            if form_field.type == "choice":
                expected_radios += [(name, c.key, c.label[entry.lang]) for c in form_field.choices]
            elif form_field.type == "checkbox":
                expected_boxes.append(name)
        assert [r[:3] for r in radios] == expected_radios, entry.path
        assert all(label in title for _, _, label, title in radios), entry.path
        assert boxes == expected_boxes, entry.path
        assert len(document.getElementsByType(Control)) == len(radios) + len(boxes), entry.path
        heights = [float(p.getAttrNS(STYLENS, "min-row-height").removesuffix("mm"))
                   for p in document.automaticstyles.getElementsByType(TableRowProperties)]
        assert heights and min(heights) >= 12, (entry.path, heights)


def test_two_generations_are_byte_identical(forms, built, tmp_path):
    again = generate(forms, tmp_path / "out", tmp_path / "cache", workers=1)
    assert again.regenerated == len(again.files)
    assert {(f.path, f.sha256) for f in again.files} == {(f.path, f.sha256) for f in built[1].files}


def pdftotext(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: `make test` installs poppler-utils"
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squeeze(value: str) -> str:
    """Text without whitespace: layout breaks lines (and CJK text has no spaces to keep)."""
    return "".join(value.split())
