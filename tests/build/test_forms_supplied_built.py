"""Supplied official files (forms/<id>/files/): each mistake is one problem naming the file and
the fix; a good supplied file replaces the generated one; a changed form alone is regenerated."""

from __future__ import annotations

import datetime

import pytest

from forms import check_supplied, generate, load_definitions, pdf_facts
from forms_support import LANGUAGES, minimal_form
from personal_data import ALLOWLIST_FILE, load_allowlist
from problems import ProblemsFound
from support import ROOT

ALLOWLIST = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date(2026, 11, 30))
HTML = '<!DOCTYPE html><html lang="zh-Hant-TW"><head><title>官方表單</title></head><body><p>官方表單</p></body></html>'


def weasyprint_pdf(**options) -> bytes:
    from weasyprint import HTML as Html
    return Html(string=HTML).write_pdf(**options)


@pytest.fixture
def form_folder(tmp_path):
    folder = minimal_form(tmp_path / "forms")
    (folder / "files").mkdir()
    return folder


def problems(folder) -> list[str]:
    return [str(problem) for problem in check_supplied([folder], LANGUAGES)]


def test_a_docx_with_its_odt_beside_it_passes(form_folder, tmp_path):
    good = generate(load_definitions(form_folder.parent, LANGUAGES, allowlist=ALLOWLIST),
                    tmp_path / "out", tmp_path / "cache", workers=1)
    odt = next(f for f in good.files if f.format == "odt" and f.lang == "zh-tw" and f.variant == "blank")
    (form_folder / "files" / "zh-tw-blank.odt").write_bytes((tmp_path / "out" / odt.path).read_bytes())
    (form_folder / "files" / "zh-tw-blank.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    assert problems(form_folder) == []


def test_a_supplied_pdf_replaces_the_generated_one(form_folder, tmp_path):
    official = weasyprint_pdf(pdf_variant="pdf/ua-1")
    (form_folder / "files" / "zh-tw-blank.pdf").write_bytes(official)
    report = generate(load_definitions(form_folder.parent, LANGUAGES, allowlist=ALLOWLIST),
                      tmp_path / "out", tmp_path / "cache", workers=1)
    [entry] = [f for f in report.files if f.supplied]
    assert (entry.lang, entry.variant, entry.format) == ("zh-tw", "blank", "pdf")
    assert (tmp_path / "out" / entry.path).read_bytes() == official
    assert entry.pages == pdf_facts(official).pages == 1


def test_only_the_changed_form_is_regenerated(tmp_path):
    forms_dir = tmp_path / "forms"
    minimal_form(forms_dir, "form-a")
    changed = minimal_form(forms_dir, "form-b")

    def run():
        return generate(load_definitions(forms_dir, LANGUAGES, allowlist=ALLOWLIST),
                        tmp_path / "out", tmp_path / "cache", workers=2)

    first = run()
    assert first.forms_regenerated == ("form-a", "form-b") and first.regenerated == 16
    definition = changed / "form.yaml"
    definition.write_text(definition.read_text("utf-8").replace("For tests.", "For a test."), "utf-8")
    second = run()
    assert second.forms_regenerated == ("form-b",) and second.regenerated == 8
    assert second.written == 4  # only the English purpose changed: the 4 English files of form-b
    third = run()
    assert (third.regenerated, third.written) == (0, 0)
    assert len(list((tmp_path / "cache" / "form-b").iterdir())) == 1  # the old key is pruned


def test_generate_refuses_a_bad_supplied_file(form_folder, tmp_path):
    (form_folder / "files" / "en-blank.docx").write_bytes(b"PK\x03\x04")
    forms = load_definitions(form_folder.parent, LANGUAGES, allowlist=ALLOWLIST)
    with pytest.raises(ProblemsFound) as caught:
        generate(forms, tmp_path / "out", tmp_path / "cache", workers=1)
    assert [p.rule for p in caught.value.problems] == ["word-without-odf"]
    assert not (tmp_path / "out").exists()
