"""A private person's name next to a home street address (門牌): 個人資料保護法 treats the two
together as personal data, so the guard finds them together.

A name is only taken for one where the text says it is a person's: after a word that introduces
a person (申請人：, 姓名：, 當事人, 住戶, Applicant:, Mr. …), before an honorific (君, 先生, 女士,
小姐), or right before 住 / 住址 (陳小明，住…). A Chinese name is a common surname and one or
two more characters; an English one is `Mr./Ms. Wang`, `WANG Ta-ming` or `Chen Mei-ling` after a
label. The address is a 門牌 with its door number (sources.addresses) at most NEAR characters
before or after the name. So a street without a person (the office's address, a venue), a
person without an address, and a masked name (王○明, 王*明) stay quiet.

In a table file (.csv, .tsv) a column's heading says what its cells are: a row whose cell under
a name heading (姓名, Name …) is a name and whose cell under an address heading (住址, 地址,
Address …) is a 門牌 is found too (`table_names_at_addresses`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sources.addresses import Address, find_addresses

NEAR = 40  # characters between a name and its address, either way
# The most common surnames in Taiwan (內政部 statistics: these cover well over 90 % of people),
# and the compound ones.
SURNAMES = ("陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯"
            "翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董温溫唐藍石蔣古紀姚連馮歐程湯黃田康姜白汪鄒尤巫鐘涂龔嚴韓"
            "袁金童陸夏柳邵錢伍倪溫于譚駱熊任甘秦顧毛章史官萬俞雷粘饒張")
COMPOUND = ("歐陽", "司馬", "諸葛", "上官", "張簡", "范姜", "周黃", "張廖", "陳黃", "簡林")
# Characters a given name never holds here: words around a name, honorifics, the marks that mask one.
NOT_GIVEN = set("的於住在君姐是為和與及或等之今已並請向由到從○〇Ｏ＊*×某員")
_SURNAME = "(?:" + "|".join(COMPOUND) + f"|[{''.join(sorted(set(SURNAMES)))}])"
_GIVEN = f"[^\\W\\d_A-Za-z{''.join(sorted(NOT_GIVEN))}]{{1,2}}"
ZH_NAME = f"(?P<name>{_SURNAME}{_GIVEN})"
PERSON_WORDS = ("姓名", "申請人", "當事人", "戶長", "住戶", "民眾", "受處分人", "繼承人", "被繼承人", "委託人",
                "受託人", "代理人", "立書人", "受送達人", "義務人", "關係人", "出生者", "死亡者", "收件人")
HONORIFICS = ("老先生", "老太太", "先生", "女士", "小姐", "太太", "君")
ZH_PATTERNS = (
    re.compile(f"(?:{'|'.join(PERSON_WORDS)})\\s*[:：]?\\s*{ZH_NAME}(?![\u4e00-\u9fff])"),
    re.compile(f"{ZH_NAME}(?:{'|'.join(HONORIFICS)})"),
    re.compile(f"{ZH_NAME}\\s*[，,、]?\\s*(?=(?:現住|居住|住址|住所|設籍|住)[:：於在]?)"),
)
_EN_FULL = r"[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?|[A-Z]{2,},? [A-Z][a-z]+(?:-[a-z]+)?"  # Chen Mei-ling, WANG Ta-ming
EN_PATTERNS = (
    re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx)\.? (?P<name>{_EN_FULL}|[A-Z][a-z]+)"),
    re.compile(rf"\b(?:Name|Applicant|Resident|Addressee)\s*:\s*(?P<name>{_EN_FULL})\b"),
    re.compile(r"\b(?P<name>[A-Z]{2,} [A-Z][a-z]+-[a-z]+)\b"),  # WANG Ta-ming, as in a passport
)


@dataclass(frozen=True)
class NameAtAddress:
    """A person's name with a home address: where the two are written, from the first to the last."""

    name: str
    address: Address
    start: int
    end: int

    @property
    def key(self) -> str:
        """What the allow-list compares: the name and the address's key."""
        return f"{self.name}|{self.address.key}"

    @property
    def masked(self) -> str:
        """The surname and the address with its numbers hidden: 王** at 臺中市龍井區沙田路四段*號."""
        return f"{self.name[:1]}** at {re.sub(r'[0-9０-９]+', '*', self.address.text)}"


def names(text: str) -> Iterator[re.Match]:
    for pattern in (*ZH_PATTERNS, *EN_PATTERNS):
        yield from pattern.finditer(text)


def names_at_addresses(text: str) -> list[NameAtAddress]:
    """Each person's name with a home address within NEAR characters, in order (a name once)."""
    addresses = find_addresses(text)
    if not addresses:
        return []
    found: dict[int, NameAtAddress] = {}
    for match in names(text):
        start, end = match.start("name"), match.end("name")
        near = [address for address in addresses
                if 0 <= address.start - end <= NEAR or 0 <= start - address.end <= NEAR]
        if near and start not in found:
            address = min(near, key=lambda a: min(abs(a.start - end), abs(start - a.end)))
            found[start] = NameAtAddress(match["name"], address, min(start, address.start), max(end, address.end))
    return sorted(found.values(), key=lambda hit: hit.start)


NAME_HEADINGS = ("姓名", "名字", "申請人", "當事人", "name")
ADDRESS_HEADINGS = ("住址", "地址", "住所", "戶籍地", "address")
WHOLE_ZH_NAME = re.compile(f"{_SURNAME}{_GIVEN}")
WHOLE_EN_NAME = re.compile(_EN_FULL)


def _column(headings: list[str], words: tuple[str, ...]) -> int | None:
    return next((n for n, heading in enumerate(headings) if any(w in heading.strip().lower() for w in words)), None)


def table_names_at_addresses(text: str, delimiter: str) -> list[tuple[int, int, NameAtAddress]]:
    """(line, column, hit) of each row of a table file whose name cell is a person's name and
    whose address cell is a home address (the first row holds the headings)."""
    lines = text.splitlines()
    reader = csv.reader(lines, delimiter=delimiter)
    headings = next(reader, [])
    name_column, address_column = _column(headings, NAME_HEADINGS), _column(headings, ADDRESS_HEADINGS)
    if name_column is None or address_column is None:
        return []
    found = []
    for row in reader:
        if len(row) <= max(name_column, address_column):
            continue
        name, place = row[name_column].strip(), row[address_column]
        addresses = find_addresses(place)
        if not addresses or not (WHOLE_ZH_NAME.fullmatch(name) or WHOLE_EN_NAME.fullmatch(name)):
            continue
        line = reader.line_num
        column = lines[line - 1].find(name) + 1
        found.append((line, column, NameAtAddress(name, addresses[0], 0, len(lines[line - 1]))))
    return found
