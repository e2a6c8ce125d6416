"""The office's own details (name, address, phone, fax, e-mail, hours, directions) and every
channel through which citizens reach it (the director's mailbox, the city's opinion mailbox, the
1999 hotline, online appointments, surveys, the promised reply time) from ONE TOML file, offered
to templates as `office`. Unverified values are listed on every build.

Setting: OFFICE_DATA_FILE (path to the TOML file). Each top-level table is a field with one
value per site language, and optionally `unverified = "why"` and `url = "https://…"`.
An e-mail field's value is the address itself (the same in every language); a web channel's
value is its name and its `url` the address. A value the office has confirmed must be usable:
a confirmed e-mail a valid address, a confirmed web channel an https `url`; a malformed address
or a URL that is not https is a mistake even while unverified (docs/authoring.en.md §7).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pelican import signals

from problems import Problem, ProblemsFound
from site_context import OFFICE
from sources.messages import N_
from sources.paths import display_path


@dataclass(frozen=True)
class Channel:
    """One way to reach the office: the field of office.toml that holds it, what it is called
    (a gettext msgid), how it is used, and whether it needs a voice (a deaf user cannot use it)."""

    field: str
    label: str
    medium: str  # email, fax, post, web, phone
    needs_voice: bool


# Every channel, those that need no voice FIRST (the opinions page and the accessibility
# statement list them in this order; tests/unit/test_office_data.py keeps it so).
CHANNELS = (
    Channel("email", N_("E-mail to the office"), "email", False),
    Channel("director_email", N_("The director's mailbox (e-mail)"), "email", False),
    Channel("fax", N_("Fax"), "fax", False),
    Channel("address", N_("Letter by post"), "post", False),
    Channel("city_mailbox", N_("The city government's online opinion mailbox"), "web", False),
    Channel("phone", N_("Telephone"), "phone", True),
    Channel("citizen_hotline", N_("The city's 1999 citizen hotline"), "phone", True),
)
EMAIL_FIELDS = frozenset(channel.field for channel in CHANNELS if channel.medium == "email")
# Fields whose address is their `url` (a confirmed one must have it): web channels and services.
URL_FIELDS = frozenset({*(channel.field for channel in CHANNELS if channel.medium == "web"), "appointments"})

# What each field is called where the site names it (the staging banner, the review page, the
# statement's list of unconfirmed details): gettext msgids.
FIELD_LABELS = {
    "name": N_("Name of the office"), "city": N_("City"), "former_name": N_("Former name"),
    "address": N_("Address"), "phone": N_("Telephone"), "fax": N_("Fax"), "email": N_("E-mail"),
    "hours": N_("Opening hours"), "directions": N_("Directions"),
    "director_email": N_("The director's mailbox (e-mail)"),
    "city_mailbox": N_("The city government's online opinion mailbox"),
    "citizen_hotline": N_("The city's 1999 citizen hotline"), "appointments": N_("Online appointments"),
    "surveys": N_("Opinion surveys"), "reply_time": N_("The time within which the office replies"),
}

REQUIRED_FIELDS = ("name", "city", "address", "phone", "fax", "email", "hours", "directions",
                   "director_email", "city_mailbox", "citizen_hotline", "appointments", "surveys", "reply_time")
OPTIONAL_KEYS = ("unverified", "url")

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


def key_line(text: str, table: str, key: str) -> int | None:
    """The line of `key = …` inside the table `[table]` (else the table's own line)."""
    start = table_line(text, table)
    if start is None:
        return None
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, line in enumerate(text.splitlines()[start:], start + 1):
        if line.lstrip().startswith("["):
            break
        if pattern.match(line):
            return number
    return start


def is_email(value: str) -> bool:
    """A syntactically valid e-mail address (no DNS look-up: builds run offline)."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def is_https_url(value: str) -> bool:
    """An absolute https:// address with a host name and nothing a browser would have to guess."""
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and not re.search(r"\s", value)


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

    def with_unverified(self, fields: list[str], reason: str) -> OfficeData:
        """A copy with these fields marked not confirmed (a component example shows both cases)."""
        changed = {name: {**value, **({"unverified": reason} if name in fields else {})}
                   for name, value in self._fields.items()}
        return OfficeData(changed, self.source, dict(self.lines))

    def email(self, field: str = "email") -> str | None:
        """A confirmed e-mail address to write to, or None while it is not confirmed."""
        return self._fields[field][next(iter(self._languages(field)))] if self.is_verified(field) else None

    def url(self, field: str) -> str | None:
        """A confirmed channel's https address, or None (not confirmed, or it has none)."""
        return (self._fields[field].get("url") or None) if self.is_verified(field) else None

    @staticmethod
    def label(field: str) -> str:
        """What a field is called (a gettext msgid; the field's own name if it has none)."""
        return FIELD_LABELS.get(field, field)

    def channels(self) -> tuple[Channel, ...]:
        """Every channel to the office, those that need no voice first (CHANNELS)."""
        return CHANNELS

    def _languages(self, field: str) -> list[str]:
        return [key for key in self._fields[field] if key not in OPTIONAL_KEYS]


def channel_problems(fields: dict, text: str, shown: str) -> list[Problem]:
    """A malformed e-mail address, a URL that is not https, a confirmed web channel without its
    address, an unknown key (a misspelt `unverified` would silently confirm a value): one line
    each, at the line of the key."""
    problems = []
    for name, value in fields.items():
        if not isinstance(value, dict):
            continue
        verified = "unverified" not in value
        if name in EMAIL_FIELDS:
            values = {key: str(value[key]).strip() for key in value if key not in OPTIONAL_KEYS}
            if verified and len(set(values.values())) > 1:
                problems.append(Problem(shown, table_line(text, name), STAGE, "email",
                                        f"[{name}] gives different addresses per language: "
                                        f"{sorted(set(values.values()))}",
                                        "write the same address for every language"))
            else:  # one line per distinct value: the same bad address in both languages is one mistake
                seen = set()
                for key, address in values.items():
                    if address in seen or not (verified or "@" in address) or is_email(address):
                        continue
                    seen.add(address)
                    problems.append(Problem(shown, key_line(text, name, key), STAGE, "email",
                                            f"[{name}] {key} = {address!r} is not a valid e-mail address",
                                            "write the address as name@host (e.g. office@example.gov.tw), or "
                                            "keep its `unverified` line and a text such as （待確認） until confirmed"))
        url = str(value.get("url", "")).strip()
        if url and not is_https_url(url):
            problems.append(Problem(shown, key_line(text, name, "url"), STAGE, "url",
                                    f"[{name}] url = {url!r} is not an https:// address",
                                    "write the full https:// address the office confirmed (never http://)"))
        elif not url and verified and name in URL_FIELDS:
            problems.append(Problem(shown, table_line(text, name), STAGE, "url",
                                    f"[{name}] is confirmed but has no `url`",
                                    'add `url = "https://…"`, or keep its `unverified` line until the address '
                                    "is confirmed"))
    return problems


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
    problems += [Problem(shown, key_line(text, name, key), STAGE, "unknown-key", f"[{name}] has an unknown key `{key}`",
                         f"use only {', '.join(f'`{k}`' for k in (*languages, *OPTIONAL_KEYS))} (a misspelt "
                         "`unverified` would mark an unconfirmed value as confirmed)")
                 for name, value in fields.items() if isinstance(value, dict)
                 for key in value if key not in (*languages, *OPTIONAL_KEYS)]
    problems += channel_problems(fields, text, shown)
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
