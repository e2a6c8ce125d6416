"""Attachments: files kept beside a content file, in `<kind folder>/<slug>/`, and listed in its
header under `attachments:` (a file name and a title each). For a kind declared with
`attachments=True` the build

- checks that each listed file exists (a missing one stops the build, naming the header line),
  and that a PDF is tagged and says its language (a screen reader needs both);
- describes each file: format, size in bytes and SHA-256, shown beside its link;
- copies each file beside the item's page: `content/disclosures/plan/plan.pdf` is published at
  `/disclosures/plan/plan.pdf`, one copy for every language version;
- warns about a file in such a folder that no item lists (it would not be published).

The personal-data guard reads these files like all of `content/` (plugins/personal_data).
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from forms.pdfcheck import UnreadablePdf, pdf_facts
from problems import Problem
from sources.formats import DOWNLOAD_FORMATS
from sources.paths import display_path

from .inventory import CONTENT_SUFFIXES, Entry

TAGGED_PDF_FIX = ("export the PDF again as a tagged PDF with the document's language set (LibreOffice: File → "
                  "Export as PDF → Universal Accessibility (PDF/UA)); a scan needs its text, not only an image")


@dataclass(frozen=True)
class Attachment:
    """One published file of an item: what templates and open data show about it."""

    file: str  # the name, as listed in the header
    title: str  # what it is, in the item's language
    format: str  # PDF, ODT, …
    bytes: int
    sha256: str
    path: str  # below the site root, e.g. disclosures/plan/plan.pdf
    source: Path = field(repr=False, compare=False)


def folder_of(entry: Entry, content_root: Path) -> Path:
    """Where an item's attachments are kept: `<kind folder>/<sub-folder>/<slug>/`."""
    return content_root / entry.kind.folder / entry.folder / entry.slug


def published_path(entry: Entry, name: str) -> str:
    """A file's path below the site root: in the folder of the item's page, without language prefix."""
    return entry.kind.save_as(entry.folder, entry.slug, "").removesuffix("index.html") + name


def sha256_of(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def describe(entry: Entry, content_root: Path) -> tuple[tuple[Attachment, ...], list[Problem]]:
    """(the item's attachments, the problems with them): each listed file must exist."""
    folder, found, problems = folder_of(entry, content_root), [], []
    for number, listed in enumerate(entry.header.attachments):
        source = folder / listed.file
        if not source.is_file():
            problems.append(entry.problem(("attachments", number, "file"), "missing-attachment",
                                          f"the attachment `{listed.file}` is not in {display_path(folder)}/",
                                          f"put the file at {display_path(source)}, or correct its name "
                                          "(upper and lower case count)"))
            continue
        problems += pdf_problems(entry, number, source)
        found.append(Attachment(listed.file, listed.title, DOWNLOAD_FORMATS[source.suffix.lower()],
                                source.stat().st_size, sha256_of(source), published_path(entry, listed.file),
                                source))
    return tuple(found), problems


def pdf_problems(entry: Entry, number: int, source: Path) -> list[Problem]:
    """A PDF must be tagged (structure tree, marked content) and say its language."""
    if source.suffix.lower() != ".pdf":
        return []
    location = ("attachments", number, "file")
    try:
        facts = pdf_facts(source)
    except UnreadablePdf as error:
        return [entry.problem(location, "unreadable-attachment", f"`{source.name}` cannot be read as a PDF: "
                              f"{error}", "export the file again from its source document")]
    missing = [what for what, present in (("tags", facts.structure_tree and facts.marked),
                                          ("a document language", bool(facts.lang))) if not present]
    if not missing:
        return []
    return [entry.problem(location, "untagged-pdf", f"`{source.name}` has no {' and no '.join(missing)}, so a "
                          "screen reader cannot read it properly", TAGGED_PDF_FIX)]


def check_attachments(entries: list[Entry], content_root: Path
                      ) -> tuple[dict[str, tuple[Attachment, ...]], list[Problem], list[Problem]]:
    """({entry path: attachments}, errors, warnings) over every item of a kind with attachments."""
    described, errors = {}, []
    for entry in entries:
        if entry.kind.attachments:
            described[entry.path], found = describe(entry, content_root)
            errors += found
    return described, errors, unlisted_files(entries, content_root)


def unlisted_files(entries: list[Entry], content_root: Path) -> list[Problem]:
    """A warning for each file in an attachments folder that no item lists."""
    kinds = {entry.kind for entry in entries if entry.kind.attachments}
    listed = {folder_of(entry, content_root) / attachment.file
              for entry in entries if entry.kind in kinds for attachment in entry.header.attachments}
    warnings = []
    for kind in sorted(kinds, key=lambda kind: kind.name):
        for path in sorted((content_root / kind.folder).rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(content_root).parts)
            if path.is_file() and path.suffix not in CONTENT_SUFFIXES and path not in listed and not hidden:
                warnings.append(Problem(display_path(path), None, "header", "unlisted-attachment",
                                        "no item lists this file under `attachments:`, so it is not published",
                                        f"list it in the header of the item whose slug is "
                                        f"`{path.parent.name}`, or delete it"))
    return warnings


def copy_attachments(items, output: Path) -> int:
    """Copy every item's attachments beside its page (once per file); the number copied."""
    copied = set()
    for item in items:
        for attachment in item.fields.get("attachments", ()):
            if isinstance(attachment, Attachment) and attachment.path not in copied:
                target = output / attachment.path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(attachment.source, target)
                copied.add(attachment.path)
    return len(copied)
