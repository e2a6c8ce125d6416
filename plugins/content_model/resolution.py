"""Facts into content: every placeholder of every content file, glossary explanation and declared
text replaced by its value in the file's language, and the checks that keep facts in one place:

- a placeholder that names no fact (or a list where no list can be);
- an amount of money or a number of days typed by hand: in a guide only if its header declares
  that value (its fees, its deadline, the facts its header text names), and the same values in
  the original and the translation; in a page or news item never (write the placeholder);
- a page or news item that states rules (holds a placeholder) without a `reviewed:` date.

Guides are resolved first: the lists of offices (`{{list:…}}`, content_model/venues.py) are made
from their resolved `where`, then every other file is resolved.
"""

from __future__ import annotations

from dataclasses import replace

from problems import Problem
from sources.front_matter import Location, leaves
from sources.validation import validate

from .facts import STAGE, Issue, Resolver, placeholders, typed_issue, typed_values
from .inventory import Entry
from .reference import ReferenceData, data_lines
from .schemas.reference import Glossary, Localised
from .venues import venue_lists

GUIDE = "guide"
# How each content kind treats a value typed by hand (docs/facts.md):
# "header": a guide may repeat a value its header declares; "never": write the placeholder;
# a kind not listed reproduces dated documents as they are (disclosures): not checked.
TYPED_RULES = {"guide": "header", "page": "never", "news": "never"}


def strings(data):
    """(location, text) of every string in parsed YAML."""
    return [(location, value) for location, value in leaves(data) if isinstance(value, str)]


def replaced(data, location: Location, text: str):
    """A copy of parsed YAML with the string at `location` replaced."""
    if not location:
        return text
    head, rest = location[0], location[1:]
    if isinstance(data, dict):
        return {**data, head: replaced(data[head], rest, text)}
    return [replaced(value, rest, text) if number == head else value for number, value in enumerate(data)]


def body_line(entry: Entry, offset: int) -> int:
    return entry.source.body_line + entry.source.body.count("\n", 0, offset)


def issue_problem(path: str, line: int, issue: Issue) -> Problem:
    return Problem(path, line, STAGE, issue.rule, issue.message, issue.fix)


def resolve_entry(entry: Entry, resolver: Resolver, languages: list[str]) -> tuple[Entry, list[Problem]]:
    """The entry with its header values and body in its language; the problems of its placeholders."""
    if "{{" not in entry.source.text:
        return entry, []
    problems, data = [], entry.source.header
    for location, text in list(strings(data)):
        if "{{" in text:
            value, issues = resolver.resolve(text, entry.lang)
            problems += [issue_problem(entry.path, entry.source.line_of(location), issue) for issue in issues]
            data = replaced(data, location, value)
    body, issues = resolver.resolve(entry.source.body, entry.lang, block=True)
    problems += [issue_problem(entry.path, body_line(entry, issue.offset), issue) for issue in issues]
    header, found = validate(entry.kind.schema, data, entry.path, entry.source.line_of, "header",
                             context={"languages": languages})
    if header is None:
        return entry, problems + found
    return replace(entry, header=header, body=body), problems


def references_of(entry: Entry, header_only: bool = False):
    """Every placeholder the entry's header (and body) holds."""
    texts = [text for _, text in strings(entry.source.header)]
    if not header_only:
        texts.append(entry.source.body)
    return [reference for text in texts for reference in placeholders(text)[0]]


def declared_values(entry: Entry, resolver: Resolver) -> set[tuple[str, int]]:
    """The values a guide's header declares: its fees, its deadline, and the facts its header text names."""
    facts = resolver.facts
    values = {("money", facts.fees[fee.fee].amount) for fee in entry.header.fees if fee.fee in facts.fees}
    if entry.header.deadline.fact in facts.days:
        values.add(("days", facts.days[entry.header.deadline.fact].days))
    return values | resolver.stated(references_of(entry, header_only=True))


def typed_in(entry: Entry):
    """(line, Typed) of every value typed by hand in the entry's header values and body."""
    for location, text in strings(entry.source.header):
        for typed in typed_values(text):
            yield entry.source.line_of(location), typed
    for typed in typed_values(entry.source.body):
        yield body_line(entry, typed.offset), typed


def typed_problems(entry: Entry, resolver: Resolver) -> list[Problem]:
    """Values typed by hand where the kind does not allow them (TYPED_RULES)."""
    rule = TYPED_RULES.get(entry.kind.name)
    if rule is None:
        return []
    declared = declared_values(entry, resolver) if rule == "header" else set()
    allowed = ("in a guide, only a value its header declares" if rule == "header"
               else "pages and news never type a fee, fine or time limit")
    return [issue_problem(entry.path, line, typed_issue(typed, resolver, allowed))
            for line, typed in typed_in(entry) if (typed.kind, typed.value) not in declared]


def stated_values(entry: Entry, resolver: Resolver) -> set[tuple[str, int]]:
    """Every money and days value a guide states through its facts: declared in its header or
    written as placeholders (a value typed by hand is either one of these or reported itself)."""
    return declared_values(entry, resolver) | resolver.stated(references_of(entry))


def pair_problems(entries: list[Entry], primary: str, resolver: Resolver) -> list[Problem]:
    """A guide's translation states the same fees, fines and time limits as its original."""
    originals = {entry.key: entry for entry in entries if entry.lang == primary and entry.kind.name == GUIDE}
    problems = []
    for entry in entries:
        original = originals.get(entry.key)
        if entry.kind.name != GUIDE or original is None or original is entry:
            continue
        if entry.kind.agreement(original.header, entry.header):
            continue  # their headers differ: that is reported once, by the header check
        mine, theirs = stated_values(entry, resolver), stated_values(original, resolver)
        for kind, value in sorted(mine ^ theirs):
            where = "only here" if (kind, value) in mine else f"only in {original.path}"
            problems.append(Problem(entry.path, entry.source.line_of(("title",)), STAGE, "pair-disagrees",
                                    f"{shown(kind, value)} is stated {where}, not in both languages",
                                    "state the same fees, fines and time limits in both languages, "
                                    "each with its placeholder"))
        if not mine ^ theirs:
            problems += prose_problems(original, entry, resolver)
    return problems


def shown(kind: str, value: int) -> str:
    return f"NT${value:,}" if kind == "money" else f"{value} days"


def prose_values(entry: Entry, resolver: Resolver) -> dict[tuple[str, int], int]:
    """{(kind, value): the line it is first written on} of every fee, fine and time limit a guide's
    text states (summary, header texts, body): typed by hand (a value its header declares) or by
    placeholder."""
    declared = declared_values(entry, resolver)
    found = {}
    for line, typed in typed_in(entry):
        if (typed.kind, typed.value) in declared:
            found.setdefault((typed.kind, typed.value), line)
    for value in resolver.stated(references_of(entry)):
        found.setdefault(value, entry.source.line_of(("title",)))
    return found


def prose_problems(original: Entry, translation: Entry, resolver: Resolver) -> list[Problem]:
    """A fee or time limit the text of one language states and the other's does not (both are
    the guide's own, so the header check cannot see it: 戶口名簿新臺幣30元 against "NT$0"). One
    mistake, one line: in the translation where it states a value of its own, else in the
    original, naming what each file states that the other does not."""
    mine, theirs = prose_values(original, resolver), prose_values(translation, resolver)
    only_mine = sorted(value for value in mine if value not in theirs)
    only_theirs = sorted(value for value in theirs if value not in mine)
    if not only_mine and not only_theirs:
        return []
    entry, lines, other, missing = ((translation, theirs, original, only_mine) if only_theirs
                                    else (original, mine, translation, only_mine))
    own = only_theirs if only_theirs else only_mine
    line = min(lines[value] for value in own)
    said = ", ".join(shown(*value) for value in own)
    elsewhere = f"; {other.path} states {', '.join(shown(*value) for value in missing)} instead" if (
        only_theirs and missing) else f"; {other.path} does not"
    return [Problem(entry.path, line, STAGE, "pair-disagrees", f"the text states {said}{elsewhere}",
                    "state the same fees and time limits in the text of both languages, each with its "
                    "placeholder, e.g. {{fee:household-certificate}}")]


def review_problems(entry: Entry) -> list[Problem]:
    """A page or news item that states rules (a fact placeholder) must say when it was reviewed."""
    if entry.kind.name == GUIDE or "reviewed" not in entry.kind.schema.model_fields:
        return []
    if "reviewed" in entry.source.header or not references_of(entry):
        return []
    first = references_of(entry)[0]
    return [Problem(entry.path, entry.source.line_of(("title",)), STAGE, "no-review-date",
                    f"this page states rules (`{{{{{first.name}}}}}`) but has no `reviewed:` date",
                    "add `reviewed: YYYY-MM-DD`, the day its facts were last checked (empty if never; docs/facts.md)")]


def resolve_entries(entries: list[Entry], reference: ReferenceData, translations: dict,
                    languages: dict[str, dict], kind) -> tuple[list[Entry], Resolver, list[Problem]]:
    """Every entry resolved (guides first, then the rest with the lists made from the guides),
    the resolver with its lists, and every problem of the facts checks."""
    names = list(languages)
    primary = names[0]
    resolver = Resolver(reference.facts, translations)
    problems, done = [], {}
    for entry in (e for e in entries if e.kind.name == GUIDE):
        done[id(entry)], found = resolve_entry(entry, resolver, names)
        problems += found
    topics = [topic.key for topic in reference.topics.root]
    guides = [done[id(e)] for e in entries if e.kind.name == GUIDE]
    resolver = replace(resolver, lists=venue_lists(guides, topics, languages, translations, kind))
    for entry in (e for e in entries if e.kind.name != GUIDE):
        done[id(entry)], found = resolve_entry(entry, resolver, names)
        problems += found
    for entry in entries:
        problems += typed_problems(entry, resolver) + review_problems(entry)
    problems += pair_problems(entries, primary, resolver)
    return [done[id(entry)] for entry in entries], resolver, problems


def resolve_reference(reference: ReferenceData, resolver: Resolver, data_dir) -> tuple[ReferenceData, list[Problem]]:
    """The declared texts checked (their placeholders name facts) and the glossary's explanations
    with their placeholders replaced; problems at the line in facts.yaml or glossary.yaml."""
    problems = []
    shown, lines, _ = data_lines(data_dir, "facts")
    for key, fact in reference.facts.texts.items():
        for lang, text in fact.text.root.items():
            _, issues = resolver.resolve(text, lang, nested=True)
            problems += [issue_problem(shown, lines.get(("texts", key, "text", lang), 1), i) for i in issues]
            problems += [issue_problem(shown, lines.get(("texts", key, "text", lang), 1), typed_issue(t, resolver,
                         "a declared text names the other facts by placeholder")) for t in typed_values(text)]
    glossary, found = resolved_glossary(reference.glossary, resolver, data_dir)
    return replace(reference, glossary=glossary), problems + found


def resolved_glossary(glossary: Glossary, resolver: Resolver, data_dir) -> tuple[Glossary, list[Problem]]:
    """The glossary with its explanations' placeholders replaced (a value typed by hand there is
    a mistake, as on a page)."""
    shown, lines, _ = data_lines(data_dir, "glossary")
    problems, terms = [], []
    for n, term in enumerate(glossary.root):
        explain = {}
        for lang, text in term.explain.root.items():
            line = lines.get((n, "explain", lang), lines.get((n,), 1))
            explain[lang], issues = resolver.resolve(text, lang)
            issues += [typed_issue(typed, resolver, "an explanation never types a fee, fine or time limit")
                       for typed in typed_values(text)]
            problems += [issue_problem(shown, line, issue) for issue in issues]
        terms.append(term.model_copy(update={"explain": Localised(explain)}))
    return Glossary(terms), problems
