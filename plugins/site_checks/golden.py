"""The golden record of a site: its built output kept in a small, reviewable form, so that a
fresh build shows what changed since (an engine upgrade, a template, a page).

    python -m site_checks golden --site output --record golden            (a site's `make test`)
    python -m site_checks golden --site output --record golden --write    (a site's `make golden`)

A site's record (`pages`, the default) keeps, for every HTML page, its <title> and its <main>;
the layout around <main> once per language (`_layout/<lang>.html`, from the home page); the other
text files whole (sitemap, feeds, robots.txt); every other file as one line of MANIFEST (path,
size, SHA-256: the forms' PDF and ODT, images, the theme's CSS and JS, the open data); and
ENGINE, the engine version that made it. Lines are stripped of indentation, empty lines dropped,
XML (sitemap, feeds) broken into one element a line, and the theme's fingerprints (`?v=…`)
blanked, so only a change a reader can see shows. (Nothing else needs blanking: a build is
reproducible, its dates come from the content, never the clock.) Left
out: the `.gz` copies, SHA256SUMS.txt and Pagefind's index (each made from the files kept).

The engine's own fixture site is kept `whole` (tests/golden_site.py): every text file as it is.

The policy of `make test` (docs/engine.md, "Upgrades"): when the record was made by another
engine version than the installed one, any difference fails until it is reviewed and accepted
with `make golden`; with the same version a difference is the site's own content (a news item, a
page), shown for review and not a failure. No record yet: it is written, and the run says so.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from household_engine import __version__
from problems import Problem

STAGE = "golden"
MANIFEST = "MANIFEST"
ENGINE = "ENGINE"
ENGINE_NAME = "household-engine"
LAYOUT = "_layout"
TEXT = (".html", ".xml", ".json", ".csv", ".css", ".js", ".txt", ".svg")
SKIPPED = (".gz",)  # precompressed copies: the same bytes as their source, compressed
HASHED_FOLDERS = ("pagefind",)  # whole: Pagefind's bundle and index, checked by hash
# pages: what a reader cannot review as a diff (the theme's files; open data, one long line or
# table made from the pages kept), and what is made from the files kept.
PAGES_HASHED = (".css", ".js", ".json", ".csv")
PAGES_LEFT_OUT = ("pagefind/", "SHA256SUMS.txt")
TITLE = re.compile(r"<title>.*?</title>", re.S)
MAIN = re.compile(r"(<main\b[^>]*>)(.*?)(</main>)", re.S)
HTML_LANG = re.compile(r"<html[^>]*?\slang=[\"']?([A-Za-z0-9-]+)", re.I)
XML = (".xml", ".svg")  # written on one line (sitemap, feeds): one element a line, to read as a diff
BETWEEN_TAGS = re.compile(r">\s*<")
FINGERPRINT = re.compile(r"\?v=[0-9a-f]{6,64}\b")
DIFF_LINES = 20  # of each changed file's diff
DIFF_FILES = 12  # files shown with a diff; the others are named only
DIFF_WIDTH = 160  # characters of a diff's line


@dataclass
class Record:
    """A site's output as recorded: {name: text} and {name: "size sha256"}, and the engine's version."""

    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    engine: str = ""

    def names(self) -> set[str]:
        return set(self.texts) | set(self.files)

    def __len__(self) -> int:
        return len(self.texts) + len(self.files)


def file_line(data: bytes) -> str:
    return f"{len(data)} {hashlib.sha256(data).hexdigest()}"


def tidy(text: str) -> str:
    """Lines without indentation or trailing space, no empty line, theme fingerprints blanked."""
    lines = (line.strip() for line in FINGERPRINT.sub("?v=…", text).splitlines())
    return "".join(line + "\n" for line in lines if line)


def page_text(html: str) -> str:
    """A page as recorded: its title and its <main> (the whole page if it has no <main>)."""
    title, main = TITLE.search(html), MAIN.search(html)
    return tidy((title.group(0) if title else "") + "\n" + (main.group(0) if main else html))


def layout_text(html: str) -> str:
    """A page with its <main> emptied: the header, navigation and footer every page shares."""
    return tidy(MAIN.sub(r"\1…\3", html, count=1))


def layout_choice(name: str) -> tuple:
    """The page whose layout stands for its language's: the shallowest index.html."""
    return (name.count("/"), not name.endswith("index.html"), name)


def snapshot(site: Path, whole: bool = False) -> Record:
    """The record of a built site: `whole` keeps every text file as it is (the engine's fixture);
    otherwise each page's title and <main>, the layout once per language (the module's docstring)."""
    record = Record(engine="" if whole else __version__)
    layouts: dict[str, tuple[tuple, str]] = {}
    for path in sorted(path for path in site.rglob("*") if path.is_file() and path.suffix not in SKIPPED):
        name = path.relative_to(site).as_posix()
        if whole:
            if path.suffix in TEXT and path.relative_to(site).parts[0] not in HASHED_FOLDERS:
                record.texts[name] = path.read_text(encoding="utf-8")
            else:
                record.files[name] = file_line(path.read_bytes())
        elif name.startswith(PAGES_LEFT_OUT):
            continue
        elif path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            record.texts[name] = page_text(html)
            lang = HTML_LANG.search(html[:2000])
            key = lang.group(1).lower() if lang else "none"
            if key not in layouts or layout_choice(name) < layouts[key][0]:
                layouts[key] = (layout_choice(name), html)
        elif path.suffix in TEXT and path.suffix not in PAGES_HASHED:
            text = path.read_text(encoding="utf-8")
            record.texts[name] = tidy(BETWEEN_TAGS.sub(">\n<", text) if path.suffix in XML else text)
        else:
            record.files[name] = file_line(path.read_bytes())
    for lang, (_, html) in layouts.items():
        record.texts[f"{LAYOUT}/{lang}.html"] = layout_text(html)
    return record


def read(folder: Path) -> Record:
    """A record written by `write` (an empty one if the folder has none)."""
    record = Record()
    for path in sorted(path for path in folder.rglob("*") if path.is_file()):
        name = path.relative_to(folder).as_posix()
        text = path.read_text(encoding="utf-8")
        if name == MANIFEST:
            for line in filter(None, text.splitlines()):
                file, size, digest = line.rsplit(" ", 2)
                record.files[file] = f"{size} {digest}"
        elif name == ENGINE:
            record.engine = text.split()[-1] if text.split() else ""
        else:
            record.texts[name] = text
    return record


def is_record(folder: Path) -> bool:
    return (folder / MANIFEST).is_file()


def write(folder: Path, record: Record) -> None:
    """Replace the record in `folder` (a folder that holds something else is refused by the caller)."""
    shutil.rmtree(folder, ignore_errors=True)
    texts = dict(record.texts)
    texts[MANIFEST] = "\n".join(f"{name} {line}" for name, line in record.files.items()) + "\n"
    if record.engine:
        texts[ENGINE] = f"{ENGINE_NAME} {record.engine}\n"
    for name, text in texts.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@dataclass
class Changes:
    added: list[str]
    removed: list[str]
    changed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def count(self) -> str:
        return f"{len(self.changed)} changed, {len(self.added)} added, {len(self.removed)} removed"


def compare(expected: Record, found: Record) -> Changes:
    def value(record: Record, name: str) -> str | None:
        return record.texts.get(name, record.files.get(name))

    both = sorted(expected.names() & found.names())
    return Changes(added=sorted(found.names() - expected.names()),
                   removed=sorted(expected.names() - found.names()),
                   changed=[name for name in both if value(expected, name) != value(found, name)])


def differences(expected: Record, found: Record, limit: int = DIFF_LINES, files: int = DIFF_FILES) -> list[str]:
    """A readable account: each file changed (with a unified diff of at most `limit` lines, for the
    first `files` of them; a binary file by its size), added or removed."""
    changes = compare(expected, found)
    lines = []
    for number, name in enumerate(changes.changed):
        if name in expected.files or name in found.files:
            sizes = [record.files.get(name, "? ").split()[0] for record in (expected, found)]
            lines.append(f"changed: {name} ({sizes[0]} → {sizes[1]} bytes)")
            continue
        lines.append(f"changed: {name}")
        if number < files:
            diff = list(difflib.unified_diff(expected.texts[name].splitlines(), found.texts[name].splitlines(),
                                             f"record/{name}", f"build/{name}", lineterm="", n=1))
            lines += [line if len(line) <= DIFF_WIDTH else line[:DIFF_WIDTH - 1] + "…" for line in diff[:limit]]
            lines += ([f"… {len(diff) - limit} more lines of this diff"] if len(diff) > limit else [])
    lines += [f"added: {name}" for name in changes.added]
    lines += [f"removed: {name}" for name in changes.removed]
    return lines


@dataclass
class Verdict:
    """What a comparison means for `make test`: lines to print, and whether it fails."""

    lines: list[str]
    failed: bool


def verdict(expected: Record, found: Record, record_folder: Path) -> Verdict:
    """The upgrade policy: a difference fails only when another engine version made the record."""
    changes = compare(expected, found)
    made_by = f"{ENGINE_NAME} {expected.engine or '(version not recorded)'}"
    if not changes:
        note = "" if expected.engine == found.engine else (
            f"; made by {made_by}, the same output with {found.engine}: `make golden` labels it anew")
        return Verdict([f"golden: the build is the record ({len(found)} files in {record_folder}){note}"], False)
    shown = differences(expected, found)
    count = f"{changes.count()} of {len(expected)} recorded"
    if expected.engine != found.engine:
        problem = Problem(str(record_folder / ENGINE), None, STAGE, "engine-upgrade",
                          f"the output of {ENGINE_NAME} {found.engine} differs from the record made by {made_by} "
                          f"({count}; shown above)",
                          f"review the changes, then `make golden` to accept them and commit {record_folder}/")
        return Verdict([*shown, str(problem)], True)
    return Verdict([*shown, f"golden: {count}, with the engine that made the record ({made_by}): the site's own "
                    f"changes, shown for review, not a failure; `make golden` records them"], False)
