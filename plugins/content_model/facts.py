"""Facts in text: the ONE placeholder syntax, and the values typed by hand that it replaces.

A page, a header value, a glossary explanation or a form text states a declared fact with a
placeholder, rendered in the page's language:

    {{fee:transcript}}        新臺幣15元 / NT$15            (0: 免費 / free)
    {{fee:transcript:unit}}   每張新臺幣15元 / NT$15 per page
    {{days:registration}}     30日 / 30 days
    {{fine:late-registration}} 新臺幣300元以上900元以下 / NT$300 to NT$900
    {{text:photo-on-file}}    a statement declared once (facts.yaml `texts:`)
    {{list:any-office}}       a list made from the guides' `where` (alone on its line in a page's
                              body): any-office, given-office, ask-office, online

An amount of money or a number of days typed by hand is found by `typed_values`; the content
model reports it unless it is allowed there (docs/facts.md).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from template_env.amounts import Formatter

from .schemas.facts import FACTS_FILE, Facts

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}", re.S)
PARTS = re.compile(r"^\s*([a-z]+)\s*:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?::\s*([a-z]+)\s*)?$")
FORMS = {"fee": {None, "unit"}, "days": {None}, "fine": {None}, "text": {None}, "list": {None}}
# The lists a page's body can hold, made from the guides' `where` (content_model/venues.py).
LISTS = ("any-office", "given-office", "ask-office", "online")
STAGE = "facts"
DOCS = "docs/facts.md"


# Amounts of money and numbers of days as a person types them (not calendar dates: a day of a
# month, 7月1日, is preceded by 月). Used on text whose placeholders are blanked out.
AMOUNT = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"  # 1,200 or 1200
MONEY = re.compile(rf"(?:新臺幣|新台幣|NT\$)\s*({AMOUNT})(?:\s*元)?|(?<![\d,])({AMOUNT})\s*元")
DAYS = re.compile(r"(?<![月\d])(\d+)\s*(?:個)?(?:工作)?(?:日|天)(?![曆期])|(?<![\d,])(\d+)\s+(?:working\s+)?days?\b",
                  re.I)


@dataclass(frozen=True)
class Reference:
    """One placeholder found in a text."""

    start: int
    end: int
    kind: str
    key: str
    form: str | None

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.key}"


@dataclass(frozen=True)
class Issue:
    """A mistake in a text, at a character offset (the caller turns it into a file line)."""

    offset: int
    rule: str
    message: str
    fix: str


@dataclass(frozen=True)
class Typed:
    """A value typed by hand: ("money" or "days", the number, the text as typed, its offset)."""

    kind: str
    value: int
    text: str
    offset: int


def placeholders(text: str) -> tuple[list[Reference], list[Issue]]:
    """Every well-formed placeholder of a text, and an issue for each malformed one."""
    found, issues = [], []
    for match in PLACEHOLDER.finditer(text):
        parts = PARTS.match(match.group(1))
        if not parts or parts.group(1) not in FORMS or parts.group(3) not in FORMS[parts.group(1)]:
            issues.append(Issue(match.start(), "placeholder", f"`{match.group(0)}` is not a fact placeholder",
                                "write {{fee:KEY}}, {{fee:KEY:unit}}, {{days:KEY}}, {{fine:KEY}}, {{text:KEY}} "
                                f"or, alone on a line of a page, {{{{list:NAME}}}}; see {DOCS}"))
            continue
        found.append(Reference(match.start(), match.end(), *parts.groups()))
    return found, issues


def blanked(text: str) -> str:
    """The text with every placeholder replaced by spaces (offsets and lines stay the same)."""
    return PLACEHOLDER.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def number(text: str) -> int:
    return int(text.replace(",", ""))


def typed_values(text: str) -> list[Typed]:
    """Amounts of money and numbers of days typed by hand (outside placeholders)."""
    text = blanked(text)
    found = [Typed("money", number(m.group(1) or m.group(2)), m.group(0).strip(), m.start())
             for m in MONEY.finditer(text)]
    found += [Typed("days", int(m.group(1) or m.group(2)), m.group(0).strip(), m.start())
              for m in DAYS.finditer(text)]
    return sorted(found, key=lambda typed: typed.offset)


def line_at(text: str, offset: int) -> int:
    """The line (from 0) of a character offset."""
    return text.count("\n", 0, offset)


@dataclass(frozen=True)
class Resolver:
    """Replaces placeholders with their values in a language. `lists` holds, per list name and
    language, the Markdown of the lists made from the guides (empty until the guides are read)."""

    facts: Facts
    translations: dict  # {lang: gettext translations}
    lists: dict[str, dict[str, str]] = field(default_factory=dict)

    def value(self, reference: Reference, lang: str) -> str:
        """The value of one known placeholder in a language (text facts resolve their own placeholders)."""
        words = Formatter(self.translations[lang])
        if reference.kind == "fee":
            fact = self.facts.fees[reference.key]
            unit = fact.unit[lang] if fact.unit and reference.form == "unit" else None
            return words.fee(fact.amount, unit)
        if reference.kind == "days":
            fact = self.facts.days[reference.key]
            return words.days(fact.days, fact.working)
        if reference.kind == "fine":
            fact = self.facts.fines[reference.key]
            return words.fine(fact.min, fact.max)
        if reference.kind == "text":
            inner, _ = self.resolve(self.facts.texts[reference.key].text[lang], lang, nested=True)
            return inner
        return f"\n{self.lists[reference.key][lang]}\n"  # a list of its own, even without blank lines around

    def unknown(self, reference: Reference, block: bool, nested: bool) -> Issue | None:
        """The issue with a placeholder that names nothing, or is in the wrong place; else None."""
        if reference.kind == "list":
            if nested or not block:
                return Issue(reference.start, "placeholder", f"`{{{{{reference.name}}}}}` is a list",
                             "write a list placeholder alone on its own line in the text of a page "
                             "(not in a header value, a guide, a form or a declared text)")
            if reference.key not in LISTS:
                return self._unknown_key(reference, LISTS, "the lists of offices")
            if not self.lists:
                return Issue(reference.start, "placeholder", "a guide cannot hold a list of guides",
                             "link to the contact page instead")
            return None
        table = self.facts.tables()[reference.kind]
        if reference.key not in table:
            return self._unknown_key(reference, sorted(table), f"`{reference.kind}` facts in {FACTS_FILE}")
        if nested and reference.kind == "text":
            return Issue(reference.start, "placeholder", "a declared text cannot hold another declared text",
                         "write the words themselves")
        return None

    @staticmethod
    def _unknown_key(reference: Reference, known, where: str) -> Issue:
        """The issue of a key that names nothing; its fix names the close keys (or, when there
        are few, every key)."""
        known = list(known)
        close = difflib.get_close_matches(reference.key, known, n=3) or (known if len(known) <= 6 else [])
        hint = f"write {' or '.join(f'`{{{{{reference.kind}:{key}}}}}`' for key in close)}, or " if close else ""
        return Issue(reference.start, "unknown-fact", f"`{{{{{reference.name}}}}}` names no fact",
                     f"{hint}use a key of {where} (declare a new fact there first); see {DOCS}")

    def resolve(self, text: str, lang: str, block: bool = False, nested: bool = False) -> tuple[str, list[Issue]]:
        """(the text with every placeholder replaced, the issues); a placeholder with an issue
        is left as it is. `block`: a Markdown body, where a list may stand on its own line."""
        references, issues = placeholders(text)
        parts, last = [], 0
        for reference in references:
            problem = self.unknown(reference, block and self._alone(text, reference), nested)
            if problem:
                issues.append(problem)
                continue
            parts += [text[last:reference.start], self.value(reference, lang)]
            last = reference.end
        return "".join([*parts, text[last:]]), issues

    @staticmethod
    def _alone(text: str, reference: Reference) -> bool:
        start = text.rfind("\n", 0, reference.start) + 1
        end = text.find("\n", reference.end)
        line = text[start: end if end >= 0 else len(text)]
        return line.strip() == text[reference.start:reference.end]

    def stated(self, references: list[Reference]) -> set[tuple[str, int]]:
        """The ("money"/"days", value) pairs that these placeholders state (text facts included)."""
        values = set()
        for reference in references:
            if reference.kind == "fee" and reference.key in self.facts.fees:
                values.add(("money", self.facts.fees[reference.key].amount))
            elif reference.kind == "days" and reference.key in self.facts.days:
                values.add(("days", self.facts.days[reference.key].days))
            elif reference.kind == "fine" and reference.key in self.facts.fines:
                fact = self.facts.fines[reference.key]
                values |= {("money", fact.min), ("money", fact.max)}
            elif reference.kind == "text" and reference.key in self.facts.texts:
                for lang_text in self.facts.texts[reference.key].text.root.values():
                    values |= self.stated(placeholders(lang_text)[0])
        return values

    def keys_with(self, typed: Typed) -> list[str]:
        """The placeholders that state this value, for a fix that names them."""
        if typed.kind == "days":
            return [f"{{{{days:{key}}}}}" for key, fact in self.facts.days.items() if fact.days == typed.value]
        fees = [f"{{{{fee:{key}}}}}" for key, fact in self.facts.fees.items() if fact.amount == typed.value]
        fines = [f"{{{{fine:{key}}}}}" for key, fact in self.facts.fines.items() if typed.value in (fact.min, fact.max)]
        return fees + fines


def typed_issue(typed: Typed, resolver: Resolver, allowed: str) -> Issue:
    """The issue for a value typed by hand; `allowed` says where it would have been fine."""
    keys = resolver.keys_with(typed)
    what = "an amount of money" if typed.kind == "money" else "a number of days"
    fix = (f"write the placeholder of the declared fact instead, e.g. {keys[0]}" if keys else
           f"declare the fact in {FACTS_FILE} with its source, then write its placeholder") + f" ({allowed}; {DOCS})"
    return Issue(typed.offset, "typed-fact", f"{what} typed by hand: `{typed.text}`", fix)


ResolveFunction = Callable[[str, str], tuple[str, list[Issue]]]
