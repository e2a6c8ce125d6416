"""Overrides of national data files and forms (content_model/layers.py, forms/definitions.py,
forms/cache.py): a site's content/data/*.yaml or forms/<id>/ replaces the engine's, says in a
`# based_on:` comment which version it was written from, and is warned about, naming both files,
when the national original has changed; a city's shared forms cache never gives one office's
override to another; `make override` copies a data file or a form with its based_on written."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from content_model.layers import (
    ContentLayers,
    FormLayers,
    SiteFolders,
    file_digest,
    form_problems,
    main,
    override,
    read_layered,
)
from content_model.national import is_national
from content_model.reference import load_reference
from forms import load_definitions
from forms.cache import store_of
from forms_support import LANGUAGES, line_of, minimal_form
from personal_data import ALLOWLIST_FILE, load_allowlist
from problems import ProblemsFound
from support import ROOT

ALLOWLIST = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date(2026, 12, 1))
FACTS = "data/facts.yaml"


@pytest.fixture
def national(tmp_path) -> Path:
    """A copy of this repository's national data files (what the engine ships of content/data)."""
    folder = tmp_path / "national"
    (folder / "data").mkdir(parents=True)
    for path in (ROOT / "content" / "data").glob("*.yaml"):
        if is_national(f"data/{path.name}"):
            shutil.copy2(path, folder / "data" / path.name)
    return folder


@pytest.fixture
def engine_forms(tmp_path) -> Path:
    """The engine's forms: two minimal definitions."""
    folder = tmp_path / "engine-forms"
    minimal_form(folder, "birth-application")
    minimal_form(folder, "seal-application")
    return folder


def folders(tmp_path, national: Path | None = None, engine_forms: Path | None = None) -> SiteFolders:
    return SiteFolders(national, tmp_path / "site" / "content", engine_forms, tmp_path / "site" / "forms")


def data_warnings(site: Path, national: Path) -> list[str]:
    _, errors, warnings = read_layered(ContentLayers(site, (national,)), LANGUAGES)
    assert errors == []
    return [str(warning) for warning in warnings]


# --- data files ---------------------------------------------------------------------------------

def test_a_data_override_written_by_override_loads_and_is_quiet_until_the_national_file_changes(tmp_path, national):
    copy = override(FACTS, folders(tmp_path, national))
    site = tmp_path / "site" / "content"
    assert copy == site / FACTS
    first = copy.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# based_on: {file_digest(national / FACTS)}"
    reference, problems = load_reference(ContentLayers(site, (national,)).data, LANGUAGES)
    assert problems == [] and reference is not None, "the loaders read past the comment"
    assert data_warnings(site, national) == []

    (national / FACTS).write_text((national / FACTS).read_text(encoding="utf-8") + "\n# a fee changed\n",
                                  encoding="utf-8")
    [warning] = data_warnings(site, national)
    assert warning.startswith(f"{copy.as_posix()}:1: build [override-stale]: {(national / FACTS).as_posix()} "
                              "has changed since this override was written from it"), warning
    assert f"Fix: compare this file with {(national / FACTS).as_posix()}" in warning
    assert f"`# based_on: {file_digest(national / FACTS)}` as its first line" in warning


def test_a_mistake_in_a_data_override_is_reported_on_its_own_line(tmp_path, national):
    copy = override(FACTS, folders(tmp_path, national))
    text = copy.read_text(encoding="utf-8")
    key = "    source: "
    assert key in text
    copy.write_text(text.replace(key, f"{key}Z99  # no such source, was: ", 1), encoding="utf-8")
    _, problems = load_reference(ContentLayers(copy.parents[1], (national,)).data, LANGUAGES)
    assert [(p.path, p.line, p.rule) for p in problems] == [(copy.as_posix(), line_of(copy, "Z99"),
                                                             "unknown-source")]


@pytest.mark.parametrize(("comment", "words", "line"), [
    ("", "does not say which version of it (no `based_on:`)", 1),
    ("# based_on: abc123\n", "`based_on: abc123` is not a digest of", 1),
    ("# Our own fees.\n#   based_on:   " + "0" * 64 + "  # from 0.9.0\n", "has changed since this override", 2),
])
def test_a_data_override_without_a_good_based_on_warns_naming_both_files(tmp_path, national, comment, words, line):
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "data" / "laws.yaml").write_text(comment + (national / "data/laws.yaml").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    [warning] = data_warnings(site, national)
    assert warning.startswith(f"{(site / 'data/laws.yaml').as_posix()}:{line}: build [override-stale]: "), warning
    assert words in warning and (national / "data/laws.yaml").as_posix() in warning and "Fix:" in warning


def test_based_on_below_the_leading_comments_is_not_read(tmp_path, national):
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    digest = file_digest(national / "data/topics.yaml")
    text = (national / "data/topics.yaml").read_text(encoding="utf-8")
    (site / "data" / "topics.yaml").write_text(text + f"# based_on: {digest}\n", encoding="utf-8")
    [warning] = data_warnings(site, national)
    assert "does not say which version" in warning


def test_based_on_in_a_data_file_that_overrides_nothing_warns_and_the_office_s_own_files_are_quiet(tmp_path,
                                                                                                  national):
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "data" / "manual-checks.yaml").write_text("# The office's own.\n- id: x\n", encoding="utf-8")
    assert data_warnings(site, national) == [], "a data file only the office has needs no based_on"
    (site / "data" / "manual-checks.yaml").write_text(f"# based_on: {'0' * 64}\n- id: x\n", encoding="utf-8")
    [warning] = data_warnings(site, national)
    assert "[override-stale]" in warning and "no national data file manual-checks.yaml" in warning


def test_this_repository_s_own_data_files_give_no_override_warning():
    _, _, warnings = read_layered(ContentLayers(ROOT / "content"), LANGUAGES)
    assert warnings == []


# --- forms --------------------------------------------------------------------------------------

def test_a_site_form_replaces_the_engine_s_of_the_same_id_and_may_add_its_own(tmp_path, engine_forms):
    site = tmp_path / "site" / "forms"
    minimal_form(site, "birth-application", "title: {zh-tw: 測試表", "title: {zh-tw: 本所出生登記")
    minimal_form(site, "parking-permit")
    forms = {form.id: form for form in load_definitions(site, LANGUAGES, allowlist=ALLOWLIST, below=(engine_forms,))}
    assert sorted(forms) == ["birth-application", "parking-permit", "seal-application"]
    assert forms["birth-application"].definition.title["zh-tw"].startswith("本所出生登記")
    assert forms["birth-application"].folder == site / "birth-application"
    assert forms["seal-application"].folder == engine_forms / "seal-application", "the national form stays"
    assert forms["seal-application"].site == ""
    assert forms["parking-permit"].site == forms["birth-application"].site != "", "the site's own are cached apart"
    assert [folder.name for folder in FormLayers(site, (engine_forms,)).folders()] == sorted(forms)


def test_forms_with_no_layer_are_shared_as_before(engine_forms):
    forms = load_definitions(engine_forms, LANGUAGES, allowlist=ALLOWLIST, below=(engine_forms,))
    assert [form.site for form in forms] == ["", ""], "a layer that is the site's own folder is read once"


def test_a_form_override_is_quiet_until_the_engine_s_form_changes_then_warns_naming_both(tmp_path, engine_forms):
    definition = override("forms/birth-application", folders(tmp_path, engine_forms=engine_forms))
    site = tmp_path / "site" / "forms"
    assert definition == site / "birth-application" / "form.yaml"
    assert definition.read_text(encoding="utf-8").startswith(
        f"# based_on: {file_digest(engine_forms / 'birth-application')}\n")
    layers = FormLayers(site, (engine_forms,))
    assert form_problems(layers) == []
    assert load_definitions(site, LANGUAGES, allowlist=ALLOWLIST, below=(engine_forms,)), "the schema reads past it"

    files = engine_forms / "birth-application" / "files"
    files.mkdir()
    (files / "zh-tw-blank.odt").write_bytes(b"an official file, added later")
    [warning] = [str(problem) for problem in form_problems(layers)]
    national = (engine_forms / "birth-application").as_posix()
    assert warning.startswith(f"{definition.as_posix()}:1: build [override-stale]: {national} has changed"), warning
    assert f"`# based_on: {file_digest(engine_forms / 'birth-application')}` as its first line" in warning


def test_a_site_form_without_based_on_warns_and_a_form_of_its_own_does_not(tmp_path, engine_forms):
    site = tmp_path / "site" / "forms"
    minimal_form(site, "seal-application")
    minimal_form(site, "parking-permit")
    [warning] = [str(problem) for problem in form_problems(FormLayers(site, (engine_forms,)))]
    assert warning.startswith(f"{(site / 'seal-application/form.yaml').as_posix()}:1: build [override-stale]: "
                              f"this file overrides {(engine_forms / 'seal-application').as_posix()} but does not "
                              "say which version of it"), warning


def test_a_shared_forms_cache_keeps_one_office_s_override_from_another(tmp_path, engine_forms):
    """Office A overrides birth-application, office B does not; both build into one cache. B's
    store is the engine's, never A's, even when A's copy is unchanged (then only the
    `# based_on:` comment differs), and A's other forms share B's stores."""
    cache, common = tmp_path / "cache", "code-and-libraries"
    office_a, office_b = tmp_path / "a" / "forms", tmp_path / "b" / "forms"
    override("forms/birth-application", SiteFolders(None, tmp_path / "a/content", engine_forms, office_a))
    office_b.mkdir(parents=True)

    def stores(site: Path) -> dict[str, Path]:
        forms = load_definitions(site, LANGUAGES, allowlist=ALLOWLIST, below=(engine_forms,))
        return {form.id: store_of(form, cache, LANGUAGES, common) for form in forms}

    a, b = stores(office_a), stores(office_b)
    assert a["birth-application"] != b["birth-application"], "an unchanged copy is still A's own"
    assert a["birth-application"].parent != b["birth-application"].parent, "pruning A's never removes B's"
    assert a["seal-application"] == b["seal-application"], "the national forms are made once for the city"
    text = (office_a / "birth-application/form.yaml").read_text(encoding="utf-8")
    (office_a / "birth-application/form.yaml").write_text(text.replace("測試表", "本所表", 1), encoding="utf-8")
    changed = stores(office_a)
    assert changed["birth-application"] not in (a["birth-application"], b["birth-application"])
    assert stores(office_b) == b


# --- make override ------------------------------------------------------------------------------

def test_override_refuses_each_mistake_in_one_line_with_a_fix(tmp_path, national, engine_forms):
    where = folders(tmp_path, national, engine_forms)
    override(FACTS, where)
    override("forms/seal-application/", where)
    for relative, rule in ((FACTS, "exists"), ("forms/seal-application", "exists"),
                           ("data/manual-checks.yaml", "not-national"), ("data/nothing.yaml", "not-national"),
                           ("forms/no-such-form", "not-national"), ("forms/", "not-national"),
                           ("forms/seal-application/files/x.pdf", "not-national")):
        with pytest.raises(LookupError) as caught:
            override(relative, where)
        message = str(caught.value)
        assert f"layers [{rule}]:" in message and "Fix:" in message and "\n" not in message, message
    with pytest.raises(LookupError, match=r"layers \[no-layer\]: .*FORMS_LAYERS.*Fix:"):
        override("forms/birth-application", SiteFolders(national, where.content))
    with pytest.raises(LookupError, match=r"layers \[no-layer\]: .*CONTENT_MODEL_LAYERS.*Fix:"):
        override(FACTS, SiteFolders(None, where.content, engine_forms, where.forms))


def test_make_override_reads_the_site_s_folders_from_its_settings(tmp_path, national, engine_forms, monkeypatch,
                                                                    capsys):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "forms").mkdir()
    (site / "pelicanconf.py").write_text(
        f'PATH = "content"\nCONTENT_MODEL_LAYERS = [{str(national)!r}]\n'
        f'FORMS_DIR = {str(site / "forms")!r}\nFORMS_LAYERS = [{str(engine_forms)!r}]\n', encoding="utf-8")
    monkeypatch.chdir(site)
    assert main(["override", "forms/birth-application"]) == 0
    assert main(["override", FACTS]) == 0
    assert (site / "forms/birth-application/form.yaml").read_text(encoding="utf-8").startswith("# based_on: ")
    assert (site / "content" / FACTS).read_text(encoding="utf-8").startswith("# based_on: ")
    capsys.readouterr()
    assert main(["override", FACTS]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "layers [exists]" in line and "Fix:" in line
    assert main(["override", FACTS, "--settings", "nowhere.py"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("nowhere.py: layers [no-settings]: ") and "Fix:" in line
    assert main(["digest", str(engine_forms / "birth-application")]) == 0
    assert capsys.readouterr().out.strip() == file_digest(engine_forms / "birth-application")



def test_based_on_written_as_a_yaml_key_is_one_clear_line_in_a_data_file_and_a_form(tmp_path, national,
                                                                                   engine_forms):
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    for name in ("topics.yaml", "facts.yaml"):  # a list and a mapping
        text = (national / "data" / name).read_text(encoding="utf-8")
        (site / "data" / name).write_text(f"# Our own.\nbased_on: {'0' * 64}\n{text}", encoding="utf-8")
    _, problems = load_reference(ContentLayers(site, (national,)).data, LANGUAGES)
    assert sorted(str(p).split(": data")[0] for p in problems) == [f"{(site / 'data' / n).as_posix()}:2"
                                                                  for n in ("facts.yaml", "topics.yaml")]
    assert all(p.rule == "based-on-key" and "`# based_on: <digest>`" in p.fix for p in problems)
    form = minimal_form(tmp_path / "forms", "seal-application")
    (form / "form.yaml").write_text("based_on: x\n" + (form / "form.yaml").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_definitions(tmp_path / "forms", LANGUAGES, allowlist=ALLOWLIST, below=(engine_forms,))
    assert [(p.line, p.rule) for p in caught.value.problems] == [(1, "based-on-key")]
