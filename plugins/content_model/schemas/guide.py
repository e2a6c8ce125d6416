"""Header of an application guide (申辦須知, `content/guides/`): the seven questions a citizen
asks, as data, so that every guide has the same parts and the zh/en pair can be compared.

Text values may use inline Markdown (links, `<span lang="…">`), never headings or lists.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field

from .common import Article, FactKey, Finding, Header, ReviewDay, Slug, SourceKey, Strict, Text

Status = Annotated[Literal["yes", "no", "ask", "depends"], Field(
    description="`yes`, `no`, `ask` when the fact is not confirmed (the page then asks the reader "
                "to check with the office), or `depends` when it depends on another service (a general guide)")]


class Place(Strict):
    """Whether the service can be done in one kind of place, and what to know about it."""

    status: Status
    note: Text | None = None
    url: Annotated[AnyHttpUrl | None, Field(description="the full https:// address of the online service")] = None


class Where(Strict):
    office: Place  # at this office
    city: Place  # at any household registration office in Taichung City
    nationwide: Place  # at any household registration office in Taiwan
    online: Place  # online, usually with a Citizen Digital Certificate (自然人憑證)


class Deadline(Strict):
    fact: Annotated[FactKey | None, Field(
        description="the key of the time limit in `days:` of content/data/facts.yaml, e.g. registration, "
                    "or leave it out when there is no deadline")] = None
    text: Annotated[Text, Field(description="the deadline in plain words, the days as a placeholder, e.g. "
                                            "出生後{{days:birth}}內")]
    penalty: Text | None = None


class Fee(Strict):
    fee: Annotated[FactKey, Field(description="the key of the fee in `fees:` of content/data/facts.yaml, "
                                              "e.g. household-certificate (the amount and unit come from there)")]
    item: Annotated[Text | None, Field(
        description="what the fee is for on this page, if it should read otherwise than the fact's name")] = None
    note: Text | None = None


class DocumentToBring(Strict):
    name: Text
    zh: Annotated[Text | None, Field(
        description="the document's Chinese name (English pages), as the counter calls it")] = None
    note: Text | None = None


class LegalBasis(Strict):
    law: Annotated[Slug, Field(description="a law key from content/data/laws.yaml, e.g. household-registration-act")]
    articles: Annotated[list[Article], Field(
        description='a list of article numbers as text, e.g. ["48", "48-2"]; leave it out when the '
                    'whole law or rule is the basis')] = []


class GuideHeader(Header):
    topic: Annotated[Slug, Field(description="a topic key from content/data/topics.yaml")]
    reviewed: ReviewDay
    applicants: Annotated[list[Text], Field(min_length=1, description="a list of who must or may apply")]
    deadline: Annotated[Deadline, Field(
        description="`fact` (a key of `days:` in content/data/facts.yaml, or leave it out), `text` (in words, "
                    "the days as a placeholder), `penalty` (optional)")]
    documents: Annotated[list[DocumentToBring], Field(min_length=1, description=(
        "a list of documents: `name`, `note` (optional), and on English pages `zh` (the Chinese name)"))]
    fees: Annotated[list[Fee], Field(min_length=1, description=(
        "a list of fees: `fee` (a key of `fees:` in content/data/facts.yaml), `item` and `note` (optional)"))]
    where: Annotated[Where, Field(description=(
        "`office`, `city`, `nationwide`, `online`, each with `status` (yes/no/ask/depends) and an optional `note` "
        "(and `url` online)"))]
    processing: Annotated[Text, Field(description="how long it takes, in plain words")]
    legal_basis: Annotated[list[LegalBasis], Field(
        min_length=1, description="a list of `law` (a key of content/data/laws.yaml) and `articles`")]
    steps: Annotated[list[Text], Field(min_length=1, description="a list of the steps, in order")]
    forms: Annotated[list[Slug], Field(description="a list of form ids from forms/")] = []
    sources: Annotated[list[SourceKey], Field(
        min_length=1, description="a list of source tags from content/data/sources.yaml, e.g. [L1, W24]")]
    keywords: Annotated[list[Text], Field(description="a list of words people search for")] = []


def agreement(primary: GuideHeader, other: GuideHeader) -> list[tuple[tuple, str]]:
    """Where a translation's facts differ from the original's: [(location, what differs)].

    Words may differ between languages; fees, the deadline, where, the legal basis, the
    topic and the forms may not."""
    facts = {
        ("topic",): lambda g: g.topic,
        ("fees",): lambda g: [fee.fee for fee in g.fees],
        ("deadline", "fact"): lambda g: g.deadline.fact,
        ("where",): lambda g: {name: getattr(g.where, name).status for name in Where.model_fields},
        ("legal_basis",): lambda g: [(basis.law, tuple(basis.articles)) for basis in g.legal_basis],
        ("forms",): lambda g: sorted(g.forms),
    }
    return [(location, f"{get(other)!r} here but {get(primary)!r} in the original")
            for location, get in facts.items() if get(primary) != get(other)]


def references(header: GuideHeader, reference, form_ids: frozenset[str] | None) -> list[Finding]:
    """Keys that point nowhere: the topic, facts, laws and sources (errors) and forms. `form_ids`
    is None while the site has no forms yet: an unknown form is then only a warning."""
    found = []
    for n, fee in enumerate(header.fees):
        if fee.fee not in reference.facts.fees:
            found.append(Finding(location=("fees", n, "fee"), rule="unknown-fact", message=f"unknown fee `{fee.fee}`",
                                 fix="use a key of `fees:` in content/data/facts.yaml, or declare the fee there "
                                     "with its source first"))
    if header.deadline.fact is not None and header.deadline.fact not in reference.facts.days:
        found.append(Finding(location=("deadline", "fact"), rule="unknown-fact",
                             message=f"unknown time limit `{header.deadline.fact}`",
                             fix="use a key of `days:` in content/data/facts.yaml, or declare it there first"))
    if header.topic not in {topic.key for topic in reference.topics.root}:
        found.append(Finding(location=("topic",), rule="unknown-topic", message=f"unknown topic `{header.topic}`",
                             fix="use a key from content/data/topics.yaml"))
    for n, basis in enumerate(header.legal_basis):
        if basis.law not in reference.laws.root:
            found.append(Finding(location=("legal_basis", n, "law"), rule="unknown-law",
                                 message=f"unknown law `{basis.law}`", fix="use a key from content/data/laws.yaml"))
    for n, key in enumerate(header.sources):
        if key not in reference.sources.root:
            found.append(Finding(location=("sources", n), rule="unknown-source", message=f"unknown source `{key}`",
                                 fix="use a tag from content/data/sources.yaml, or add the source there"))
    for n, form in enumerate(header.forms):
        if form_ids is None or form not in form_ids:
            found.append(Finding(location=("forms", n), rule="unknown-form", message=f"no form `{form}` in forms/",
                                 fix="use the id (folder name) of a form under forms/", warning=form_ids is None))
    return found
