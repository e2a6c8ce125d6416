"""The search index step: Pagefind with its extended binary on every build, one index per
language holding exactly the searched pages and the form downloads; a build whose index cannot
be made (no extended binary, no Pagefind, a page in no language, a page that must not be
indexed) fails with one line and leaves the previous output alone."""

from __future__ import annotations

import datetime
import gettext

import pytest
from markupsafe import Markup

from content_model.items import Item
from content_model.kinds import kind_named
from factories import index, item
from forms.generate import FileEntry
from problems import ProblemsFound
from site_build import search_index
from site_search import download_records, search_manifest

ENGLISH = gettext.NullTranslations()


def form_item(lang: str) -> Item:
    kind = kind_named("form")
    header = kind.schema(title="Letter of authorisation", slug="letter", lang=lang, summary="s", topic="general",
                         updated=datetime.date(2026, 11, 30))
    files = [FileEntry("letter", lang, variant, fmt, f"letter/letter-{variant}-{lang}.{fmt}", size, pages, "0" * 64,
                       "2026-11-30", False)
             for variant, fmt, size, pages in (("blank", "pdf", 62_464, 2), ("blank", "odt", 6_000, None))]
    fields = {"purpose": "When you cannot apply in person.", "downloads": files,
              "sections": [{"title": "The delegate", "fields": [{"label": "Delegate's name"}]}]}
    return Item(kind=kind, folder="", lang=lang, header=header, fields=fields, content=Markup(""),
                save_as=kind.save_as("", "letter", "en" if lang == "en" else ""), template="form")


def test_each_form_is_one_record_its_blank_file_with_title_format_size_and_field_labels():
    site = index(item("page", "home", "zh-tw"), form_item("zh-tw"), form_item("en"))
    records = download_records(site, {"zh-tw": ENGLISH, "en": ENGLISH})
    assert [(r["url"], r["language"]) for r in records] == [
        ("/forms/letter/letter-blank-zh-tw.pdf", "zh-hant-tw"), ("/forms/letter/letter-blank-en.pdf", "en")]
    record = records[1]
    assert record["meta"] == {"title": "Letter of authorisation, blank form (PDF, 2 pages, 61 KB)", "section": "Form"}
    assert record["content"].split("\n") == ["Letter of authorisation", "When you cannot apply in person.",
                                             "The delegate", "Delegate's name"]


def test_the_manifest_counts_the_searched_pages_and_records_of_each_language():
    site = index(item("page", "home", "zh-tw"), item("page", "404", "zh-tw"), item("page", "search", "zh-tw"),
                 item("guide", "birth", "zh-tw"), item("guide", "birth", "en"), form_item("zh-tw"), form_item("en"))
    manifest = search_manifest(site, {"zh-tw": ENGLISH, "en": ENGLISH})
    assert manifest["languages"] == {"zh-hant-tw": {"pages": 3, "records": 1}, "en": {"pages": 2, "records": 1}}


def test_counts_that_differ_from_the_declared_ones_are_one_problem():
    entry = {"languages": {"en": {"page_count": 5}, "unknown": {"page_count": 1}}}
    [problem] = search_index.check_counts(entry, {"en": {"pages": 4, "records": 1}})
    assert problem.rule == "index-count" and problem.path == "theme/templates/base.html"
    assert search_index.check_counts({"languages": {"en": {"page_count": 5}}}, {"en": {"pages": 4, "records": 1}}) == []


def test_without_node_the_index_step_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(search_index.shutil, "which", lambda name: None)
    with pytest.raises(ProblemsFound) as caught:
        search_index.run_pagefind(tmp_path, tmp_path, [])
    assert [str(p) for p in caught.value.problems] == [
        "package.json: search [node-missing]: Node.js is not installed: the index is built with Pagefind's Node "
        "API. Fix: run `make build` (it installs the Debian packages nodejs and npm)"]


# --- the real site --------------------------------------------------------------------------------


# --- failures: each one line, the previous output kept --------------------------------------------


