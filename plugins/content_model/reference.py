"""Load the site's reference data (`content/data/*.yaml`): topics, laws, sources, glossary, the
declared facts, and the ten categories of government information disclosures.

Each file is checked against its schema in `schemas/`; then the files against each other (a law
without its pcode, a source tag or law key that points nowhere). Every mistake is a Problem with
the file and line. The data is offered to templates as `reference`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from problems import Problem
from sources.based_on import key_problem
from sources.front_matter import Location, SourceError, decode, leaves, line_in, load_yaml
from sources.paths import display_path
from sources.validation import validate

from .schemas.disclosure import DisclosureCategories
from .schemas.facts import Facts
from .schemas.reference import Glossary, Laws, Sources, Topics

# {file name without .yaml: (attribute of ReferenceData, schema)}
FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "topics": ("topics", Topics), "laws": ("laws", Laws), "sources": ("sources", Sources),
    "glossary": ("glossary", Glossary), "facts": ("facts", Facts),
    "disclosure-categories": ("disclosure_categories", DisclosureCategories),
}
STAGE = "data"


@dataclass(frozen=True)
class ReferenceData:
    """The reference data of one build (read-only)."""

    topics: Topics
    laws: Laws
    sources: Sources
    glossary: Glossary
    facts: Facts
    disclosure_categories: DisclosureCategories

    def topic(self, key: str):
        return next(topic for topic in self.topics.root if topic.key == key)

    def law(self, key: str):
        return self.laws.root[key]

    def source(self, key: str):
        return self.sources.root[key]

    def sources_of_laws(self, keys) -> set[str]:
        """The source tags of the versions read of these laws (their `source`)."""
        return {self.laws.root[key].source for key in keys if self.laws.root[key].source}


@dataclass(frozen=True)
class Loaded:
    """One data file as read: its model, where it is shown, and the line of each key."""

    value: BaseModel
    shown: str
    lines: dict[Location, int]

    def line(self, location: Location) -> int:
        return line_in(self.lines, location)


def load_file(path: Path, model: type[BaseModel], languages: list[str]) -> tuple[Loaded | None, list[Problem]]:
    shown = display_path(path)
    if not path.is_file():
        return None, [Problem(shown, None, STAGE, "missing-file", "the reference data file is missing",
                              f"create {shown} (see docs/content-guide.md, reference data)")]
    try:
        text = decode(shown, path.read_bytes(), STAGE)
        if (mistake := key_problem(shown, text, STAGE)) is not None:
            return None, [mistake]
        data, lines = load_yaml(shown, text, stage=STAGE)
    except SourceError as error:
        return None, [error.problem]
    value, problems = validate(model, data, shown, lambda location: line_in(lines, location), stage=STAGE,
                               context={"languages": languages})
    return (Loaded(value, shown, lines) if value is not None else None), problems


def law_problems(laws: Loaded, sources: Sources) -> list[Problem]:
    """Every law can be followed to its text: a pcode (or, for a rule the national law database does
    not hold, why not), and the source of the version read."""
    problems = []
    for key, law in laws.value.root.items():
        if law.pcode is None and law.not_in_database is None:
            problems.append(Problem(laws.shown, laws.line((key,)), STAGE, "no-pcode", f"the law `{key}` has no `pcode`",
                                    "add `pcode: …`, the PCODE in its address on law.moj.gov.tw (e.g. 國籍法: "
                                    "pcode: D0030001); only a rule the national law database does not hold may say "
                                    "why instead, in `not_in_database:`"))
        if law.pcode is not None and law.not_in_database is not None:
            problems.append(Problem(laws.shown, laws.line((key, "not_in_database")), STAGE, "no-pcode",
                                    f"the law `{key}` has a `pcode`, so it is in the national law database",
                                    "delete `not_in_database`"))
        if law.source is not None and law.source not in sources.root:
            problems.append(Problem(laws.shown, laws.line((key, "source")), STAGE, "unknown-source",
                                    f"unknown source `{law.source}`", "use a tag of content/data/sources.yaml"))
    return problems


def fact_problems(facts: Loaded, laws: Laws, sources: Sources) -> list[Problem]:
    """Each fact's source and law exist."""
    problems = []
    for kind, key, fact in facts.value.all():
        table = {"fee": "fees", "days": "days", "fine": "fines", "text": "texts"}[kind]
        if fact.source not in sources.root:
            problems.append(Problem(facts.shown, facts.line((table, key, "source")), STAGE, "unknown-source",
                                    f"unknown source `{fact.source}`",
                                    "use a tag of content/data/sources.yaml, or add the source there"))
        if fact.law is not None and fact.law not in laws.root:
            problems.append(Problem(facts.shown, facts.line((table, key, "law")), STAGE, "unknown-law",
                                    f"unknown law `{fact.law}`", "use a key of content/data/laws.yaml"))
    return problems


def load_reference(data_dir: Path, languages: list[str]) -> tuple[ReferenceData | None, list[Problem]]:
    """(the data, []) or (None, every problem in every file)."""
    loaded, problems = {}, []
    for name, (attribute, model) in FILES.items():
        value, found = load_file(data_dir / f"{name}.yaml", model, languages)
        loaded[attribute] = value
        problems += found
    if problems:
        return None, problems
    problems = law_problems(loaded["laws"], loaded["sources"].value)
    problems += fact_problems(loaded["facts"], loaded["laws"].value, loaded["sources"].value)
    if problems:
        return None, problems
    return ReferenceData(**{name: item.value for name, item in loaded.items()}), []


def data_lines(data_dir: Path, name: str) -> tuple[str, dict[Location, int], object]:
    """(shown path, {location: line}, data) of one reference file, read again (for the checks that
    place a problem inside it after the build has read it: placeholders, the glossary lint)."""
    path = data_dir / f"{name}.yaml"
    shown = display_path(path)
    data, lines = load_yaml(shown, decode(shown, path.read_bytes(), STAGE), stage=STAGE)
    return shown, lines, data


def english_texts(data_dir: Path, english: str = "en") -> list[tuple[str, list[tuple[int, str]]]]:
    """(shown path, [(line, text)]) of every English text of the reference data: what the open
    data (guides.json, forms.json, disclosures.json) and the pages show of it, for the glossary lint."""
    found = []
    for name in FILES:
        shown, lines, data = data_lines(data_dir, name)
        found.append((shown, [(line_in(lines, location), text) for location, text in language_texts(data, english)]))
    return found


def language_texts(data, lang: str) -> list[tuple[Location, str]]:
    """(location, text) of every text written for one language (under a `lang:` key) in parsed YAML."""
    return [(location, value) for location, value in leaves(data)
            if isinstance(value, str) and location and location[-1] == lang]
