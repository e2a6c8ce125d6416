"""Content in layers: the engine's national content (national.py names it) beneath a site's own.

A build reads the folders of the setting CONTENT_MODEL_LAYERS (lowest first; only their national
files) and then the site's own content folder (PATH). An item of the site with the same kind,
slug and language as a national one replaces it (an override); a reference data file of the site
(content/data/facts.yaml…) replaces the national one. The form definitions are layered the same
way: the folders of FORMS_LAYERS (the engine's forms) beneath the site's own FORMS_DIR, a site's
`forms/<id>/` replacing the national form of the same id (or adding a form of its own).

An override says which version of the national file it was written from: a Markdown item in its
header, `based_on: <digest>`; a YAML file (a data file, a form's form.yaml) in a comment of its
leading comment block, `# based_on: <digest>` (a comment, so that no schema or loader reads it
and every line of the file keeps its number). The digest is the `content_key` of the national
file's bytes (of a form: of every file of its folder); `python -m content_model.layers digest
FILE` prints it, and `python -m content_model.layers override guides/birth.zh-tw.md` (or
data/facts.yaml, or forms/birth-application) copies a national file into the site with it
written. When the national file has changed since, or the digest is missing or unknown, the
build warns, naming both files, so that a law change reaches the overridden pages too.

A layer that is the site's own folder is read once, as the site's (this repository is both the
engine's home and the Longjing office's site: its content/ and forms/ hold the national files).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from forms.definitions import DEFINITION, form_folders, layers_below
from problems import Problem, ProblemsFound
from site_settings import load_settings
from sources.based_on import BASED_ON, yaml_based_on
from sources.digest import content_key
from sources.paths import display_path

from .inventory import Entry, read_entries
from .kinds import KINDS
from .national import NATIONAL, is_national

DATA_FOLDER = "data"
FORMS_FOLDER = "forms"  # `make override FILE=forms/<id>`: a form, not a content file
STAGE = "build"
RULE = "override-stale"
# The national data files (national.py), by name in the data folder.
NATIONAL_DATA = tuple(pattern.removeprefix(f"{DATA_FOLDER}/") for pattern in NATIONAL
                      if pattern.startswith(f"{DATA_FOLDER}/") and "*" not in pattern)


@dataclass(frozen=True)
class ContentLayers:
    """The site's own content folder and the layers beneath it (lowest first)."""

    site: Path
    below: tuple[Path, ...] = ()

    @classmethod
    def from_settings(cls, settings, site: Path) -> ContentLayers:
        own = site.resolve()
        below = tuple(Path(folder) for folder in settings.get("CONTENT_MODEL_LAYERS", ()) or ())
        return cls(site, tuple(folder for folder in below if folder.resolve() != own))

    @property
    def data(self) -> DataFolder:
        return DataFolder(self)


@dataclass(frozen=True)
class FormLayers:
    """The site's own form definitions (FORMS_DIR) and the folders beneath it (FORMS_LAYERS,
    lowest first: the engine's forms)."""

    site: Path
    below: tuple[Path, ...] = ()

    @classmethod
    def from_settings(cls, settings) -> FormLayers:
        site = Path(settings["FORMS_DIR"])
        return cls(site, layers_below(site, settings.get("FORMS_LAYERS", ()) or ()))

    def folders(self) -> list[Path]:
        """Every form's folder: the site's own, and the national ones it does not replace."""
        return form_folders(self.site, self.below)


class DataFolder:
    """The reference data folder of a layered site: `data / "facts.yaml"` is the site's own file
    if it has one, else the file of the highest layer beneath that has it (else the site's own
    path, so that a missing file is reported where the site would write it)."""

    def __init__(self, layers: ContentLayers):
        self.folders = [layers.site / DATA_FOLDER, *(folder / DATA_FOLDER for folder in reversed(layers.below))]

    def __truediv__(self, name: str) -> Path:
        return next((folder / name for folder in self.folders if (folder / name).is_file()), self.folders[0] / name)


def file_digest(path: Path) -> str:
    """What `based_on:` holds: the digest of a national file's bytes (of a folder, a form's: of
    every file in it, with its path in the folder)."""
    if path.is_dir():
        return content_key(*(part for inner in sorted(p for p in path.rglob("*") if p.is_file())
                             for part in (inner.relative_to(path).as_posix(), inner.read_bytes())))
    return content_key(path.read_bytes())


@dataclass(frozen=True)
class Override:
    """A site's file that may override a national one: where it is, what its `based_on` says
    (None: nothing) and on which line, and how the based_on is written in such a file."""

    path: str
    line: int
    based_on: object
    written: str  # e.g. "`based_on: {digest}` in its header", with {digest}
    what: str  # what it would override, e.g. "guide `birth` in zh-tw"

    def problems(self, original: Path | None) -> list[Problem]:
        """A warning if `based_on` does not name the national original's current version (or
        names a national file where there is none)."""
        if original is None:
            if self.based_on is None:
                return []
            return [Problem(self.path, self.line, STAGE, RULE,
                            f"`{BASED_ON}:` says this file overrides a national one, but there is no national "
                            f"{self.what}",
                            f"delete the `{BASED_ON}:` line, or correct the name to the national item's")]
        current, shown = file_digest(original), display_path(original)
        if self.based_on == current:
            return []
        if self.based_on is None:
            message = f"this file overrides {shown} but does not say which version of it (no `{BASED_ON}:`)"
        elif not isinstance(self.based_on, str) or len(self.based_on) != len(current):
            message = f"`{BASED_ON}: {self.based_on}` is not a digest of {shown}"
        else:
            message = f"{shown} has changed since this override was written from it"
        return [Problem(self.path, self.line, STAGE, RULE, message,
                        f"compare this file with {shown}, bring it up to date, then write "
                        + self.written.format(digest=current))]


def override_problems(entry: Entry, original: Entry | None) -> list[Problem]:
    """The override warning of a Markdown item (its original: the national item it replaces)."""
    own = Override(entry.path, entry.source.line_of((BASED_ON,)), entry.based_on,
                   f"`{BASED_ON}: {{digest}}` in its header", f"{entry.kind.name} `{entry.slug}` in {entry.lang}")
    return own.problems(Path(original.path) if original is not None else None)


def yaml_override(path: Path, what: str) -> Override:
    based_on, line = yaml_based_on(path.read_text(encoding="utf-8", errors="replace"))
    return Override(display_path(path), line, based_on, f"`# {BASED_ON}: {{digest}}` as its first line", what)


def data_problems(layers: ContentLayers) -> list[Problem]:
    """The override warning of each data file of the site (content/data/*.yaml): a national one
    it replaces, or a `# based_on:` where there is no national one."""
    own = layers.site / DATA_FOLDER
    problems = []
    for path in sorted(own.glob("*.yaml")) if own.is_dir() else []:
        original = next((folder / DATA_FOLDER / path.name for folder in reversed(layers.below)
                         if path.name in NATIONAL_DATA and (folder / DATA_FOLDER / path.name).is_file()), None)
        problems += yaml_override(path, f"data file {path.name}").problems(original)
    return problems


def form_problems(forms: FormLayers) -> list[Problem]:
    """The override warning of each form of the site (its form.yaml) that replaces a national
    form, or says `# based_on:` where there is none (the digest is of the national form's folder)."""
    problems = []
    for folder in form_folders(forms.site) if forms.site.is_dir() else []:
        original = next((below / folder.name for below in reversed(forms.below)
                         if (below / folder.name / DEFINITION).is_file()), None)
        problems += yaml_override(folder / DEFINITION, f"form `{folder.name}`").problems(original)
    return problems


def order(entry: Entry, kinds=tuple(kind.name for kind in KINDS)) -> tuple:
    """The order a single folder is read in: by kind, then by path inside the kind's folder."""
    return kinds.index(entry.kind.name), (*Path(entry.folder).parts, Path(entry.path).name)


def read_layered(layers: ContentLayers, languages: list[str]) -> tuple[list[Entry], list[Problem], list[Problem]]:
    """(entries, errors, warnings): the national items not overridden and the site's own items,
    in the order one folder is read in; a warning for every override (an item or a data file)
    whose original changed."""
    own, errors = read_entries(layers.site, languages)
    national: dict[tuple, Entry] = {}
    for folder in layers.below:
        entries, found = read_entries(folder, languages, keep=is_national)
        errors += found
        national.update({(entry.key, entry.lang): entry for entry in entries})
    warnings = [problem for entry in own for problem in override_problems(entry, national.get((entry.key, entry.lang)))]
    warnings += data_problems(layers)
    if not layers.below:
        return own, errors, warnings
    overridden = {(entry.key, entry.lang) for entry in own}
    kept = [entry for key, entry in national.items() if key not in overridden]
    return sorted(kept + own, key=order), errors, warnings


def with_based_on(text: str, digest: str, yaml: bool = False) -> str:
    """A national file's text with its `based_on: <digest>`: the first line of a Markdown file's
    header, or the first line of a YAML file, as a comment."""
    if yaml:
        return f"# {BASED_ON}: {digest}\n{text}"
    first, _, rest = text.partition("\n")
    return f"{first}\n{BASED_ON}: {digest}\n{rest}"


@dataclass(frozen=True)
class SiteFolders:
    """Where `override` copies from and to: the national content and forms, and the site's own."""

    national: Path | None  # None: the site sets no layer beneath its content
    content: Path
    national_forms: Path | None = None
    forms: Path | None = None

    @classmethod
    def from_settings(cls, settings) -> SiteFolders:
        """The highest layer of each (CONTENT_MODEL_LAYERS, FORMS_LAYERS) and the site's own (PATH, FORMS_DIR)."""
        content = ContentLayers.from_settings(settings, Path(settings["PATH"]))
        forms = FormLayers.from_settings(settings)
        return cls(content.below[-1] if content.below else None, content.site,
                   forms.below[-1] if forms.below else None, forms.site)


def not_national(relative: str, where: Path | None) -> LookupError:
    return LookupError(f"{relative}: layers [not-national]: there is no national file {relative}. "
                       f"Fix: name a file under {where} that content_model/national.py lists (e.g. "
                       "guides/birth.zh-tw.md or data/facts.yaml), or a form (e.g. forms/birth-application)")


def no_layer(relative: str, setting: str, value: str, own: str) -> LookupError:
    return LookupError(f"{relative}: layers [no-layer]: the site's settings set no {setting}, so every such file "
                       f"is its own. Fix: edit the file in the site's {own}, or set {setting} = {value} in "
                       "pelicanconf.py")


def exists(target: Path) -> LookupError:
    return LookupError(f"{target}: layers [exists]: the site already has this file. Fix: edit it, or delete it "
                       "first to start again from the national version")


def override(relative: str, folders: SiteFolders) -> Path:
    """Copy a national file (or form, `forms/<id>`) into the site, `based_on:` written; return
    the copy (of a form: its form.yaml). LookupError (one line, with a Fix) if it cannot."""
    relative = relative.strip().strip("/")
    if relative.split("/")[0] == FORMS_FOLDER:
        return override_form(relative, folders)
    if folders.national is None:
        raise no_layer(relative, "CONTENT_MODEL_LAYERS", "[str(paths.NATIONAL)]", "PATH")
    source, target = folders.national / relative, folders.content / relative
    if not is_national(relative) or not source.is_file():
        raise not_national(relative, folders.national)
    if target.exists():
        raise exists(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = with_based_on(source.read_text(encoding="utf-8"), file_digest(source), yaml=source.suffix == ".yaml")
    target.write_text(text, encoding="utf-8")
    return target


def override_form(relative: str, folders: SiteFolders) -> Path:
    """Copy a national form's folder into the site's forms folder, `# based_on:` in its form.yaml."""
    parts = relative.split("/")
    form_id = parts[1] if len(parts) > 1 else ""
    if len(parts) > 2 and parts[2:] != [DEFINITION]:
        raise not_national(relative, folders.national_forms)
    if folders.national_forms is None or folders.forms is None:
        raise no_layer(relative, "FORMS_LAYERS", "[str(paths.FORMS)]", "FORMS_DIR")
    source, target = folders.national_forms / form_id, folders.forms / form_id
    if not form_id or not (source / DEFINITION).is_file():
        raise not_national(relative, folders.national_forms)
    if target.exists():
        raise exists(target)
    digest = file_digest(source)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    definition = target / DEFINITION
    definition.write_text(with_based_on(definition.read_text(encoding="utf-8"), digest, yaml=True), encoding="utf-8")
    return definition


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m content_model.layers",
                                     description="Override a national content file or form in a site, or print "
                                                 "the `based_on:` digest of one.")
    commands = parser.add_subparsers(dest="command", required=True)
    digest = commands.add_parser("digest", help="print the digest of a national file (or form folder)")
    digest.add_argument("file", type=Path)
    copy = commands.add_parser("override", help="copy a national file or form into the site, with its based_on")
    copy.add_argument("file", help="its path under the national folder, e.g. guides/birth.zh-tw.md, "
                                   "data/facts.yaml, or forms/birth-application")
    copy.add_argument("--settings", type=Path, default=Path("pelicanconf.py"),
                      help="the site's settings: its layers and its own folders (PATH, FORMS_DIR)")
    args = parser.parse_args(argv)
    if args.command == "override":
        if not args.settings.is_file():
            print(f"{args.settings}: layers [no-settings]: there is no settings file here. Fix: run `make override` "
                  "in the site's folder (where its pelicanconf.py is), or name the file with --settings",
                  file=sys.stderr)
            return 2
        try:
            folders = SiteFolders.from_settings(load_settings(args.settings, {}))
            print(f"layers: wrote {override(args.file, folders)}; edit it, the build warns "
                  "when the national original changes")
        except LookupError as error:
            print(error, file=sys.stderr)
            return 1
        except ProblemsFound as error:
            print("\n".join(str(problem) for problem in error.problems), file=sys.stderr)
            return 2
        return 0
    if not args.file.exists():
        print(f"{args.file}: layers [no-file]: there is no such file. Fix: name the national file you override",
              file=sys.stderr)
        return 2
    print(file_digest(args.file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
