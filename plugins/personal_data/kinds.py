"""The kinds of personal data the guard finds: one rule name each, what a message calls it,
and how to fix a hit. Declared here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

STAGE = "personal-data"
ALLOWLIST_FILE = ".ci/personal-data-allowlist.toml"
DOCS = "docs/personal-data.md"


class Kind(StrEnum):
    """A kind of personal data; its value is the rule name in every Problem."""

    NATIONAL_ID = "national-id"
    RESIDENT_ID = "resident-id"
    MOBILE = "mobile"
    EMAIL = "email"
    NAME_ADDRESS = "name-address"


@dataclass(frozen=True)
class KindInfo:
    label: str  # what a message calls a hit: "a national ID number"
    fictitious: str  # what to write instead, in a fix


KINDS = MappingProxyType({
    Kind.NATIONAL_ID: KindInfo(
        "a Taiwan national ID number (國民身分證統一編號)",
        "the sample number A123456789, which is on the allow-list"),
    Kind.RESIDENT_ID: KindInfo(
        "a resident certificate / UI number (統一證號)",
        "a made-up number whose check digit is wrong, e.g. A800000010"),
    Kind.MOBILE: KindInfo(
        "a personal mobile phone number",
        "the office's landline number, or 0912-XXX-XXX"),
    Kind.EMAIL: KindInfo(
        "an e-mail address outside the office's own domain",
        "the office's own address, or name@example.com: a domain reserved for examples"),
    Kind.NAME_ADDRESS: KindInfo(
        "a person's name with a home address (門牌), personal data under 個人資料保護法",
        "the name masked, 王○明, or the address without its door number, 沙田路四段"),
})


def fix_for(kind: Kind) -> str:
    """The one fix text for a hit of `kind`."""
    return (f"remove it, or replace it with a fictitious value ({KINDS[kind].fictitious}); if this exact "
            f"value must be published, add it to {ALLOWLIST_FILE} with a reason (see {DOCS})")
