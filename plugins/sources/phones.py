"""Taiwan telephone numbers as people write them, and one canonical form to compare them by.

A landline is an area code (02–08, 037, 049, 082, 0826, 0836, 089 …) and a local number of six to
eight digits, written in many ways; all of these are 04-2635-0000 (canonical: 0426350000):

    04-2635-0000   04-26350000   (04)2635-0000   (04) 2635 0000   04 2635 0000   04.2635.0000
    0426350000     +886-4-2635-0000   +886 4 2635 0000   +886 (0)4 2635 0000   00886-4-26350000

Full-width digits and dashes (０４－２６３５－００００) are read as ASCII. An extension after the
number (轉123, 分機123, ext. 123, #123) is part of what was written but not of the number.
Service numbers without an area code (1999, 1996, 0800-…) are never landlines here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ASCII look-alikes: full-width forms, the ideographic space, dashes and minus signs.
_LOOK_ALIKES = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_LOOK_ALIKES.update({0x3000: ord(" "), 0x2010: ord("-"), 0x2011: ord("-"), 0x2012: ord("-"),
                     0x2013: ord("-"), 0x2014: ord("-"), 0x2212: ord("-"), 0xFE63: ord("-")})
ASCII = str.maketrans(_LOOK_ALIKES)
del _LOOK_ALIKES

_SEP = r"[ .\-]?"
# +886 / 00886 and the area code without its 0 (optionally "(0)"), or the area code with its 0,
# optionally in parentheses; then the local number in one to three groups.
LANDLINE = re.compile(rf"""
    (?<![\d+])
    (?: (?:\+|00)886 {_SEP} (?:\(0\){_SEP})? \(?(?P<intl>[2-8]\d{{0,2}})\)?
      | \((?P<paren>0[2-8]\d{{0,2}})\)
      | (?P<area>0[2-8]\d{{0,2}}) )
    {_SEP} (?P<local>\d{{2,4}}(?:{_SEP}\d{{2,4}}){{1,2}})
    (?!\d) (?![.\-]\d)
""", re.VERBOSE)
EXTENSION = re.compile(r"\s*(?:轉|分機|ext\.?|#|x)\s*\d{1,5}", re.I)
# Local numbers are 6 to 8 digits; the whole national number (0 + area + local) 9 or 10.
NATIONAL_LENGTHS = (9, 10)
NOT_LANDLINES = ("09", "0800", "0809")  # mobiles; toll-free numbers


@dataclass(frozen=True)
class Phone:
    """A landline number found in a text: its canonical digits and where it is written."""

    digits: str  # 0426350000
    start: int
    end: int  # after the number (and its extension, if any)
    text: str  # as written


def canonical(value: str) -> str | None:
    """The national digits of a landline written in any of the forms above (0426350000), else None."""
    found = find_phones(value)
    return found[0].digits if len(found) == 1 and not value[: found[0].start].strip() else None


def find_phones(text: str) -> list[Phone]:
    """Every landline number in a text, in order."""
    normal = text.translate(ASCII)
    found = []
    for match in LANDLINE.finditer(normal):
        area = match["area"] or match["paren"] or "0" + match["intl"]
        digits = area + re.sub(r"\D", "", match["local"])
        if len(digits) not in NATIONAL_LENGTHS or digits.startswith(NOT_LANDLINES):
            continue
        end = match.end()
        extension = EXTENSION.match(normal, end)
        end = extension.end() if extension else end
        found.append(Phone(digits, match.start(), end, text[match.start():end]))
    return found
