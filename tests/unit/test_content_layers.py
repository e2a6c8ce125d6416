"""The national content layer beneath a site's own content (content_model/layers.py): the site
shows the national items, replaces one by kind, slug and language, and is warned, naming both
files, when the national original of an override changed since it was written."""

from __future__ import annotations

import shutil
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from content_model.layers import ContentLayers, SiteFolders, file_digest, read_layered
from content_model.layers import override as override_file
from content_model.national import NATIONAL, is_national
from support import ROOT

LANGUAGES = ["zh-tw", "en"]
GUIDE = "guides/birth.zh-tw.md"


@pytest.fixture
def national(tmp_path) -> Path:
    """A copy of this repository's national content (what the engine ships)."""
    folder = tmp_path / "national"
    for path in (ROOT / "content").rglob("*"):
        relative = path.relative_to(ROOT / "content").as_posix()
        if path.is_file() and is_national(relative):
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, folder / relative)
    return folder


def override(site: Path, relative: str, original: Path, based_on: str | None, title: str = "本所的出生登記") -> Path:
    """The site's copy of a national file with another title and, if given, a `based_on:` line."""
    text = original.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    lines = [line for line in rest.split("\n") if not line.startswith("title:")]
    extra = [f"title: {title}"] + ([f"based_on: {based_on}"] if based_on is not None else [])
    target = site / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join([head, *extra, *lines]), encoding="utf-8")
    return target


def read(site: Path, national: Path):
    return read_layered(ContentLayers(site, (national,)), LANGUAGES)


def test_the_national_list_names_real_files_and_leaves_the_office_s_own_out():
    content = [p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*") if p.is_file()]
    for pattern in NATIONAL:
        assert any(fnmatchcase(path, pattern) for path in content), f"{pattern} names no file of content/"
    assert is_national(GUIDE) and is_national("data/facts.yaml") and is_national("pages/404.en.md")
    assert not is_national("news/2026-09-01-online-services.zh-tw.md")
    assert not is_national("pages/privacy.zh-tw.md") and not is_national("office.toml")


def test_a_site_with_no_content_of_its_own_shows_the_national_items_only(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    entries, errors, warnings = read(site, ROOT / "content")  # the repository's content, read as a layer
    assert errors == [] and warnings == []
    kinds = {entry.kind.name for entry in entries}
    assert kinds == {"page", "guide"}, "news and disclosures are the office's own, never national"
    slugs = {entry.slug for entry in entries if entry.kind.name == "page"}
    assert {"404", "sitemap", "search", "guides"} <= slugs and "privacy" not in slugs
    assert len([e for e in entries if e.kind.name == "guide"]) == len(list((ROOT / "content/guides").glob("*.md")))


def test_a_site_item_replaces_the_national_one_of_the_same_kind_slug_and_language(tmp_path, national):
    site = tmp_path / "site"
    override(site, GUIDE, national / GUIDE, file_digest(national / GUIDE))
    entries, errors, warnings = read(site, national)
    assert errors == [] and warnings == []
    births = [entry for entry in entries if entry.kind.name == "guide" and entry.slug == "birth"]
    assert sorted(entry.lang for entry in births) == ["en", "zh-tw"]
    chinese = next(entry for entry in births if entry.lang == "zh-tw")
    assert chinese.header.title == "本所的出生登記" and "site" in Path(chinese.path).parts
    english = next(entry for entry in births if entry.lang == "en")
    assert "national" in Path(english.path).parts, "the other language still comes from the national layer"


def test_an_override_whose_original_changed_warns_naming_both_files(tmp_path, national):
    site = tmp_path / "site"
    written_from = file_digest(national / GUIDE)
    target = override(site, GUIDE, national / GUIDE, written_from)
    original = national / GUIDE
    original.write_text(original.read_text(encoding="utf-8").replace("出生", "出生 ", 1), encoding="utf-8")
    _, errors, warnings = read(site, national)
    assert errors == []
    assert len(warnings) == 1, warnings
    line = str(warnings[0])
    assert "build [override-stale]" in line and "has changed" in line and "Fix:" in line
    assert line.startswith(f"{target.as_posix()}:3:") or f"site/{GUIDE}:3:" in line, line
    assert f"national/{GUIDE}" in line and file_digest(original) in line


@pytest.mark.parametrize(("based_on", "words"), [(None, "does not say which version"),
                                                  ("abc123", "is not a digest")])
def test_an_override_without_a_good_based_on_warns(tmp_path, national, based_on, words):
    site = tmp_path / "site"
    override(site, GUIDE, national / GUIDE, based_on)
    _, errors, warnings = read(site, national)
    assert errors == [] and len(warnings) == 1 and words in str(warnings[0])
    assert f"national/{GUIDE}" in str(warnings[0]) and f"site/{GUIDE}" in str(warnings[0])


def test_based_on_on_an_item_that_overrides_nothing_warns(tmp_path, national):
    site = tmp_path / "site"
    target = override(site, GUIDE, national / GUIDE, "0" * 64)
    target.rename(site / "guides" / "birth-here.zh-tw.md")
    text = (site / "guides" / "birth-here.zh-tw.md").read_text(encoding="utf-8")
    (site / "guides" / "birth-here.zh-tw.md").write_text(text.replace("slug: birth", "slug: birth-here"),
                                                         encoding="utf-8")
    _, _, warnings = read(site, national)
    assert [w.rule for w in warnings] == ["override-stale"] and "no national guide `birth-here`" in str(warnings[0])


def test_the_site_s_own_data_file_replaces_the_national_one(tmp_path, national):
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "data" / "facts.yaml").write_text("fees: {}\n", encoding="utf-8")
    data = ContentLayers(site, (national,)).data
    assert data / "facts.yaml" == site / "data" / "facts.yaml"
    assert data / "laws.yaml" == national / "data" / "laws.yaml"
    assert data / "nothing.yaml" == site / "data" / "nothing.yaml"


def test_a_layer_that_is_the_site_s_own_folder_is_read_once():
    layers = ContentLayers.from_settings({"CONTENT_MODEL_LAYERS": [str(ROOT / "content")]}, ROOT / "content")
    assert layers.below == ()


def test_override_copies_a_national_file_with_its_digest_and_the_build_is_quiet_until_it_changes(tmp_path, national):
    site = tmp_path / "site"
    copy = override_file(GUIDE, SiteFolders(national, site))
    assert copy == site / GUIDE and f"based_on: {file_digest(national / GUIDE)}" in copy.read_text(encoding="utf-8")
    assert read(site, national)[1:] == ([], [])
    (national / GUIDE).write_text((national / GUIDE).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert [w.rule for w in read(site, national)[2]] == ["override-stale"]


def test_override_refuses_a_file_that_is_not_national_or_already_there(tmp_path, national):
    site = tmp_path / "site"
    override_file(GUIDE, SiteFolders(national, site))
    with pytest.raises(LookupError, match=r"layers \[exists\]"):
        override_file(GUIDE, SiteFolders(national, site))
    with pytest.raises(LookupError, match=r"layers \[not-national\]"):
        override_file("news/2026-09-01-online-services.zh-tw.md", SiteFolders(ROOT / "content", site))


HOME_OFFICE = ("龍井", "Longjing")
# National files must not name an office: they say "this office" (本所) and "the area this office
# serves" (本所轄區), and the office's details come from office.toml. A file naming the office fails.


def test_national_files_name_no_office():
    files = [p for p in (ROOT / "content").rglob("*.*") if is_national(p.relative_to(ROOT / "content").as_posix())]
    files += sorted((ROOT / "forms").rglob("*.yaml"))
    assert len(files) > 50
    naming = {p.relative_to(ROOT).as_posix() for p in files
              if any(name in p.read_text(encoding="utf-8") for name in HOME_OFFICE)}
    assert naming == set()
