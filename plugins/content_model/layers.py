"""Content in layers: the engine's national content (national.py names it) beneath a site's own.

A build reads the folders of the setting CONTENT_MODEL_LAYERS (lowest first; only their national
files) and then the site's own content folder (PATH). An item of the site with the same kind,
slug and language as a national one replaces it (an override); a reference data file of the site
(content/data/facts.yaml…) replaces the national one. An override says which version of the
national file it was written from, in its header: `based_on: <digest>` (the `content_key` of the
national file's bytes; `python -m content_model.layers digest FILE` prints it, and
`python -m content_model.layers override guides/birth.zh-tw.md` copies a national file into the
site with it written). When the national
file has changed since, or the digest is missing or unknown, the build warns, naming both files,
so that a law change reaches the overridden pages too.

A layer that is the site's own folder is read once, as the site's (this repository is both the
engine's home and the Longjing office's site: its content/ holds the national files itself).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from household_engine import paths
from problems import Problem
from sources.digest import content_key

from .inventory import BASED_ON, Entry, read_entries
from .kinds import KINDS
from .national import is_national

DATA_FOLDER = "data"
STAGE = "build"
RULE = "override-stale"


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


class DataFolder:
    """The reference data folder of a layered site: `data / "facts.yaml"` is the site's own file
    if it has one, else the file of the highest layer beneath that has it (else the site's own
    path, so that a missing file is reported where the site would write it)."""

    def __init__(self, layers: ContentLayers):
        self.folders = [layers.site / DATA_FOLDER, *(folder / DATA_FOLDER for folder in reversed(layers.below))]

    def __truediv__(self, name: str) -> Path:
        return next((folder / name for folder in self.folders if (folder / name).is_file()), self.folders[0] / name)


def file_digest(path: Path) -> str:
    """What `based_on:` holds: the digest of a national file's bytes."""
    return content_key(path.read_bytes())


def override_problems(entry: Entry, original: Entry | None) -> list[Problem]:
    """A warning if an override's `based_on:` does not name its national original's current
    version (or names a national file where there is none)."""
    line = entry.source.line_of((BASED_ON,))
    if original is None:
        if entry.based_on is None:
            return []
        return [Problem(entry.path, line, STAGE, RULE,
                        f"`{BASED_ON}:` says this file overrides a national one, but there is no national "
                        f"{entry.kind.name} `{entry.slug}` in {entry.lang}",
                        f"delete the `{BASED_ON}:` line, or correct the slug to the national item's")]
    current = file_digest(Path(original.path))
    if entry.based_on == current:
        return []
    if entry.based_on is None:
        message = f"this file overrides {original.path} but does not say which version of it (no `{BASED_ON}:`)"
    elif not isinstance(entry.based_on, str) or len(entry.based_on) != len(current):
        message = f"`{BASED_ON}: {entry.based_on}` is not a digest of {original.path}"
    else:
        message = f"{original.path} has changed since this override was written from it"
    return [Problem(entry.path, line, STAGE, RULE, message,
                    f"compare this file with {original.path}, bring it up to date, then write "
                    f"`{BASED_ON}: {current}` in its header")]


def order(entry: Entry, kinds=tuple(kind.name for kind in KINDS)) -> tuple:
    """The order a single folder is read in: by kind, then by path inside the kind's folder."""
    return kinds.index(entry.kind.name), (*Path(entry.folder).parts, Path(entry.path).name)


def read_layered(layers: ContentLayers, languages: list[str]) -> tuple[list[Entry], list[Problem], list[Problem]]:
    """(entries, errors, warnings): the national items not overridden and the site's own items,
    in the order one folder is read in; a warning for every override whose original changed."""
    own, errors = read_entries(layers.site, languages)
    national: dict[tuple, Entry] = {}
    for folder in layers.below:
        entries, found = read_entries(folder, languages, keep=is_national)
        errors += found
        national.update({(entry.key, entry.lang): entry for entry in entries})
    warnings = [problem for entry in own for problem in override_problems(entry, national.get((entry.key, entry.lang)))]
    if not layers.below:
        return own, errors, warnings
    overridden = {(entry.key, entry.lang) for entry in own}
    kept = [entry for key, entry in national.items() if key not in overridden]
    return sorted(kept + own, key=order), errors, warnings


def with_based_on(text: str, digest: str) -> str:
    """A national file's text with `based_on: <digest>` as the first line of its header."""
    first, _, rest = text.partition("\n")
    return f"{first}\n{BASED_ON}: {digest}\n{rest}"


def override(relative: str, national: Path, content: Path) -> Path:
    """Copy a national file into the site's content, `based_on:` written; return the copy."""
    source, target = national / relative, content / relative
    if not is_national(relative) or not source.is_file():
        raise LookupError(f"{relative}: layers [not-national]: there is no national file {relative}. "
                          f"Fix: name a file under {national} that content_model/national.py lists, e.g. "
                          "guides/birth.zh-tw.md")
    if target.exists():
        raise LookupError(f"{target}: layers [exists]: the site already has this file. Fix: edit it, or delete it "
                          "first to start again from the national version")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(with_based_on(source.read_text(encoding="utf-8"), file_digest(source)), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m content_model.layers",
                                     description="Override a national content file in a site, or print the "
                                                 "`based_on:` digest of one.")
    commands = parser.add_subparsers(dest="command", required=True)
    digest = commands.add_parser("digest", help="print the digest of a national file")
    digest.add_argument("file", type=Path)
    copy = commands.add_parser("override", help="copy a national file into the site, with its based_on:")
    copy.add_argument("file", help="its path under the national folder, e.g. guides/birth.zh-tw.md")
    copy.add_argument("--national", type=Path, default=paths.NATIONAL)
    copy.add_argument("--content", type=Path, default=Path("content"))
    args = parser.parse_args(argv)
    if args.command == "override":
        try:
            print(f"layers: wrote {override(args.file, args.national, args.content)}; edit it, the build warns "
                  "when the national original changes")
        except LookupError as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    if not args.file.is_file():
        print(f"{args.file}: layers [no-file]: there is no such file. Fix: name the national file you override",
              file=sys.stderr)
        return 2
    print(file_digest(args.file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
