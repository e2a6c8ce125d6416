"""The allow-list, `.ci/personal-data-allowlist.toml`: the office's own e-mail domains, and
exact values that may be published, each with a reason and optionally an expiry date.

    office_domains = ["office.example.gov.tw"]   # addresses there (and in subdomains) pass

    [[allow]]
    value = "A123456789"
    reason = "why this exact value may be published"
    expires = 2027-12-31                          # optional; after it the build fails

A value is compared in its canonical form: an ID upper-cased, a mobile number by its digits
(0912-345-678 and +886 912 345 678 are one value), an e-mail address lower-cased. A malformed,
unrecognised or expired entry is a Problem naming the file, the line and the entry.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from problems import Problem, ProblemsFound
from sources.paths import display_path
from sources.validation import error_words

from .detect import Hit, find, mask
from .kinds import DOCS, STAGE, Kind

RULE = "allowlist"
DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


class AllowListError(ProblemsFound):
    """The allow-list cannot be used: missing, not TOML, or an entry malformed or expired."""


class EntrySchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str = Field(description='the exact value, in quotes: value = "A123456789"')
    reason: str = Field(min_length=1, pattern=r"\S",
                        description='a sentence saying why this value may be published: reason = "…"')
    expires: datetime.date | None = Field(
        default=None, description="a date without quotes, like expires = 2027-12-31 (optional)")


class FileSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    office_domains: list[str] = Field(
        default=[], description='a list of domain names in quotes: office_domains = ["example.gov.tw"]')
    allow: list[EntrySchema] = Field(default=[], description="entries written as [[allow]] tables")


@dataclass(frozen=True)
class Allowance:
    """One value that may be published."""

    kind: Kind
    masked: str
    reason: str
    expires: datetime.date | None
    key: str  # the canonical value; never shown


@dataclass(frozen=True)
class AllowList:
    """What passes although it looks personal. `AllowList()` allows nothing."""

    office_domains: tuple[str, ...] = ()
    allowances: tuple[Allowance, ...] = ()

    def allows(self, hit: Hit) -> bool:
        return any(a.kind is hit.kind and a.key == hit.key for a in self.allowances)


def load_allowlist(path: Path, today: datetime.date) -> AllowList:
    """Read and check the allow-list; raises AllowListError listing every problem in it."""
    shown = display_path(path)
    text = _read(path, shown)
    lines = _toml_lines(text)
    data = _parse(text, shown)
    try:
        schema = FileSchema.model_validate(data)
    except ValidationError as error:
        raise AllowListError([_schema_problem(e, shown, lines, data) for e in error.errors()]) from None
    problems = [*_domain_problems(schema.office_domains, shown, lines)]
    allowances = []
    for number, entry in enumerate(schema.allow):
        allowance, problem = _allowance(entry, number, shown, lines, today)
        problems += [problem] if problem else []
        allowances += [allowance] if allowance else []
    if problems:
        raise AllowListError(problems)
    return AllowList(tuple(d.lower() for d in schema.office_domains), tuple(allowances))


def _read(path: Path, shown: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AllowListError([Problem(shown, None, STAGE, RULE, "the allow-list file is missing",
                                      f"create it (an empty file allows nothing); see {DOCS}")]) from None
    except UnicodeDecodeError:
        raise AllowListError([Problem(shown, None, STAGE, RULE, "the allow-list is not UTF-8 text",
                                      "save the file as UTF-8")]) from None


def _parse(text: str, shown: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"at line (\d+)", str(error))
        raise AllowListError([Problem(shown, int(at[1]) if at else None, STAGE, RULE,
                                      f"the file is not valid TOML: {error}",
                                      f"correct the syntax; the comments at the top of the file and {DOCS} "
                                      "show the shape")]) from None


def _allowance(entry: EntrySchema, number: int, path: str, lines: dict,
               today: datetime.date) -> tuple[Allowance | None, Problem | None]:
    """(the allowance, None) or (None, the problem with this entry)."""
    line = _line(lines, ("allow", number, "value"))
    hits = find(entry.value)
    if len(hits) != 1 or hits[0].length != len(entry.value.strip()):
        return None, Problem(path, line, STAGE, RULE,
                             f"entry {number + 1} ({_masked(entry.value)}) is not one ID number, resident "
                             "number, mobile number, e-mail address or name with its home address (or its "
                             "check digit is wrong), so it would never be flagged",
                             "write exactly one value, as it appears in the text; or delete the entry")
    hit = hits[0]
    if entry.expires is not None and entry.expires < today:
        return None, Problem(path, _line(lines, ("allow", number, "expires")), STAGE, RULE,
                             f"entry {number + 1} ({hit.masked}) expired on {entry.expires.isoformat()}",
                             "remove the value from the content and delete the entry, or renew it with a "
                             "new reason and date")
    return Allowance(hit.kind, hit.masked, entry.reason.strip(), entry.expires, hit.key), None


def _domain_problems(domains: list[str], path: str, lines: dict) -> list[Problem]:
    return [Problem(path, _line(lines, ("office_domains",)), STAGE, RULE,
                    f"office_domains: {domain!r} is not a domain name",
                    'write domain names only, lower case, without "@": office_domains = ["example.gov.tw"]')
            for domain in domains if not DOMAIN.fullmatch(domain.lower())]


def _schema_problem(error: dict, path: str, lines: dict, data: dict) -> Problem:
    """A pydantic error as a Problem; the value itself is never repeated in it (it may be personal)."""
    location = tuple(error["loc"])
    where = _entry_name(location, data)
    key = location[-1] if location and isinstance(location[-1], str) else where
    schema = EntrySchema if len(location) > 1 and location[0] == "allow" else FileSchema
    info = schema.model_fields.get(str(key))
    hint = info.description if info else "see the comments at the top of the file"
    if error["type"] == "missing":
        return Problem(path, _line(lines, location), STAGE, RULE, f"{where}: `{key}` is missing", f"add {hint}")
    if error["type"] == "extra_forbidden":
        accepted = ", ".join(schema.model_fields)
        return Problem(path, _line(lines, location), STAGE, RULE, f"{where}: unknown key `{key}`",
                       f"remove it or correct its spelling; the keys accepted here are: {accepted}")
    return Problem(path, _line(lines, location), STAGE, RULE, f"{where}: `{key}`: {error_words(error)}",
                   f"write {hint}")


def _entry_name(location: tuple, data: dict) -> str:
    """`entry 2 (A12****789)` for ('allow', 1, …), else the top-level key."""
    if len(location) >= 2 and location[0] == "allow" and isinstance(location[1], int):
        entry = data["allow"][location[1]]
        value = entry.get("value") if isinstance(entry, dict) else None
        shown = f" ({_masked(value)})" if isinstance(value, str) else ""
        return f"entry {location[1] + 1}{shown}"
    return str(location[0]) if location else "the file"


def _masked(value: str) -> str:
    """A value from the file, masked; a short one is hidden whole."""
    value = value.strip()
    return mask(value) if len(value) >= 8 else "****"


_TABLE = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_-]+)\s*\]")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")


def _toml_lines(text: str) -> dict[tuple, int]:
    """{('allow', n): line of the n-th [[allow]], ('allow', n, key): line of its key, (key,): line}."""
    lines: dict[tuple, int] = {}
    entry: int | None = None
    count = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if table := _TABLE.match(raw):
            lines.setdefault((table[2],), number)
            entry = None
            if table[1] == "[[" and table[2] == "allow":
                entry, count = count, count + 1
                lines[("allow", entry)] = number
        elif key := _KEY.match(raw):
            lines.setdefault(("allow", entry, key[1]) if entry is not None else (key[1],), number)
    return lines


def _line(lines: dict[tuple, int], location: tuple) -> int | None:
    """The line of a location, else of its closest parent that has one."""
    while location:
        if location in lines:
            return lines[location]
        location = location[:-1]
    return None
