"""Load the site's reference data (`content/data/*.yaml`): topics, laws, sources, glossary,
and the ten categories of government information disclosures.

Each file is checked against its schema in `schemas/reference.py`; every mistake is a Problem
with the file and line. The data is offered to templates as `reference`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import RootModel

from problems import Problem
from sources.front_matter import SourceError, decode, line_in, load_yaml
from sources.paths import display_path
from sources.validation import validate

from .schemas.disclosure import DisclosureCategories
from .schemas.reference import Glossary, Laws, Sources, Topics

# {file name without .yaml: (attribute of ReferenceData, schema)}
FILES: dict[str, tuple[str, type[RootModel]]] = {
    "topics": ("topics", Topics), "laws": ("laws", Laws), "sources": ("sources", Sources),
    "glossary": ("glossary", Glossary),
    "disclosure-categories": ("disclosure_categories", DisclosureCategories),
}


@dataclass(frozen=True)
class ReferenceData:
    """The reference data of one build (read-only)."""

    topics: Topics
    laws: Laws
    sources: Sources
    glossary: Glossary
    disclosure_categories: DisclosureCategories

    def topic(self, key: str):
        return next(topic for topic in self.topics.root if topic.key == key)

    def law(self, key: str):
        return self.laws.root[key]

    def source(self, key: str):
        return self.sources.root[key]


def load_file(path: Path, model: type[RootModel], languages: list[str]) -> tuple[RootModel | None, list[Problem]]:
    shown = display_path(path)
    if not path.is_file():
        return None, [Problem(shown, None, "data", "missing-file", "the reference data file is missing",
                              f"create {shown} (see docs/content-guide.md, reference data)")]
    try:
        data, lines = load_yaml(shown, decode(shown, path.read_bytes()))
    except SourceError as error:
        return None, [error.problem]
    return validate(model, data, shown, lambda location: line_in(lines, location), stage="data",
                    context={"languages": languages})


def load_reference(data_dir: Path, languages: list[str]) -> tuple[ReferenceData | None, list[Problem]]:
    """(the data, []) or (None, every problem in every file)."""
    loaded, problems = {}, []
    for name, (attribute, model) in FILES.items():
        value, found = load_file(data_dir / f"{name}.yaml", model, languages)
        loaded[attribute] = value
        problems += found
    if problems:
        return None, problems
    return ReferenceData(**loaded), []
