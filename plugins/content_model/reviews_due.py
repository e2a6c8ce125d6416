"""Every review that is due: the guides, pages and news items whose `reviewed:` is empty or older
than a year, and the declared facts likewise. The build prints them as warnings; `make publish`
(site_publish go-live) lists them before it publishes."""

from __future__ import annotations

import datetime
from pathlib import Path

from problems import Problem

from .layers import ContentLayers, read_layered
from .reference import data_lines, load_reference
from .reviews import review_finding

STAGE = "review"
DATA_FOLDER = "data"


def fact_reviews(reference, data_dir: Path, today: datetime.date) -> list[Problem]:
    """A warning for each declared fact never reviewed, or not for more than a year."""
    shown, lines, _ = data_lines(data_dir, "facts")
    tables = {"fee": "fees", "days": "days", "fine": "fines", "text": "texts"}
    found = []
    for kind, key, fact in reference.facts.all():
        finding = review_finding(fact.reviewed, today)
        if finding:
            location = (tables[kind], key, "reviewed")
            line = lines.get(location, lines.get(location[:2], 1))
            found.append(Problem(shown, line, STAGE, finding.rule, f"`{kind}:{key}`: {finding.message}", finding.fix))
    return found


def due_reviews(content_root: Path, languages: list[str], today: datetime.date, below=()) -> list[Problem]:
    """Every review due in a content folder (with the layers beneath it, CONTENT_MODEL_LAYERS):
    its items' and its facts'. A folder that cannot be read gives the problems that say why (the
    build reports them too)."""
    layers = ContentLayers.from_settings({"CONTENT_MODEL_LAYERS": list(below)}, content_root)
    reference, problems = load_reference(layers.data, languages)
    entries, found, _ = read_layered(layers, languages)
    problems += found
    if reference is None:
        return problems
    for entry in entries:
        for finding in entry.kind.notices(entry.header, today) if entry.kind.notices else []:
            problems.append(Problem(entry.path, entry.source.line_of(finding.location), STAGE, finding.rule,
                                    finding.message, finding.fix))
    return problems + fact_reviews(reference, layers.data, today)
