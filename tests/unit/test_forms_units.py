"""Small parts of the forms engine: reproducible zips, CSS strings, and checks that cannot run
failing loudly (a missing face, an untranslated word) instead of passing."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
import zipfile

import pytest

from forms.fonts import FontMissing, find_face
from forms.generate import _prune as prune_form_cache
from forms.pdf import css_string, page_counter
from forms.reproducible import reproducible_zip
from forms.texts import MESSAGES, UntranslatedError, load_texts
from support import ROOT


def test_reproducible_zip_puts_mimetype_first_stored_with_fixed_times():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as source:
        source.writestr("content.xml", "<a/>")
        source.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    once = reproducible_zip(buffer.getvalue(), datetime.date(2026, 11, 30))
    assert once == reproducible_zip(buffer.getvalue(), datetime.date(2026, 11, 30))
    entries = zipfile.ZipFile(io.BytesIO(once)).infolist()
    assert [e.filename for e in entries] == ["mimetype", "content.xml"]
    assert entries[0].compress_type == zipfile.ZIP_STORED and entries[1].compress_type == zipfile.ZIP_DEFLATED
    assert {e.date_time for e in entries} == {(2026, 11, 30, 0, 0, 0)}


def test_css_strings_cannot_break_out_of_the_style_element():
    assert css_string('say "hi" </style>') == 'say \\"hi\\" \\3C /style>'
    assert page_counter("第 {page} 頁，共 {pages} 頁") == '"第 " counter(page) " 頁，共 " counter(pages) " 頁"'
    assert page_counter("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'


def test_a_missing_face_fails():
    with pytest.raises(FontMissing, match="fonts-noto-cjk"):
        find_face("No Such Family Anywhere")


def test_the_installed_face_is_found():
    face = find_face()
    assert face.path.is_file() and face.path.name.startswith("NotoSansCJK")


def test_an_untranslated_word_fails(tmp_path):
    shutil.copytree(ROOT / "i18n", tmp_path / "i18n")
    catalog = tmp_path / "i18n" / "zh-tw" / "LC_MESSAGES" / "messages.po"
    text = catalog.read_text("utf-8")
    assert 'msgid "Notes"\nmsgstr "注意事項"' in text
    catalog.write_text(text.replace('msgid "Notes"\nmsgstr "注意事項"', 'msgid "Notes"\nmsgstr ""'), "utf-8")
    with pytest.raises(UntranslatedError, match="Notes"):
        load_texts("zh-tw", tmp_path / "i18n")


def test_every_word_is_translated_in_the_real_catalog():
    texts = load_texts("zh-tw")
    assert all(texts[key] != message for key, message in MESSAGES.items())


def test_pruning_the_cache_spares_a_running_build_s_work_in_progress(tmp_path):
    """Two builds at once (the preview and the tests) share the forms cache: the one that
    prunes old entries must not delete the files the other is still writing."""
    ended = subprocess.Popen(["true"])  # a process that has ended: its pid runs nothing
    ended.wait()
    form = tmp_path / "birth-application"
    for name in ("current-key", "old-key", f"current-key.partial-{os.getpid()}", f"old-key.partial-{ended.pid}"):
        (form / name).mkdir(parents=True)
    prune_form_cache(form / "current-key")
    assert sorted(path.name for path in form.iterdir()) == ["current-key", f"current-key.partial-{os.getpid()}"]
