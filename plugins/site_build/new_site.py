"""`python -m site_build new-site DIR --name-zh … --name-en …`: a new office's site folder that
builds with the installed engine's national content before anything is written in it.

What it writes: content/office.toml (every detail the office must give, marked unverified, so the
go-live gate refuses to publish until each is confirmed), content/pages/ with the pages that name
the office (privacy, open data; from the engine's starter files with the office's name put in),
content/news/ and content/disclosures/ (empty), content/data/manual-checks.yaml, the settings
(pelicanconf.py, publishconf.py) reading the installed engine, requirements.txt with the engine's
version pinned (an upgrade is one line), package.json and its lock (Pagefind, axe-core, vnu), a
Makefile (`make serve`, `make test` with the golden record, `make golden`, `make publish` with the
two-pass statement record), .ci/run, CI files for GitHub (.github/workflows/site.yml) and GitLab
(.gitlab-ci.yml), .gitignore and a README.
An existing folder that is not empty is refused: nothing is overwritten.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from content_model.national import STARTER, STARTER_CI, STARTER_NAMES
from household_engine import __version__, paths
from office_data.office_data import REQUIRED_FIELDS, OfficeData
from problems import Problem, ProblemsFound

STAGE = "new-site"
UNFILLED = {"zh-tw": "（待本所確認後公布）", "en": "(to be confirmed by the office)"}
# The details an office gives (office_data.REQUIRED_FIELDS, besides its name and city): each
# written unfilled and marked unverified until it is confirmed; these say why in their own words.
REASONS = {
    "address": "The office's street address has not been filled in.",
    "phone": "The office's telephone number has not been filled in.",
    "fax": "The office's fax number has not been filled in.",
    "email": "The office's e-mail address has not been filled in.",
    "hours": "The office's opening hours have not been filled in.",
    "directions": "How to reach the office (bus, parking, step-free entrance) has not been filled in.",
}


@dataclass(frozen=True)
class Office:
    name_zh: str
    name_en: str
    city_zh: str = ""
    city_en: str = ""

    @property
    def names(self) -> dict[str, str]:
        return {"zh-tw": self.name_zh, "en": self.name_en}


def toml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def office_toml(office: Office) -> str:
    lines = ["# The office's own details: the ONE place they live (templates read this file; no page",
             "# repeats them). A field with `unverified = \"…\"` is not confirmed by the office: the build",
             "# warns, a staging build says so on every page, and `make publish` refuses to go live.",
             "# Put in the confirmed value and delete its `unverified` line.", "",
             "[name]", f"zh-tw = {toml_text(office.name_zh)}", f"en = {toml_text(office.name_en)}", ""]
    city = {"zh-tw": office.city_zh or UNFILLED["zh-tw"], "en": office.city_en or UNFILLED["en"]}
    lines += ["[city]", f"zh-tw = {toml_text(city['zh-tw'])}", f"en = {toml_text(city['en'])}"]
    lines += ([] if office.city_zh and office.city_en else ['unverified = "The city has not been filled in."'])
    for field in (name for name in REQUIRED_FIELDS if name not in ("name", "city")):
        reason = REASONS.get(field, f"[{field}] ({OfficeData.label(field)}) has not been filled in.")
        lines += ["", f"[{field}]", f"zh-tw = {toml_text(UNFILLED['zh-tw'])}", f"en = {toml_text(UNFILLED['en'])}",
                  f"unverified = {toml_text(reason)}"]
    return "\n".join(lines) + "\n"


def with_name(text: str, lang: str, office: Office) -> str:
    """A starter file's text with the engine's home office's name replaced by this office's."""
    for name in STARTER_NAMES.get(lang, ()):
        text = text.replace(name, office.names[lang])
    return text


def language_of(path: Path) -> str:
    match = re.search(r"\.([a-z-]+)\.md$", path.name)
    return match.group(1) if match else ""


SETTINGS = '''"""Pelican settings of {name_en} ({name_zh}): the engine's settings (household_engine.settings),
its national content beneath this site's own, and this site's own details.
`publishconf.py` imports this file and overrides only deploy keys."""

import sys
from pathlib import Path

from household_engine import paths
from household_engine.settings import *  # noqa: F403

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

SITENAME = {name_zh_repr}
SITEURL = ""
SITE_ORIGIN = "http://local-build.invalid"  # a local build can never be published
PATH = "content"
# The national guides, reference data and generic pages of the engine, beneath this site's own
# content: a file here with the same kind and slug replaces one (`make override FILE=…`).
CONTENT_MODEL_LAYERS = [str(paths.NATIONAL)]
# The national forms beneath this site's own forms/: forms/<id>/ here replaces the engine's form
# of that id, or adds one of the office's own.
FORMS_DIR = str(ROOT / "forms")
FORMS_LAYERS = [str(paths.FORMS)]
# Its own files (.ci/ allow-lists, .cache/, content/office.toml, manual checks, node_modules).
globals().update(site_files(ROOT))  # noqa: F405
'''

PUBLISH = '''"""Settings for the published site: pelicanconf.py plus the deploy keys only."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# The public address; the go-live gate refuses a placeholder or an unconfirmed host.
SITE_ORIGIN = "https://office.example"
SITEURL = ""
SITE_ORIGIN_UNVERIFIED = "The office's public host name has not been filled in."
'''

# The files written as they are (no office detail in them).
SITE_FILES = Path(__file__).resolve().parent / "site_files"

README = '''# {name_zh} ({name_en})

The office's public website, built with the household registration office engine
(household-engine {version}, pinned in `requirements.txt`).

    make serve   # set up, build and serve the site at http://127.0.0.1:8000
    make test    # set up, build and run every check (links, national rules, HTML, axe-core),
                 # then show what changed since the golden record (golden/)

The national guides, forms, glossary and laws come from the engine. This folder holds only the
office's own: `content/office.toml` (its details: every value marked `unverified` must be
confirmed before `make publish` will go live), `content/pages/` (pages that name the office, and
any national page it overrides), `content/news/` and `content/disclosures/`, and `forms/` (a
national form it overrides, or a form of its own).
To change a national page for this office, `make override FILE=guides/birth.zh-tw.md` copies it
into `content/` with `based_on: <digest>` in its header; edit the copy. The same works for a data
file (`FILE=data/facts.yaml`, `# based_on:` as its first line) and a form
(`FILE=forms/birth-application`, into `forms/`). The build warns when the national original
changes.

## The golden record (golden/)
`golden/` is this site's built output in a form you can read and compare: each page's title and
main text (`<main>`), the header and footer once per language (`golden/_layout/`), other files by
size and checksum (`golden/MANIFEST`), and the engine version that made it (`golden/ENGINE`).
Commit it. The first `make test` writes it; each later `make test` compares the fresh build with
it and shows every page changed, added or removed, with a short diff.
- A change of your own content (a news item, an edited page) is shown and does not fail.
- After an engine upgrade, any change fails until you have read it and accepted it.
`make golden` accepts the current build as the record (it rewrites `golden/` whole: keep nothing
else in it); commit `golden/` with the change.

## Upgrading the engine
1. Change the version in `requirements.txt` (one line), after reading the engine's CHANGELOG.
2. `make test`: every check, then what the new engine changed in your pages. It fails while the
   record is from the old version.
3. Read the changes; if they are right, `make golden`, and commit `requirements.txt` and
   `golden/` together. To go back, restore the old line.

## Publishing
`make publish DEPLOY_TARGET=/srv/www/<office>` (or `user@host:/srv/www/<office>`;
`STAGING=1` for a staging copy with a banner): the go-live gate refuses any unconfirmed detail;
the site is built with `publishconf.py` and passes every check, its full audit writes the record
the accessibility statement is built from; the site is built again with that statement and
checked again; only then is it deployed, as a new release switched in one step. A failure at
any step leaves the live site as it was.

## CI
`.github/workflows/site.yml` (GitHub Actions) and `.gitlab-ci.yml` (GitLab) run `.ci/run` (that
is, `make test`) on every push and, on the main branch, `make publish`; each says which settings
and secrets it needs. Keep the one your platform uses and delete the other.
'''


def problem(path: Path, message: str, fix: str) -> ProblemsFound:
    return ProblemsFound([Problem(str(path), None, STAGE, "folder", message, fix)])


def starter_files() -> list[tuple[Path, str]]:
    """(file, path relative to content/) of each starter file the engine has."""
    found = []
    for path in sorted(paths.STARTER.rglob("*")):
        relative = path.relative_to(paths.STARTER).as_posix()
        if path.is_file() and any(fnmatchcase(relative, pattern) for pattern in STARTER):
            found.append((path, relative))
    return found


def new_site(folder: Path, office: Office) -> list[Path]:
    """Write the new site's files; return them. Raises ProblemsFound if the folder is not empty."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise problem(folder, "the folder exists and is not empty", "name a new folder for the new site")
    if not office.name_zh.strip() or not office.name_en.strip():
        raise problem(folder, "the office needs its name in both languages", "give --name-zh and --name-en")
    files = {
        "content/office.toml": office_toml(office),
        "content/news/.keep": "",
        "content/disclosures/.keep": "",
        "forms/.keep": "",
        "pelicanconf.py": SETTINGS.format(name_zh=office.name_zh, name_en=office.name_en,
                                          name_zh_repr=repr(office.name_zh)),
        "publishconf.py": PUBLISH,
        "requirements.txt": f"household-engine[checks]=={__version__}  # the engine; an upgrade is this one line\n",
        "Makefile": (SITE_FILES / "Makefile").read_text(encoding="utf-8"),
        "README.md": README.format(name_zh=office.name_zh, name_en=office.name_en, version=__version__),
        ".ci/run": "#!/usr/bin/env bash\n# CI entry point: exactly what the README promises.\nset -euo pipefail\n"
                   'cd "$(dirname "$0")/.."\nmake test\n',
        ".gitignore": ".venv/\nnode_modules/\noutput/\n.cache/\nreports/\n",
        ".github/workflows/site.yml": (SITE_FILES / "github-workflow.yml").read_text(encoding="utf-8"),
        ".gitlab-ci.yml": (SITE_FILES / "gitlab-ci.yml").read_text(encoding="utf-8"),
    }
    files.update({f".ci/{name}": (paths.CI / name).read_text(encoding="utf-8") for name in STARTER_CI})
    for source, relative in starter_files():
        files[f"content/{relative}"] = with_name(source.read_text(encoding="utf-8"), language_of(source), office)
    written = []
    for relative, text in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(paths.NODE / name, folder / name)
        written.append(folder / name)
    for script in ("run", "find-python"):
        (folder / ".ci" / script).chmod(0o755)
    return written
