"""Taiwan's ten-character identity numbers and their check digit.

Three formats share one checksum (sources: 國民身分證及戶口名簿格式內容製發相片影像檔建置管理辦法
§3 for the national ID's layout; the National Immigration Agency's 2021 announcement of the
new 外來人口統一證號; the Investment Commission's FAQ for the old one; two independent
open-source validators agree on the arithmetic):

- national ID (國民身分證統一編號): letter + `1`/`2` (sex) + 7 serial digits + check digit;
- resident certificate / UI number, new format (from 2021-01-02): letter + `8`/`9` + 7 + check;
- resident certificate / UI number, old format (usable until 2030-12-31): letter + `A`–`D`
  (sex and issuing authority) + 7 serial digits + check digit.

The first letter becomes two digits by LETTER_CODES (A=10 … H=17, I=34, J=18 … N=22, O=35,
P=23 … V=29, W=32, X=30, Y=31, Z=33), weighted 1 and 9. The second character is weighted 8:
a digit as itself, an old-format letter as the units digit of its own code (A→0, B→1, C→2,
D→3). Then the next seven digits are weighted 7 … 1 and the check digit 1. The number is
valid when the sum is a multiple of 10.

Worked example, A123456789: A=10 → 1×1 + 0×9 = 1; 1×8 + 2×7 + 3×6 + 4×5 + 5×4 + 6×3 + 7×2
+ 8×1 = 120; + 9 = 130, a multiple of 10.
"""

from __future__ import annotations

import re
from enum import StrEnum
from types import MappingProxyType

LETTER_CODES = MappingProxyType({
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
    "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
    "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
})

NATIONAL_ID = re.compile(r"[A-Z][12]\d{8}")
RESIDENT_ID_NEW = re.compile(r"[A-Z][89]\d{8}")
RESIDENT_ID_OLD = re.compile(r"[A-Z][A-D]\d{8}")


class IdFormat(StrEnum):
    """Which of the three formats a number is written in."""

    NATIONAL = "national"
    RESIDENT_NEW = "resident-new"
    RESIDENT_OLD = "resident-old"


FORMATS = MappingProxyType({
    IdFormat.NATIONAL: NATIONAL_ID,
    IdFormat.RESIDENT_NEW: RESIDENT_ID_NEW,
    IdFormat.RESIDENT_OLD: RESIDENT_ID_OLD,
})


def id_format(number: str) -> IdFormat | None:
    """The format of a ten-character upper-case number, or None (checksum not looked at)."""
    return next((name for name, pattern in FORMATS.items() if pattern.fullmatch(number)), None)


def checksum(number: str) -> int:
    """The weighted sum of a ten-character number in any of the three formats."""
    tens, units = divmod(LETTER_CODES[number[0]], 10)
    second = number[1]
    second_digit = LETTER_CODES[second] % 10 if second.isalpha() else int(second)
    serial = [int(digit) for digit in number[2:9]]
    weighted = sum(digit * weight for digit, weight in zip(serial, range(7, 0, -1), strict=True))
    return tens + units * 9 + second_digit * 8 + weighted + int(number[9])


def valid_format(number: str) -> IdFormat | None:
    """The format of `number` if it is well formed and its check digit is right, else None."""
    found = id_format(number)
    if found is None or checksum(number) % 10:
        return None
    return found
