"""The office's own details (name, address, phone, fax, e-mail, hours, directions) from ONE
TOML file, offered to templates as `office`. Unverified values are listed on every build.

Setting: OFFICE_DATA_FILE (path to the TOML file). Each top-level table is a field with one
value per site language, and optionally `unverified = "why"`.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from types import MappingProxyType

from pelican import signals

from problems import Problem
from site_context import OFFICE
from sources.paths import display_path

REQUIRED_FIELDS = ("name", "city", "address", "phone", "fax", "email", "hours", "directions")


class OfficeDataError(Exception):
    """The office data file is missing, unreadable or incomplete."""


class OfficeData:
    """Read-only access to the office's details by field and language."""

    def __init__(self, fields: dict[str, dict], source: str):
        self._fields = MappingProxyType({k: MappingProxyType(v) for k, v in fields.items()})
        self.source = source

    def text(self, field: str, lang: str) -> str:
        """The value of a field in a language; an unknown field or language is an error."""
        try:
            return self._fields[field][lang]
        except KeyError:
            raise OfficeDataError(f"{self.source}: no [{field}] value for {lang!r}.") from None

    def is_verified(self, field: str) -> bool:
        return "unverified" not in self._fields[field]

    def unverified(self) -> dict[str, str]:
        """{field: reason} for every value the office has not confirmed."""
        return {k: v["unverified"] for k, v in self._fields.items() if "unverified" in v}


def load(path: Path, languages: list[str]) -> OfficeData:
    """Parse and check the data file; every required field needs a value in every language."""
    try:
        fields = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OfficeDataError(f"{path}: the office data file is missing. "
                              "Fix: set OFFICE_DATA_FILE or create the file.") from None
    except tomllib.TOMLDecodeError as error:
        raise OfficeDataError(f"{path}: {error}. Fix: correct the TOML syntax.") from None
    problems = [f"[{f}] is missing" for f in REQUIRED_FIELDS if f not in fields]
    problems += [
        f"[{name}] has no `{lang} = \"…\"`"
        for name, value in fields.items()
        for lang in languages
        if not isinstance(value, dict) or not str(value.get(lang, "")).strip()
    ]
    if problems:
        raise OfficeDataError(f"{path}: " + "; ".join(problems) + ". Fix: add the value(s).")
    return OfficeData(fields, str(path))


def add_office_to_context(generators) -> None:
    context = generators[0].context
    office = load(Path(context["OFFICE_DATA_FILE"]), list(context["SITE_LANGUAGES"]))
    for field, reason in office.unverified().items():
        notice = Problem(display_path(Path(office.source)), None, "office-data", "unverified",
                         f"[{field}] is not confirmed by the office: {reason}",
                         "put the confirmed value in and delete its `unverified` line")
        print(f"warning: {notice}", file=sys.stderr)
    context[OFFICE] = office


def register():
    signals.all_generators_finalized.connect(add_office_to_context)
