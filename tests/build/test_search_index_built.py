"""The search index step: Pagefind with its extended binary on every build, one index per
language holding exactly the searched pages and the form downloads; a build whose index cannot
be made (no extended binary, no Pagefind, a page in no language, a page that must not be
indexed) fails with one line and leaves the previous output alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import ROOT, build_fixture_copy, copy_fixture_site, edit, html_pages, parse

PIN = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["pagefind"]
UI_BUNDLES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.js",
              "pagefind-highlight.js", "pagefind-worker.js")


# --- the real site --------------------------------------------------------------------------------


def searched_pages(output: Path, html_lang: str) -> list[Path]:
    pages = []
    for page in html_pages(output):
        soup = parse(page)
        if soup.html.get("lang") == html_lang and soup.select("main[data-pagefind-body]"):
            pages.append(page)
    return pages


def test_the_real_site_has_one_index_per_language_with_every_searched_page_and_form(real_site):
    folder = real_site.output / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["version"] == PIN
    forms = len(list((ROOT / "forms").glob("*/form.yaml")))
    counts = {name: spec["page_count"] for name, spec in entry["languages"].items()}
    assert counts == {"zh-hant-tw": len(searched_pages(real_site.output, "zh-Hant-TW")) + forms,
                      "en": len(searched_pages(real_site.output, "en")) + forms}
    assert not list(real_site.output.glob(".*")), "a hidden file was left in the output"
    assert [name for name in UI_BUNDLES if (folder / name).exists()] == []
    assert "search: zh-hant-tw" in real_site.stderr


def test_only_searched_pages_are_indexed_each_with_its_section(fixture_site):
    out = fixture_site.output
    for name in ("404.html", "search/index.html", "en/search/index.html", "en/notice/index.html"):
        assert not parse(out / name).select("[data-pagefind-body]"), f"{name} must not be indexed"
    sections = (("guides/birth/index.html", "申辦須知"), ("en/guides/birth/index.html", "Application guide"),
                ("en/news/opening/index.html", "News"), ("index.html", "網頁"))
    for name, section in sections:
        main = parse(out / name).select("main[data-pagefind-body]")
        assert [m.get("data-pagefind-meta") for m in main] == [f"section:{section}"], name


def test_guide_keywords_are_indexed_weighted_and_hidden(real_site):
    soup = parse(real_site.output / "guides/birth/index.html")
    hidden = soup.select("main h2#search-keywords[hidden][data-pagefind-weight]")  # a section of its own
    assert len(hidden) == 1 and "報戶口" in hidden[0].text.split()


def test_every_page_has_one_accesskey_s_on_a_search_field(real_site):
    for page in html_pages(real_site.output):
        keys = parse(page).select('[accesskey="S"]')
        if page.name == "404.html" or "search" in page.relative_to(real_site.output).parts:
            continue
        assert [(k.name, k.get("type"), k.get("name")) for k in keys] == [("input", "search", "q")], page
    search = parse(real_site.output / "en/search/index.html")
    assert [k.get("id") for k in search.select('[accesskey="S"]')] == ["search-q"]


# --- failures: each one line, the previous output kept --------------------------------------------


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """A fixture copy built once into `out` (the output a failed build must leave alone)."""
    site = copy_fixture_site(tmp_path_factory.mktemp("search") / "site")
    shutil.copytree(ROOT / "theme", site / "theme")
    out = site.parent / "out"
    result = build_fixture_copy(site, out, THEME=str(site / "theme"))
    assert result.returncode == 0, result.log
    return site, out


def failed_build(site: Path, out: Path, **settings) -> list[str]:
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    result = build_fixture_copy(site, out, THEME=str(site / "theme"), **settings)
    assert result.returncode == 2, result.log
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before, "a failed build changed the output"
    assert "Traceback" not in result.log
    return [line for line in result.stdout.splitlines() if ": search [" in line]


def fake_node_modules(root: Path, binary_name: str) -> Path:
    """A node_modules with Pagefind's package and a platform package whose binary is named
    `binary_name` (a link to the real extended one)."""
    root = root / "node_modules"
    shutil.copytree(ROOT / "node_modules/pagefind", root / "pagefind")
    (platform,) = [p for p in (ROOT / "node_modules/@pagefind").iterdir() if (p / "bin/pagefind_extended").exists()]
    copy = root / "@pagefind" / platform.name
    (copy / "bin").mkdir(parents=True)
    shutil.copy(platform / "package.json", copy / "package.json")
    (copy / "bin" / binary_name).symlink_to(platform / "bin/pagefind_extended")
    return root


def test_no_extended_binary_fails_the_build_even_with_a_standard_one(built_once, tmp_path):
    site, out = built_once
    lines = failed_build(site, out, SEARCH_NODE_MODULES=str(fake_node_modules(tmp_path / "nm", "pagefind")))
    assert len(lines) == 1 and lines[0].startswith("package.json: search [no-extended-binary]: @pagefind/"), lines
    assert "pagefind_extended is missing" in lines[0] and "Fix: run `make build`" in lines[0]


def test_the_extended_binary_where_it_belongs_builds(built_once, tmp_path):
    site, _ = built_once
    result = build_fixture_copy(site, tmp_path / "out", THEME=str(site / "theme"),
                                SEARCH_NODE_MODULES=str(fake_node_modules(tmp_path / "nm", "pagefind_extended")))
    assert result.returncode == 0, result.log


def test_no_pagefind_fails_the_build(built_once, tmp_path):
    site, out = built_once
    lines = failed_build(site, out, SEARCH_NODE_MODULES=str(tmp_path))
    assert len(lines) == 1 and lines[0].startswith("package.json: search [pagefind-missing]: "), lines


def plant_in_theme(site: Path, name: str, old: str, new: str) -> None:
    edit(site / "theme/templates" / name, old, new)


def test_an_indexed_404_page_fails_the_build(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    shutil.copytree(ROOT / "theme", site / "theme")
    out = tmp_path / "out"
    assert build_fixture_copy(site, out, THEME=str(site / "theme")).returncode == 0
    plant_in_theme(site, "not_found.html", '{% extends "page.html" %}',
                   '{% extends "page.html" %}{% block after_content %}<div data-pagefind-body>x</div>{% endblock %}')
    lines = failed_build(site, out)
    assert len(lines) == 1 and lines[0].startswith("theme/templates/base.html: search [index-count]: "), lines


def test_a_page_in_no_language_fails_the_build(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    shutil.copytree(ROOT / "theme", site / "theme")
    out = tmp_path / "out"
    assert build_fixture_copy(site, out, THEME=str(site / "theme")).returncode == 0
    plant_in_theme(site, "base.html", '<html lang="{{ site_index.html_lang(lang) }}"', "<html")
    lines = failed_build(site, out)
    assert len(lines) == 1 and "[index-count]" in lines[0], lines  # Pagefind took them for English
