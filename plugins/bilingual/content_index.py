"""Read every content file's header and check the bilingual rules before Pelican reads anything.

The index knows, for each file, its slug, language, kind (page or news), folder and the
line of each header key, so that a mistake is reported with the file, the line and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):\s*(?P<value>.*)$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONTENT_SUFFIXES = (".md", ".markdown")


class ContentError(Exception):
    """One or more content files break the rules; the message lists each with file:line."""

    exitcode = 2


@dataclass(frozen=True)
class Problem:
    """A content mistake at a place in a file, with how to fix it."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} Fix: {self.fix}"


@dataclass(frozen=True)
class Entry:
    """The header of one content file."""

    path: str
    kind: str  # "page" or "news"
    folder: str  # folder below the kind's root, "" at the top
    meta: dict[str, str] = field(compare=False)
    lines: dict[str, int] = field(compare=False)

    @property
    def slug(self) -> str:
        return self.meta.get("slug", "")

    @property
    def lang(self) -> str:
        return self.meta.get("lang", "")

    @property
    def key(self) -> tuple[str, str, str]:
        """What pairs a file with its translation and must be unique per language: kind,
        folder and slug for pages (the folder is part of the URL); kind and slug for news
        (news URLs are /news/<slug>/ whatever folder the file is kept in)."""
        return (self.kind, self.folder if self.kind == "page" else "", self.slug)


def read_header(text: str) -> tuple[dict[str, str], dict[str, int]]:
    """Parse `Key: value` lines up to the first blank line; keys are lower-cased."""
    meta: dict[str, str] = {}
    lines: dict[str, int] = {}
    last_key = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            break
        match = HEADER_LINE.match(raw)
        if match:
            last_key = match["key"].lower()
            meta[last_key] = match["value"].strip()
            lines[last_key] = number
        elif raw[:1] in (" ", "\t") and last_key:
            meta[last_key] += " " + raw.strip()
        else:
            break
    return meta, lines


def display_path(path: Path) -> str:
    """The path as the person running the build typed it: relative to the working folder."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def scan(content_root: Path, roots: dict[str, list[str]]) -> list[Entry]:
    """Read the header of every Markdown file below each kind's roots, in a stable order."""
    entries = []
    for kind, folders in roots.items():
        for folder in folders:
            base = content_root / folder
            for path in sorted(p for p in base.rglob("*") if p.suffix in CONTENT_SUFFIXES):
                meta, lines = read_header(path.read_text(encoding="utf-8"))
                relative_folder = path.parent.relative_to(base).as_posix()
                entries.append(
                    Entry(
                        path=display_path(path),
                        kind=kind,
                        folder="" if relative_folder == "." else relative_folder,
                        meta=meta,
                        lines=lines,
                    )
                )
    return entries


def check_entry(entry: Entry, languages: list[str], required: dict[str, list[str]]) -> list[Problem]:
    """Problems in one file's header: missing keys, a bad slug, an unknown language."""
    problems = []
    for key in ["title", "slug", "lang", *required.get(entry.kind, [])]:
        if not entry.meta.get(key):
            problems.append(
                Problem(entry.path, 1, f"the header has no `{key.capitalize()}:`.",
                        f"add a `{key.capitalize()}: …` line to the header at the top of the file.")
            )
    if entry.slug and not SLUG_PATTERN.match(entry.slug):
        problems.append(
            Problem(entry.path, entry.lines["slug"], f"slug {entry.slug!r} is not lower-case ASCII.",
                    "use only a-z, 0-9 and '-', and the same slug in both languages.")
        )
    if entry.lang and entry.lang not in languages:
        problems.append(
            Problem(entry.path, entry.lines["lang"], f"unknown language {entry.lang!r}.",
                    f"write one of: {', '.join(languages)} (lower-case).")
        )
    return problems


def check_pairs(entries: list[Entry], primary: str) -> list[Problem]:
    """Problems across files: the same slug twice in one language, or a translation with no original."""
    problems = []
    seen: dict[tuple, Entry] = {}
    for entry in entries:
        if not entry.slug or not entry.lang:
            continue
        first = seen.setdefault((*entry.key, entry.lang), entry)
        if first is not entry:
            problems.append(
                Problem(entry.path, entry.lines["slug"],
                        f"slug {entry.slug!r} in language {entry.lang!r} is already used by {first.path}.",
                        "give one of the two files another slug, or delete the copy.")
            )
    for (kind, folder, slug, lang), entry in seen.items():
        if lang != primary and (kind, folder, slug, primary) not in seen:
            problems.append(
                Problem(entry.path, entry.lines["slug"],
                        f"there is no {primary} file with slug {slug!r} in the same folder.",
                        f"write the {primary} original first (the primary language), or fix the slug.")
            )
    return problems


def validate(entries: list[Entry], languages: list[str], required: dict[str, list[str]]) -> None:
    """Raise ContentError listing every problem, or return quietly."""
    problems = [p for e in entries for p in check_entry(e, languages, required)]
    problems += check_pairs(entries, languages[0])
    if problems:
        listing = "\n".join(f"  {p}" for p in problems)
        raise ContentError(f"{len(problems)} content problem(s):\n{listing}")


def untranslated(entries: list[Entry], languages: list[str]) -> list[tuple[Entry, str]]:
    """(primary entry, missing language) for every item that lacks a translation."""
    present = {(*e.key, e.lang) for e in entries}
    primary = languages[0]
    return [
        (entry, lang)
        for entry in entries
        if entry.lang == primary
        for lang in languages[1:]
        if (*entry.key, lang) not in present
    ]
