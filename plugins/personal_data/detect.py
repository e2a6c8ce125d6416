"""Find personal data in a text: identity numbers (checksum verified), mobile numbers, e-mail
addresses, a person's name with a home address (names.py). Each hit has its kind, a masked
value, its line and column; the raw value is kept only for the allow-list check and is never
part of a hit's text form.

Before matching, full-width forms (Ａ１２３…, ０９１２－…), the ideographic space and the
dash look-alikes are read as their ASCII equivalents, one character for one, so columns stay
those of the original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import MappingProxyType

from .identifiers import IdFormat, valid_format
from .kinds import Kind
from .names import names_at_addresses

# ASCII look-alikes: full-width forms U+FF01–FF5E, the ideographic space, dashes and minus signs.
_LOOK_ALIKES = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_LOOK_ALIKES.update({0x3000: ord(" "), 0x2010: ord("-"), 0x2011: ord("-"), 0x2012: ord("-"),
                     0x2013: ord("-"), 0x2014: ord("-"), 0x2212: ord("-"), 0xFE63: ord("-")})
ASCII_LOOK_ALIKES = MappingProxyType(_LOOK_ALIKES)
del _LOOK_ALIKES
# Runs of look-alikes: translating only these is 7× faster than str.translate over a whole text.
LOOK_ALIKE_RUN = re.compile("[\uff01-\uff5e\u3000\u2010-\u2014\u2212\ufe63]+")

# An identity number: ten characters not glued to other letters or digits. Case is ignored
# (a hit is upper-cased before its checksum is checked).
ID_LIKE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][1289A-Da-d]\d{8}(?![A-Za-z0-9])")

# A Taiwan mobile number: 09 + 8 digits, grouped 4-3-3 or 4-6 with optional spaces, hyphens or
# dots, the 4-digit prefix optionally in parentheses; or +886 / 00886 / 886 then 9 + 8 digits,
# optionally with the trunk zero in parentheses: +886 (0)912 345 678. Landlines (02–08 area
# codes) and service numbers do not start with 09 and are never matched. Digits glued by a hyphen
# or dot on either side belong to a longer number (ISBN 978-0912345678), not a phone; digits after
# 第 are a document number (文號) of 民國90–99年, such as 台內戶字第0970204432號.
MOBILE = re.compile(r"""
    (?<![0-9A-Za-z+]) (?<![0-9][.-]) (?<!第) (?<!第[ ])
    (?: (?:\+|00)?886[ .-]?(?:\(0\)[ .-]?)?(?P<intl>9\d\d)
      | \((?P<paren>09\d\d)\)
      | (?P<national>09\d\d) )
    [ .-]?(?P<middle>\d{3})[ .-]?(?P<last>\d{3})
    (?![0-9]) (?![.-][0-9])
""", re.VERBOSE)

EMAIL = re.compile(r"""
    (?<![A-Za-z0-9._%+-])
    [A-Za-z0-9][A-Za-z0-9._%+-]{0,63}
    @(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})
    (?![A-Za-z0-9-])
""", re.VERBOSE)

# Domains reserved for examples (RFC 2606, RFC 6761): never anyone's mailbox.
RESERVED_DOMAINS = frozenset({"example.com", "example.net", "example.org", "example", "test",
                              "invalid", "localhost"})
# "logo@2x.png" is a file name, not an address.
FILE_SUFFIXES = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf", "odt", "ods",
                           "css", "js", "html", "htm"})

ID_KINDS = MappingProxyType({IdFormat.NATIONAL: Kind.NATIONAL_ID, IdFormat.RESIDENT_NEW: Kind.RESIDENT_ID,
                             IdFormat.RESIDENT_OLD: Kind.RESIDENT_ID})


@dataclass(frozen=True)
class Hit:
    """One piece of personal data at a place. `str(hit)` shows only the masked value."""

    kind: Kind
    masked: str
    line: int  # 1-based, in the text given to find()
    column: int  # 1-based
    length: int  # characters of the text as written
    key: str = field(repr=False, compare=False)  # canonical value, for the allow-list only

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.kind} {self.masked}"


def mask(value: str) -> str:
    """The first three and the last three characters, the middle hidden: A12****789."""
    return f"{value[:3]}****{value[-3:]}"


def mask_email(address: str) -> str:
    """The first character of the mailbox and the whole domain: s****@mail.example."""
    local, _, domain = address.rpartition("@")
    return f"{local[:1]}****@{domain}"


def in_domains(domain: str, domains: Iterable[str]) -> bool:
    """Whether `domain` is one of `domains` or a subdomain of one (case ignored)."""
    domain = domain.lower()
    return any(domain == allowed or domain.endswith("." + allowed) for allowed in domains)


def find(text: str, office_domains: Iterable[str] = ()) -> list[Hit]:
    """Every piece of personal data in `text`, in reading order.

    An e-mail address is a hit unless its domain is one of `office_domains` (or a subdomain
    of one) or reserved for examples (example.com, *.test, …)."""
    normal = LOOK_ALIKE_RUN.sub(lambda run: run.group().translate(ASCII_LOOK_ALIKES), text)
    domains = (*(d.lower() for d in office_domains), *RESERVED_DOMAINS)
    found = [(match.start(), match.end(), kind, key, mask_email(key) if kind is Kind.EMAIL else mask(key))
             for match, kind, key in (*_identity_numbers(normal), *_mobiles(normal), *_emails(normal, domains))]
    found += [(hit.start, hit.end, Kind.NAME_ADDRESS, hit.key, hit.masked) for hit in names_at_addresses(normal)]
    if not found:
        return []
    starts = [0, *(newline.end() for newline in re.finditer("\n", text))]
    hits = [_hit(*one, starts) for one in found]
    return sorted(hits, key=lambda hit: (hit.line, hit.column, hit.kind))


def _identity_numbers(text: str) -> Iterator[tuple[re.Match, Kind, str]]:
    for match in ID_LIKE.finditer(text):
        number = match.group().upper()
        found = valid_format(number)
        if found is not None:
            yield match, ID_KINDS[found], number


def _mobiles(text: str) -> Iterator[tuple[re.Match, Kind, str]]:
    for match in MOBILE.finditer(text):
        prefix = match["national"] or match["paren"] or "0" + match["intl"]
        yield match, Kind.MOBILE, prefix + match["middle"] + match["last"]


def _emails(text: str, domains: tuple[str, ...]) -> Iterator[tuple[re.Match, Kind, str]]:
    for match in EMAIL.finditer(text):
        domain = match["domain"].lower()
        if domain.rsplit(".", 1)[-1] in FILE_SUFFIXES or in_domains(domain, domains):
            continue
        yield match, Kind.EMAIL, match.group().lower()


def _hit(start: int, end: int, kind: Kind, key: str, masked: str, starts: list[int]) -> Hit:
    line = bisect.bisect_right(starts, start)
    return Hit(kind, masked, line, start - starts[line - 1] + 1, end - start, key)
