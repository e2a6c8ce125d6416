"""Header of an application guide (申辦須知, `content/guides/`): the seven questions a citizen
asks, as data, so that every guide has the same parts and the zh/en pair can be compared.

Text values may use inline Markdown (links, `<span lang="…">`), never headings or lists.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field, NonNegativeInt, StringConstraints

from .common import Day, Finding, Header, Slug, Strict, Text

Status = Annotated[Literal["yes", "no", "ask"], Field(
    description="`yes`, `no`, or `ask` when the fact is not confirmed (the page then asks the reader "
                "to check with the office)")]
Article = Annotated[str, StringConstraints(pattern=r"^\d+(-\d+)?$"), Field(
    description="an article number as text, e.g. \"48\" or \"48-2\"")]
SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Z]+\d+$"), Field(
    description="a source tag from content/data/sources.yaml, e.g. L1 or W24")]


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
    days: Annotated[NonNegativeInt | None, Field(
        description="the number of days as a whole number, e.g. 30, or leave it out when there is no deadline")] = None
    text: Annotated[Text, Field(description="the deadline in plain words, e.g. 出生後60日內")]
    penalty: Text | None = None


class Fee(Strict):
    item: Text
    amount: Annotated[NonNegativeInt, Field(
        description="the fee in NT$ as a whole number without NT$ or commas, 0 when free, e.g. 50")]
    unit: Text | None = None  # e.g. 每張 / per page
    note: Text | None = None


class Document(Strict):
    name: Text
    zh: Annotated[Text | None, Field(
        description="the document's Chinese name (English pages), as the counter calls it")] = None
    note: Text | None = None


class LegalBasis(Strict):
    law: Annotated[Slug, Field(description="a law key from content/data/laws.yaml, e.g. household-registration-act")]
    articles: Annotated[list[Article], Field(
        min_length=1, description='a list of article numbers as text, e.g. ["48", "48-2"]')]


class GuideHeader(Header):
    topic: Annotated[Slug, Field(description="a topic key from content/data/topics.yaml")]
    reviewed: Annotated[Day, Field(description="the date the facts were last checked, as YYYY-MM-DD")]
    applicants: Annotated[list[Text], Field(min_length=1, description="a list of who must or may apply")]
    deadline: Annotated[Deadline, Field(
        description="`days` (a number, or leave it out), `text` (in words), `penalty` (optional)")]
    documents: Annotated[list[Document], Field(min_length=1, description=(
        "a list of documents: `name`, `note` (optional), and on English pages `zh` (the Chinese name)"))]
    fees: Annotated[list[Fee], Field(min_length=1, description=(
        "a list of fees: `item`, `amount` (NT$, 0 = free), `unit` and `note` (optional)"))]
    where: Annotated[Where, Field(description=(
        "`office`, `city`, `nationwide`, `online`, each with `status` (yes/no/ask) and an optional `note` "
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
        ("fees",): lambda g: [fee.amount for fee in g.fees],
        ("deadline", "days"): lambda g: g.deadline.days,
        ("where",): lambda g: {name: getattr(g.where, name).status for name in Where.model_fields},
        ("legal_basis",): lambda g: [(basis.law, tuple(basis.articles)) for basis in g.legal_basis],
        ("forms",): lambda g: sorted(g.forms),
    }
    return [(location, f"{get(other)!r} here but {get(primary)!r} in the original")
            for location, get in facts.items() if get(primary) != get(other)]


REVIEW_DAYS = 365


def references(header: GuideHeader, reference, form_ids: frozenset[str] | None) -> list[Finding]:
    """Keys that point nowhere: the topic, laws and sources (errors) and forms. `form_ids` is
    None while the site has no forms yet: an unknown form is then only a warning."""
    found = []
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


def notices(header: GuideHeader, today) -> list[Finding]:
    """A warning when the facts were last checked more than a year ago."""
    age = (today - header.reviewed).days
    if age <= REVIEW_DAYS:
        return []
    return [Finding(location=("reviewed",), rule="review-due", warning=True,
                    message=f"the facts were last reviewed {age} days ago ({header.reviewed})",
                    fix="check every fact against its sources, then set `reviewed:` to today's date")]


def open_record(versions: dict, origin: str) -> dict:
    """One guide in guides.json: its facts once, its words and address in every language."""
    first = next(iter(versions.values())).header
    return {
        "slug": first.slug, "topic": first.topic, "reviewed": first.reviewed.isoformat(),
        "title": {lang: item.title for lang, item in versions.items()},
        "url": {lang: f"{origin}/{item.url}" for lang, item in versions.items()},
        "fees": [{"amount": fee.amount, "item": {lang: item.header.fees[n].item for lang, item in versions.items()}}
                 for n, fee in enumerate(first.fees)],
        "deadline_days": first.deadline.days,
        "where": {name: getattr(first.where, name).status for name in Where.model_fields},
        "legal_basis": [{"law": basis.law, "articles": list(basis.articles)} for basis in first.legal_basis],
        "forms": list(first.forms), "sources": list(first.sources),
    }
