"""Before anything is rendered: read every content file, check its header against its kind's
schema, then check the files against each other (pairs, duplicates, clashing output paths,
required pages, references, facts a translation must share). Every mistake is a Problem
with file and line; all of them are reported together.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel

from problems import Problem
from sources.based_on import BASED_ON
from sources.front_matter import SourceError, SourceFile, read_source
from sources.paths import display_path
from sources.validation import validate

from .dated import date_findings
from .kinds import KINDS, PAGE, ContentKind, kind_named, kind_of_path, required_pages, section_kind
from .schemas.common import Finding

CONTENT_SUFFIXES = (".md", ".markdown")
# Top-level addresses the build makes itself (not from a content file).
RESERVED_PAGES = {"review": "staff review page the build makes (docs/facts.md)"}
STAGE = "header"
# BASED_ON (sources/based_on.py): the one header key no kind's schema has, the digest of the
# national file a site's file overrides (content_model/layers.py checks it; it is not shown).


@dataclass(frozen=True)
class Entry:
    """One content file whose header passed its schema. Once its facts are in (resolution.py),
    `header` and `body` hold the values; `source` keeps the file as written."""

    source: SourceFile
    kind: ContentKind
    folder: str
    header: BaseModel
    body: str | None = None  # the Markdown body with its facts in; None: as written
    based_on: object = None  # the `based_on:` of an override, as written (layers.py); None if none

    lang = property(lambda self: self.header.lang)
    slug = property(lambda self: self.header.slug)
    path = property(lambda self: self.source.path)
    is_top_page = property(lambda self: self.kind.is_top_page(self.folder))

    @property
    def text(self) -> str:
        """The Markdown body to render."""
        return self.source.body if self.body is None else self.body

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind.name, self.folder if self.kind.folder_in_url else "", self.slug)

    def problem(self, location, rule: str, message: str, fix: str) -> Problem:
        return Problem(self.path, self.source.line_of(location), STAGE, rule, message, fix)

    def from_finding(self, finding: Finding) -> Problem:
        return self.problem(finding.location, finding.rule, finding.message, finding.fix)


def content_files(content_root: Path, keep=lambda relative: True) -> list[Path]:
    """Every Markdown file in every kind's folder, in a stable order (those `keep` keeps: it is
    given the path relative to the content folder)."""
    return [path for kind in KINDS if kind.folder for path in sorted((content_root / kind.folder).rglob("*"))
            if path.suffix in CONTENT_SUFFIXES and path.is_file()
            and keep(path.relative_to(content_root).as_posix())]


def read_entry(path: Path, content_root: Path, languages: list[str]) -> tuple[Entry | None, list[Problem]]:
    """One file, read and checked against its kind's schema."""
    try:
        source = read_source(path)
    except SourceError as error:
        return None, [error.problem]
    kind, folder = kind_of_path(path.relative_to(content_root).as_posix())
    based_on = source.header.get(BASED_ON)
    source = replace(source, header={key: value for key, value in source.header.items() if key != BASED_ON})
    header, problems = validate(kind.schema, source.header, source.path, source.line_of, STAGE,
                                context={"languages": languages})
    if header is None:
        return None, problems
    return Entry(source, kind, folder, header, based_on=based_on), []


def read_entries(content_root: Path, languages: list[str], keep=lambda relative: True
                 ) -> tuple[list[Entry], list[Problem]]:
    entries, problems = [], []
    for path in content_files(content_root, keep):
        entry, found = read_entry(path, content_root, languages)
        problems += found
        if entry is not None:
            entries.append(entry)
    return entries, problems


def pair_problems(entries: list[Entry], primary: str) -> list[Problem]:
    """The same key twice in one language; a translation without its original."""
    problems, seen = [], {}
    for entry in entries:
        first = seen.setdefault((entry.key, entry.lang), entry)
        if first is not entry:
            problems.append(entry.problem(("slug",), "duplicate-slug",
                                          f"slug `{entry.slug}` in {entry.lang} is already used by {first.path}",
                                          "give one of the two files another slug, or delete the copy"))
    for (key, lang), entry in seen.items():
        if lang != primary and (key, primary) not in seen:
            problems.append(entry.problem(("slug",), "no-original",
                                          f"there is no {primary} file with slug `{entry.slug}` in the same folder",
                                          f"write the {primary} original first, or correct the slug"))
    return problems


def output_problems(entries: list[Entry], languages: dict[str, dict]) -> list[Problem]:
    """Two files (or a file and a missing translation's placeholder) written to the same place."""
    problems, owners = [], {}
    primary = next(iter(languages))
    for entry in entries:
        targets = [entry.kind.save_as(entry.folder, entry.slug, languages[entry.lang]["prefix"])]
        if entry.lang == primary:  # where its translations (or their placeholders) go
            targets += [entry.kind.save_as(entry.folder, entry.slug, spec["prefix"])
                        for lang, spec in languages.items() if lang != primary]
        for target in targets:
            owner = owners.setdefault(target, entry)
            if owner.key != entry.key:
                problems.append(entry.problem(("slug",), "same-address",
                                              f"this file and {owner.path} would both be written to /{target}",
                                              "give one of them another slug (or move it to another folder)"))
    return problems


def page_problems(entries: list[Entry], primary: str, content_root: Path) -> list[Problem]:
    """Required pages exist (in the primary language); a section page takes its kind's template."""
    top_pages = {e.slug for e in entries if e.is_top_page and e.lang == primary}
    pages_folder = display_path(content_root / kind_named(PAGE).folder)
    problems = [Problem(pages_folder, None, STAGE, "required-page", f"the site needs a page `{slug}`",
                        f"create {pages_folder}/{slug}.{primary}.md (the templates link to it)")
                for slug in required_pages() if slug not in top_pages]
    for entry in entries:
        if entry.is_top_page and entry.slug in RESERVED_PAGES:
            problems.append(entry.problem(("slug",), "reserved-slug",
                                          f"/{entry.slug}/ is the address of the {RESERVED_PAGES[entry.slug]}",
                                          "give the page another slug"))
        listed = section_kind(entry.slug) if entry.is_top_page else None
        if listed and getattr(entry.header, "template", None):
            problems.append(entry.problem(("template",), "section-template",
                                          f"this page lists the {listed.name} items and takes their template",
                                          "delete the `template:` line"))
    return problems


def kind_problems(entries: list[Entry], primary: str, reference, form_ids, today: datetime.date
                  ) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) from each kind's own checks: references, agreement, notices."""
    errors, warnings = [], []
    originals = {entry.key: entry for entry in entries if entry.lang == primary}
    broken = set()  # entries whose keys point nowhere: their translation is compared once they are fixed
    for entry in entries:
        findings = list(entry.kind.references(entry.header, reference, form_ids)) if entry.kind.references else []
        findings += entry.kind.notices(entry.header, today) if entry.kind.notices else []
        findings += date_findings(entry.path, entry.header, today) if entry.kind.dated else []
        for finding in findings:
            (warnings if finding.warning else errors).append(entry.from_finding(finding))
        if any(not finding.warning for finding in findings):
            broken.add(entry.key)
    for entry in entries:
        original = originals.get(entry.key)
        if entry.key in broken:
            continue
        if entry.kind.agreement and original is not None and original is not entry:
            errors += [entry.problem(location, "pair-disagrees", f"`{'.'.join(map(str, location))}` differs from "
                                     f"{original.path}: {text}", "make the facts of both languages agree")
                       for location, text in entry.kind.agreement(original.header, entry.header)]
    return errors, warnings


def check_inventory(entries: list[Entry], languages: dict[str, dict], content_root: Path, reference,
                    form_ids, today: datetime.date) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) across all files."""
    primary = next(iter(languages))
    errors = pair_problems(entries, primary) + output_problems(entries, languages)
    errors += page_problems(entries, primary, content_root)
    kind_errors, warnings = kind_problems(entries, primary, reference, form_ids, today)
    return errors + kind_errors, warnings
