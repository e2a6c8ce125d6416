"""The engine as a package, and `new-site`: the wheel holds the plugins, the theme, the form
definitions, the catalogs and the national content; installed into a fresh venv (offline, its
dependencies taken from this venv), it makes a new office's site that builds with the national
layer in both languages, passes the link check and the national rules, warns about a stale
override naming both files, and is refused by the go-live gate, one line per unconfirmed detail."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from engine_support import NAME_EN, NAME_ZH, build_wheel, install_engine, make, new_office, run

from forms.definitions import site_identity
from household_engine import __version__
from office_data.office_data import REQUIRED_FIELDS
from sources.digest import content_key
from support import ROOT

GUIDE = "guides/birth.zh-tw.md"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def engine(tmp_path_factory, wheel) -> tuple[Path, Path]:
    """(python of a fresh venv with the wheel installed, the installed engine's plugins folder)."""
    return install_engine(wheel, tmp_path_factory.mktemp("venv"))


@pytest.fixture(scope="module")
def new_site(tmp_path_factory, engine) -> tuple[Path, subprocess.CompletedProcess]:
    """A new office's site made and built by the installed engine, with one stale override."""
    python, plugins = engine
    site = tmp_path_factory.mktemp("city") / "daya"
    made = run([str(python), "-m", "site_build", "new-site", str(site), "--name-zh", NAME_ZH, "--name-en", NAME_EN,
                "--city-zh", "臺中市", "--city-en", "Taichung City"], site.parent, {"PYTHONPATH": str(plugins)})
    assert made.returncode == 0, made.stdout + made.stderr
    (site / "node_modules").symlink_to(ROOT / "node_modules")  # Pagefind, as `npm ci` installs it in the site
    national = plugins.parent / "national" / GUIDE
    override = site / "content" / GUIDE
    override.parent.mkdir(parents=True)
    text = national.read_text(encoding="utf-8").replace("\n", "\nbased_on: " + "0" * 64 + "\n", 1)
    override.write_text(re.sub(r"\ntitle: (.*)", r"\ntitle: \1（本所版）", text, count=1), encoding="utf-8")
    plant_data_and_form_overrides(site, python, plugins)
    built = run([str(python), "-m", "site_build", "build", "--settings", "pelicanconf.py", "--content", "content",
                 "--output", "output", "--set", f'FORMS_CACHE_DIR="{ROOT / ".cache" / "forms"}"'], site,
                {"PYTHONPATH": str(plugins)})
    return site, built


def test_the_wheel_holds_the_engine_and_only_the_national_content(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("household_engine/paths.py", "household_engine/settings.py",
                 "household_engine/plugins/site_build/__main__.py", "household_engine/plugins/forms/__init__.py",
                 "household_engine/theme/templates/base.html", "household_engine/forms/birth-application/form.yaml",
                 "household_engine/i18n/zh-tw/LC_MESSAGES/messages.po", f"household_engine/national/{GUIDE}",
                 "household_engine/national/data/facts.yaml", "household_engine/national/pages/404.en.md",
                 "household_engine/starter/pages/privacy.en.md", "household_engine/node/package-lock.json",
                 "household_engine/plugins/site_build/site_files/github-workflow.yml"):
        assert name in names, name
    national = [n for n in names if n.startswith("household_engine/national/")]
    assert not [n for n in national if "/news/" in n or "/disclosures/" in n or "privacy" in n or "office" in n]
    assert not [n for n in names if n.endswith((".pyc", ".mo")) or "__pycache__" in n]
    assert not [n for n in names if n.startswith("household_engine/plugins/household_engine/")]


def test_a_new_site_builds_from_the_installed_wheel_in_both_languages(new_site):
    site, built = new_site
    assert built.returncode == 0, built.stdout + built.stderr
    output = site / "output"
    for page in ("index.html", "guides/birth/index.html", "guides/moving/index.html", "forms/index.html",
                 "forms/birth-application/index.html", "privacy/index.html", "open-data/index.html",
                 "contact/index.html", "accessibility/index.html", "404.html"):
        assert (output / page).is_file(), page
        assert (output / "en" / page).is_file(), f"en/{page}"
    assert NAME_ZH in (output / "index.html").read_text(encoding="utf-8")
    assert NAME_EN in (output / "en" / "index.html").read_text(encoding="utf-8")
    privacy = (output / "privacy" / "index.html").read_text(encoding="utf-8")
    assert NAME_ZH in privacy and "龍井" not in privacy
    assert list((output / "forms" / "birth-application").glob("*.pdf")), "the national forms' files are published"


def test_a_stale_override_warns_naming_both_files(new_site, engine):
    site, built = new_site
    lines = [line for line in built.stderr.splitlines() if "[override-stale]" in line and f"content/{GUIDE}" in line]
    assert len(lines) == 1, built.stderr
    national = engine[1].parent / "national" / GUIDE
    assert lines[0].startswith(f"warning: content/{GUIDE}:2: build [override-stale]: {national}"), lines[0]
    assert "has changed" in lines[0] and f"Fix: compare this file with {national}" in lines[0]
    assert f"`based_on: {content_key(national.read_bytes())}`" in lines[0]
    assert "（本所版）</h1>" in (site / "output/guides/birth/index.html").read_text(encoding="utf-8"), "the override"
    assert "（本所版）" not in (site / "output/en/guides/birth/index.html").read_text(encoding="utf-8")


def test_the_new_site_passes_the_link_check_and_the_national_rules(new_site, engine):
    site, built = new_site
    assert built.returncode == 0
    python, plugins = engine
    for check in (["links", "--site", "output", "--settings", "pelicanconf.py"], ["national-lint", "--site", "output"]):
        done = run([str(python), "-m", "site_checks", *check], site, {"PYTHONPATH": str(plugins)})
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_go_live_gate_refuses_each_unconfirmed_detail_on_its_own_line(new_site, engine):
    site, _ = new_site
    python, plugins = engine
    done = run([str(python), "-m", "site_publish", "go-live", "--settings", "publishconf.py"], site,
               {"PYTHONPATH": str(plugins)})
    assert done.returncode == 1, done.stdout + done.stderr
    office = [line for line in done.stdout.splitlines() if line.startswith("content/office.toml:")]
    named = sorted(re.search(r"\[(\w+)\] is not confirmed", line).group(1) for line in office)
    assert named == sorted(set(REQUIRED_FIELDS) - {"name", "city"}), done.stdout  # the city was given
    assert any("[placeholder-host]" in line for line in done.stdout.splitlines())


def test_new_site_refuses_a_folder_that_is_not_empty(new_site, engine):
    site, _ = new_site
    python, plugins = engine
    before = (site / "content" / "office.toml").read_bytes()
    done = run([str(python), "-m", "site_build", "new-site", str(site), "--name-zh", "x", "--name-en", "x"], site,
               {"PYTHONPATH": str(plugins)})
    assert done.returncode == 1 and "[folder]" in done.stdout and "Fix:" in done.stdout
    assert (site / "content" / "office.toml").read_bytes() == before


# --- overrides of a national data file and a national form (content_model/layers.py) ---
FORM = "birth-application"


def plant_data_and_form_overrides(site: Path, python: Path, plugins: Path) -> None:
    """A data file overriding the national one, written from an older version (stale), and a
    form overridden with `make override`'s command (its based_on current), with another title."""
    laws = site / "content" / "data" / "laws.yaml"
    laws.write_text(f"# based_on: {'0' * 64}\n" + (plugins.parent / "national/data/laws.yaml").read_text("utf-8"),
                    encoding="utf-8")
    done = run([str(python), "-m", "content_model.layers", "override", f"forms/{FORM}"], site,
               {"PYTHONPATH": str(plugins)})
    assert done.returncode == 0 and "layers: wrote" in done.stdout, done.stdout + done.stderr
    definition = site / "forms" / FORM / "form.yaml"
    definition.write_text(re.sub(r"\ntitle: \{zh-tw: ([^,]*),", r"\ntitle: {zh-tw: \1（本所版）,",
                                 definition.read_text(encoding="utf-8"), count=1), encoding="utf-8")


def test_a_stale_data_override_warns_and_a_form_override_replaces_the_national_form(new_site, engine):
    site, built = new_site
    national = engine[1].parent / "national" / "data" / "laws.yaml"
    lines = [line for line in built.stderr.splitlines() if "[override-stale]" in line and "laws.yaml" in line]
    assert len(lines) == 1, built.stderr
    assert lines[0].startswith(f"warning: content/data/laws.yaml:1: build [override-stale]: {national} has changed"), \
        lines[0]
    assert f"`# based_on: {content_key(national.read_bytes())}` as its first line" in lines[0]
    assert not [line for line in built.stderr.splitlines() if "[override-stale]" in line and FORM in line], \
        "an override written by `make override` is current"
    assert "（本所版）" in (site / "output" / "forms" / FORM / "index.html").read_text(encoding="utf-8")
    assert "（本所版）" not in (site / "output" / "en" / "forms" / FORM / "index.html").read_text(encoding="utf-8")
    slot = ROOT / ".cache" / "forms" / f"{FORM}@{site_identity(site / 'forms')}"
    assert slot.is_dir(), "the site's own form is cached apart from the national one"
    shutil.rmtree(slot)  # the shared cache keeps no slot of this test's site, gone after the test


# A new site's golden record, and an engine upgrade seen through it (the site's whole `make test`
# and `make publish`, which start Chromium, are in tests/browser/test_new_site_gate.py). The
# engine is installed in a venv of its own here: the upgrade changes it.
UPGRADE_NOTE = "本段為模擬的法規修正。"


@pytest.fixture(scope="module")
def recorded_site(tmp_path_factory, wheel) -> tuple[Path, Path, Path, subprocess.CompletedProcess]:
    """(site, python, plugins, its `make golden`): a new office's site and its first golden record."""
    python, plugins = install_engine(wheel, tmp_path_factory.mktemp("upgraded-venv"))
    site = new_office(python, plugins, tmp_path_factory.mktemp("office") / "daya")
    return site, python, plugins, make(site, python, "golden")


def golden_check(site: Path, python: Path, plugins: Path) -> subprocess.CompletedProcess:
    """What the site's `make test` runs last: the build beside the record."""
    return run([str(python), "-m", "site_checks", "golden", "--site", "output", "--record", "golden"], site,
               {"PYTHONPATH": str(plugins)})


def test_a_new_site_records_its_output_small_readable_and_labelled(recorded_site):
    site, python, plugins, recorded = recorded_site
    assert recorded.returncode == 0, recorded.stdout[-3000:] + recorded.stderr[-3000:]
    assert "golden: wrote 2" in recorded.stdout and "no record before" in recorded.stdout, recorded.stdout[-2000:]
    record = site / "golden"
    assert (record / "ENGINE").read_text(encoding="utf-8") == f"household-engine {__version__}\n"
    birth = (record / "guides" / "birth" / "index.html").read_text(encoding="utf-8")
    assert birth.startswith(f"<title>出生登記 | {NAME_ZH}</title>\n<main ") and "?v=" not in birth
    assert NAME_EN in (record / "_layout" / "en.html").read_text(encoding="utf-8")
    manifest = (record / "MANIFEST").read_text(encoding="utf-8")
    assert re.search(r"^forms/birth-application/\S+\.pdf \d+ [0-9a-f]{64}$", manifest, re.M), manifest[:500]
    assert not [path for path in record.rglob("*") if path.suffix in (".gz", ".pdf", ".odt", ".png")]
    assert sum(path.stat().st_size for path in record.rglob("*") if path.is_file()) < 3_000_000
    again = golden_check(site, python, plugins)
    assert again.returncode == 0 and again.stdout.startswith("golden: the build is the record"), again.stdout


def test_an_engine_upgrade_names_the_changed_pages_and_fails_until_make_golden_accepts_it(recorded_site):
    site, python, plugins, _ = recorded_site
    own = site / "content" / "pages" / "privacy.zh-tw.md"
    own.write_text(own.read_text(encoding="utf-8") + "\n本所新增的說明。\n", encoding="utf-8")
    assert make(site, python, "build").returncode == 0
    content_only = golden_check(site, python, plugins)
    assert content_only.returncode == 0, content_only.stdout
    assert "changed: privacy/index.html" in content_only.stdout and "+<p>本所新增的說明。</p>" in content_only.stdout
    assert "not a failure" in content_only.stdout.splitlines()[-1]

    package = plugins.parent  # the upgrade: a national guide changed, and a new version
    (package / "national" / GUIDE).write_text((package / "national" / GUIDE).read_text(encoding="utf-8")
                                              + f"\n{UPGRADE_NOTE}\n", encoding="utf-8")
    version = package / "__init__.py"
    version.write_text(version.read_text(encoding="utf-8").replace(f'"{__version__}"', f'"{__version__}.post1"'),
                       encoding="utf-8")
    built = make(site, python, "build")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    upgraded = golden_check(site, python, plugins)
    assert upgraded.returncode == 1, upgraded.stdout
    changed = sorted(line for line in upgraded.stdout.splitlines()
                     if line.startswith(("changed:", "added:", "removed:")))
    assert changed == ["changed: guides/birth/index.html", "changed: privacy/index.html"], upgraded.stdout
    assert f"+<p>{UPGRADE_NOTE}</p>" in upgraded.stdout
    last = upgraded.stdout.splitlines()[-1]
    assert last.startswith(f"golden/ENGINE: golden [engine-upgrade]: the output of household-engine "
                           f"{__version__}.post1 differs from the record made by household-engine {__version__} "
                           "(2 changed"), last
    assert "Fix: review the changes, then `make golden`" in last

    accepted = make(site, python, "golden")
    assert accepted.returncode == 0 and "golden: wrote" in accepted.stdout, accepted.stdout[-2000:]
    assert (site / "golden" / "ENGINE").read_text(encoding="utf-8") == f"household-engine {__version__}.post1\n"
    after = golden_check(site, python, plugins)
    assert after.returncode == 0 and after.stdout.startswith("golden: the build is the record"), after.stdout
