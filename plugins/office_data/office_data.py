"""The office's own details (name, address, phone, fax, e-mail, hours, directions) from ONE
TOML file, offered to templates as `office`. Unverified values are listed on every build.

Setting: OFFICE_DATA_FILE (path to the TOML file). Each top-level table is a field with one
value per site language, and optionally `unverified = "why"`.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from types import MappingProxyType

from pelican import signals

from problems import Problem, ProblemsFound
from site_context import OFFICE
from sources.paths import display_path

REQUIRED_FIELDS = ("name", "city", "address", "phone", "fax", "email", "hours", "directions")


STAGE = "office-data"


class OfficeDataError(ProblemsFound):
    """The office data file is missing, unreadable or incomplete: a Problem per mistake."""


TOML_FIX = 'correct the TOML syntax: a [field] table per detail, each value in quotes (`zh-tw = "…"`)'


def toml_error_line(error: tomllib.TOMLDecodeError) -> int | None:
    """The line a TOML error names (its `lineno`, or "at line N" in its message)."""
    found = getattr(error, "lineno", None) or re.search(r"at line (\d+)", str(error))
    return found if isinstance(found, int) else int(found[1]) if found else None


def table_line(text: str, name: str) -> int | None:
    """The line of the table `[name]` in the TOML text, if it is written as a table."""
    header = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]")
    return next((number for number, line in enumerate(text.splitlines(), 1) if header.match(line)), None)


class OfficeData:
    """Read-only access to the office's details by field and language."""

    def __init__(self, fields: dict[str, dict], source: str, lines: dict[str, int | None] | None = None):
        self._fields = MappingProxyType({k: MappingProxyType(v) for k, v in fields.items()})
        self.source = source  # the file, as shown in messages
        self.lines = MappingProxyType(lines or {})  # {field: the line of its [table]}

    def text(self, field: str, lang: str) -> str:
        """The value of a field in a language; an unknown field or language is an error."""
        try:
            return self._fields[field][lang]
        except KeyError:
            raise OfficeDataError([Problem(self.source, self.lines.get(field), STAGE, "missing-value",
                                           f"no [{field}] value for {lang!r}",
                                           f"add [{field}] with `{lang} = \"…\"`")]) from None

    def is_verified(self, field: str) -> bool:
        return "unverified" not in self._fields[field]

    def unverified(self) -> dict[str, str]:
        """{field: reason} for every value the office has not confirmed."""
        return {k: v["unverified"] for k, v in self._fields.items() if "unverified" in v}


def load(path: Path, languages: list[str]) -> OfficeData:
    """Parse and check the data file; every required field needs a value in every language."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        fields = tomllib.loads(text)
    except FileNotFoundError:
        raise OfficeDataError([Problem(shown, None, STAGE, "missing-file", "the office data file is missing",
                                       "set OFFICE_DATA_FILE or create the file")]) from None
    except tomllib.TOMLDecodeError as error:
        raise OfficeDataError([Problem(shown, toml_error_line(error), STAGE, "toml",
                                       f"the file is not valid TOML: {error}", TOML_FIX)]) from None
    problems = [Problem(shown, None, STAGE, "missing-field", f"[{name}] is missing",
                        f"add a [{name}] table with a value for each language ({', '.join(languages)})")
                for name in REQUIRED_FIELDS if name not in fields]
    problems += [Problem(shown, table_line(text, name), STAGE, "missing-value", f"[{name}] has no `{lang} = \"…\"`",
                         f"add the {lang} value under [{name}]")
                 for name, value in fields.items() for lang in languages
                 if not isinstance(value, dict) or not str(value.get(lang, "")).strip()]
    if problems:
        raise OfficeDataError(problems)
    return OfficeData(fields, shown, {name: table_line(text, name) for name in fields})


def add_office_to_context(generators) -> None:
    context = generators[0].context
    office = load(Path(context["OFFICE_DATA_FILE"]), list(context["SITE_LANGUAGES"]))
    for field, reason in office.unverified().items():
        notice = Problem(office.source, office.lines.get(field), STAGE, "unverified",
                         f"[{field}] is not confirmed by the office: {reason}",
                         "put the confirmed value in and delete its `unverified` line")
        print(f"warning: {notice}", file=sys.stderr)
    context[OFFICE] = office


def register():
    signals.all_generators_finalized.connect(add_office_to_context)
