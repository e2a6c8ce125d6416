"""Taiwan street addresses (門牌) as people write them, and one key to compare them by.

A Chinese address is written from the largest unit down: city or county, district or township,
village (里/村) and neighbourhood (鄰), road or street with its section, lane and alley, then the
door number (號) and floor. What makes it a 門牌 is the door number after a road, a street or a
village: 沙田路四段100號, 中山路一段12巷3弄5號之1, 新東里3鄰12號. The city and district are
optional and do not change the key:

    臺中市龍井區沙田路四段100號 = 台中市龍井區沙田路4段100號 = 龍井區沙田路四段１００號   (key 沙田路4段100號)

An English address is written the other way round: `No. 100, Sec. 4, Shatian Rd., Longjing
Dist., Taichung City` (or `100 Shatian Road`); its key is made of the door number and the road,
lower-case, abbreviations spelled one way: `no100 sec4 shatian rd`.

A road, street or village without a door number is no address: 沙田路四段, Shatian Road.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phones import ASCII

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
NUMERAL = r"(?:\d+|[一二三四五六七八九十百零〇]+)"
_ARABIC = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# The end of a 門牌, found first: a road, street or village word, then section, neighbourhood,
# lane, alley, the door number, its 之 and the floor. Its name is read backwards from there.
DOOR = rf"(?:{NUMERAL}巷)?(?:{NUMERAL}弄)?(?:{NUMERAL}衖)?\d+(?:之\d+)?號(?:之\d+)?(?:\d+樓(?:之\d+)?)?(?:\d+室)?"
CORE = re.compile(rf"(?:路|街|大道)(?:{NUMERAL}段)?{DOOR}|[村里](?:{NUMERAL}鄰)?{DOOR}")
# Characters a road's or village's name never holds: the words around an address (住, 於, 之 …)
# and the units above it (市, 區 …), where the name starts after them.
NOT_IN_NAME = frozenset("住址居於在至之的及和與或到向由從是為市縣區鄉鎮村里鄰號")
NAME_LENGTH = 4  # the longest road or village name read (文心南五路, 臺灣大道: the words before 路/大道)
# The city, district and village written right before the road (part of the address, not of its key).
_UNIT = f"(?:(?![{''.join(sorted(NOT_IN_NAME))}])[{HAN}])"
ADMIN_TAIL = re.compile(rf"(?:{_UNIT}{{1,3}}[市縣])?(?:{_UNIT}{{1,3}}[區鄉鎮市])?"
                        rf"(?:{_UNIT}{{1,3}}[村里](?:{NUMERAL}鄰)?)?$")

ROAD_WORDS = {"road": "rd", "rd": "rd", "street": "st", "st": "st", "boulevard": "blvd", "blvd": "blvd",
              "avenue": "ave", "ave": "ave", "lane": "ln", "ln": "ln", "alley": "aly", "aly": "aly",
              "section": "sec", "sec": "sec"}
_ROAD = r"(?:Road|Rd|Street|St|Boulevard|Blvd|Avenue|Ave)\b\.?"
_NAME = r"[A-Z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*){0,3}"
# No. 100, Sec. 4, Shatian Rd. | No. 5, Ln. 12, Zhongshan Rd. | 100 Shatian Road
EN_ADDRESS = re.compile(
    rf"\bNo\.?\s*\d+(?:-\d+)?(?:,?\s*(?:\d+(?:st|nd|rd|th)?\s*F(?:l(?:oor)?)?\.?|(?:Lane|Ln\.?|Alley|Aly\.?)\s*\d+"
    rf"|(?:Section|Sec\.?)\s*\d+))*,?\s+(?:(?:Section|Sec\.?)\s*\d+,?\s+)?{_NAME}\s+{_ROAD}"
    rf"|\b\d+\s+{_NAME}\s+{_ROAD}")


@dataclass(frozen=True)
class Address:
    """A street address found in a text: its key and where it is written."""

    key: str
    start: int
    end: int
    text: str  # as written


def arabic(numeral: str) -> str:
    """A number in Chinese numerals as digits (四 → 4, 十二 → 12, 一百零五 → 105); digits as they are."""
    if numeral.isdigit():
        return str(int(numeral))
    total, current = 0, 0
    for char in numeral:
        if char in _ARABIC:
            current = current * 10 + _ARABIC[char] if current and char not in "零〇" else _ARABIC[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
    return str(total + current)


def numbers_in_digits(text: str) -> str:
    """Every number before 段, 巷, 弄, 鄰, 號, 樓 … in digits (四段 → 4段)."""
    return re.sub(NUMERAL + r"(?=[段巷弄衖鄰號樓室])", lambda match: arabic(match.group(0)), text)


def zh_key(text: str) -> str:
    """The key of the 門牌 part of a Chinese address: no spaces, 台 as 臺, numbers in digits."""
    return numbers_in_digits(re.sub(r"\s+", "", text).replace("台", "臺"))


def name_start(text: str, end: int) -> int:
    """Where the name of a road or village that ends at `end` starts (at most NAME_LENGTH
    characters back, stopping at anything a name never holds); `end` if there is no name."""
    start = end
    while start > 0 and end - start < NAME_LENGTH:
        char = text[start - 1]
        if not (re.match(f"[{HAN}0-9]", char) and char not in NOT_IN_NAME):
            break
        start -= 1
    return start


def zh_addresses(normal: str, text: str) -> list[Address]:
    """The Chinese addresses of a text (`normal`: the text with ASCII look-alikes translated)."""
    found = []
    for match in CORE.finditer(normal):
        start = name_start(normal, match.start())
        if start == match.start():
            continue
        admin = ADMIN_TAIL.search(normal, max(0, start - 12), start)
        first = admin.start() if admin else start
        found.append(Address(zh_key(normal[start:match.end()]), first, match.end(), text[first:match.end()]))
    return found


def en_key(text: str) -> str:
    """The key of an English address: lower-case words and numbers, road words abbreviated one way."""
    words = re.findall(r"[a-z]+|\d+", text.lower())
    key = " ".join(ROAD_WORDS.get(word, word) for word in words)
    return re.sub(r"\b(no|sec|ln|aly) (\d)", r"\1\2", key)


def find_addresses(text: str) -> list[Address]:
    """Every street address (門牌) in a text, Chinese and English, in order."""
    normal = text.translate(ASCII)
    found = zh_addresses(normal, text)
    found += [Address(en_key(match.group(0)), match.start(), match.end(), text[match.start():match.end()])
              for match in EN_ADDRESS.finditer(normal)]
    return sorted(found, key=lambda address: address.start)


def address_key(value: str) -> str | None:
    """The key of a value that is one street address and nothing more (an allow-list entry, the
    office's address); None for anything else. An English address may go on with its district
    and city (`…, Longjing Dist., Taichung City`)."""
    found = find_addresses(value)
    if len(found) != 1:
        return None
    before, after = value[: found[0].start], value[found[0].end:]
    english_tail = re.fullmatch(r"[\sA-Za-z.,'-]*", after) and found[0].text.isascii()
    return found[0].key if not before.strip(" ,，") and (not after.strip(" ,，。.") or english_tail) else None
