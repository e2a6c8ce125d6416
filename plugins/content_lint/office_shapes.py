"""What the office's own details look like in a text (the values of content/office.toml): its
phone and fax numbers in any spelling (sources.phones), its street address (sources.addresses),
its e-mail address, its opening hours (a range of weekdays next to one of its own time ranges),
and the values copied whole. Made once per build (`OfficeDetails.from_values`); `found_in`
finds them in one piece of text. The lint that reports them is office_details."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from sources.addresses import address_key, find_addresses
from sources.phones import ASCII, canonical, find_phones

# The fields of office.toml a page must not repeat, and what a message calls each.
FIELDS = {"phone": "phone number", "fax": "fax number", "address": "address", "email": "e-mail address",
          "hours": "opening hours", "directions": "directions"}
COPIED_WHOLE = ("address", "hours", "directions")  # compared as written, whole (at least MIN_COPY characters)
MIN_COPY = 8
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
WEEKDAY = r"(?:(?:星期|週|周|禮拜)[一二三四五六日天]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)"
WEEKDAY_RANGE = re.compile(rf"{WEEKDAY}\s*(?:至|到|~|～|-|–|—|to|through|thru)\s*{WEEKDAY}", re.I)
HALF_DAY = r"(?:上午|早上|中午|下午|晚上|a\.?m\.?|p\.?m\.?)"
TIME = rf"(?:{HALF_DAY}\s*)?\d{{1,2}}(?:[:：.]\d{{2}}|\s*[時點](?:\s*\d{{1,2}}\s*分|半)?)?(?:\s*{HALF_DAY})?"
TIME_RANGE = re.compile(rf"(?P<start>{TIME})\s*(?:至|到|~|～|-|–|—|to|until)\s*(?P<end>{TIME})", re.I)
NEAR = 40  # characters between a range of weekdays and its times, in either direction


def minutes(time: str) -> int | None:
    """A time as written (8:00, 下午5時, 5 p.m., 17點半) in minutes after midnight, or None."""
    found = re.search(r"(\d{1,2})(?:\s*[:：.]\s*(\d{2})|\s*[時點]\s*(?:(\d{1,2})\s*分|(半))?)?", time)
    if not found:
        return None
    hour, minute = int(found[1]), int(found[2] or found[3] or (30 if found[4] else 0))
    if re.search(r"下午|晚上|p\.?m", time, re.I) and hour < 12:
        hour += 12
    return hour * 60 + minute if hour <= 24 and minute < 60 else None


def time_ranges(text: str) -> list[tuple[re.Match, tuple[int, int]]]:
    """Each time range of a text with its (start, end) in minutes."""
    found = []
    for match in TIME_RANGE.finditer(text):
        start, end = minutes(match["start"]), minutes(match["end"])
        if start is not None and end is not None and start < end:
            found.append((match, (start, end)))
    return found


def normal(text: str) -> str:
    """Text compared for a copy: ASCII look-alikes as ASCII, whitespace as one space."""
    return " ".join(text.translate(ASCII).split())


@dataclass(frozen=True)
class OfficeDetails:
    """What the office details look like, made once per build from content/office.toml."""

    phones: Mapping[str, str] = field(default_factory=dict)  # {canonical digits: field}
    addresses: frozenset[str] = frozenset()  # address keys (sources.addresses)
    emails: frozenset[str] = frozenset()  # lower-case
    copies: tuple[tuple[str, str], ...] = ()  # (field, the value as compared)
    times: frozenset[tuple[int, int]] = frozenset()  # the opening hours' time ranges, in minutes

    @classmethod
    def from_values(cls, values: Mapping[str, list[str]]) -> OfficeDetails:
        """From {field: [its value in each language]} of office.toml."""
        phones = {digits: name for name in ("phone", "fax") for value in values.get(name, ())
                  if (digits := canonical(value))}
        addresses = {key for value in values.get("address", ()) if (key := address_key(value))}
        emails = {value.strip().lower() for value in values.get("email", ()) if EMAIL.fullmatch(value.strip())}
        copies = tuple((name, normal(value)) for name in COPIED_WHOLE for value in values.get(name, ())
                       if len(normal(value)) >= MIN_COPY)
        times = {span for value in values.get("hours", ()) for _, span in time_ranges(normal(value))}
        return cls(phones, frozenset(addresses), frozenset(emails), copies, frozenset(times))

    def __bool__(self) -> bool:
        return bool(self.phones or self.addresses or self.emails or self.copies or self.times)


def found_in(text: str, office: OfficeDetails) -> list[tuple[str, str]]:
    """(field, the text as written) of every office detail typed in a piece of text."""
    found = [(office.phones[phone.digits], phone.text) for phone in find_phones(text) if phone.digits in office.phones]
    found += [("address", address.text) for address in find_addresses(text) if address.key in office.addresses]
    found += [("email", match.group(0)) for match in EMAIL.finditer(text) if match.group(0).lower() in office.emails]
    compared, named = normal(text), {name for name, _ in found}
    found += [(name, value) for name, value in office.copies if value in compared and name not in named]
    if office.times and not any(name == "hours" for name, _ in found):
        found += opening_hours(text, office)
    return found


def opening_hours(text: str, office: OfficeDetails) -> list[tuple[str, str]]:
    """A range of weekdays next to one of the office's own time ranges, as written."""
    found = []
    for days in WEEKDAY_RANGE.finditer(text):
        near = text[max(0, days.start() - NEAR): days.end() + NEAR]
        for _, span in time_ranges(near):
            if span in office.times:
                found.append(("hours", days.group(0)))
                break
    return found
