"""Application guides as open data: `guides.json` and `guides.csv` (UTF-8 with BOM), written by
site_outputs/open_data.py from the kind's declaration in kinds.py. Each record carries every fact
a guide declares, in every language it is written in: who applies, what to bring, the fees (with
their declared amount, unit, source and law), the deadline, where and online, how long it takes,
the legal basis (with the national law database's links), the sources and the review date.

The JSON's shape is the pydantic model `GuidesDocument` (documented in docs/facts.md, checked by
the tests); the CSV has exactly the columns of `CSV_COLUMNS`, one row per guide. Texts are plain
text (the Markdown of the header, rendered, without its tags).
"""

from __future__ import annotations

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from sources.messages import N_

from .schemas.guide import Where

Texts = dict[str, str]  # {language: text}
PLACES = tuple(Where.model_fields)  # office, city, nationwide, online
SEPARATOR = " | "  # between the entries of a list in one CSV cell

# CSV column -> what it holds (docs/facts.md shows this table).
CSV_COLUMNS = {
    "slug": N_("the guide's stable identifier (its address: /guides/<slug>/)"),
    "topic": N_("the topic key (content/data/topics.yaml)"),
    "reviewed": N_("the date the facts were last checked, YYYY-MM-DD, or empty if never"),
    "title_zh": N_("title in Chinese"), "title_en": N_("title in English"),
    "url_zh": N_("the Chinese page"), "url_en": N_("the English page"),
    "applicants_zh": N_("who may apply, in Chinese, separated by ' | '"), "applicants_en": N_("the same in English"),
    "documents_zh": N_("what to bring, in Chinese, separated by ' | '"), "documents_en": N_("the same in English"),
    "fees_zh": N_("each fee as 'item: amount unit', NT$, 0 = free, separated by ' | '"),
    "fees_en": N_("the same in English"),
    "deadline_days": N_("the time limit in days, or empty when there is none"),
    "deadline_zh": N_("the deadline in words, in Chinese"), "deadline_en": N_("the same in English"),
    "office": N_("at this office: yes, no, ask (not confirmed) or depends"),
    "city": N_("at any office in the city: yes, no, ask or depends"),
    "nationwide": N_("at any office in Taiwan: yes, no, ask or depends"),
    "online": N_("online: yes, no, ask or depends"), "online_url": N_("the online service's address, or empty"),
    "appointment": N_("a counter appointment can be booked online: yes, no or ask (not confirmed)"),
    "legal_basis_zh": N_("law and articles, in Chinese, separated by ' | '"),
    "legal_basis_en": N_("the same in English"),
    "legal_basis_urls": N_("each law's text on the national law database, separated by one space"),
    "sources": N_("the source tags (content/data/sources.yaml), separated by one space"),
    "source_urls": N_("the sources' addresses, separated by one space"),
}

# Each record's keys in guides.json -> what it holds (the open-data catalogue describes them).
JSON_FIELDS = {
    "slug": N_("the guide's stable identifier (its address: /guides/<slug>/)"),
    "topic": N_("the topic key"),
    "reviewed": N_("the date the facts were last checked, YYYY-MM-DD, or null if never"),
    "title": N_("the title, per language"),
    "summary": N_("the summary, per language"),
    "url": N_("the page, per language"),
    "applicants": N_("who may apply, per language"),
    "documents": N_("what to bring: name, Chinese name, note"),
    "fees": N_("each fee: fact key, amount in NT$ (0 = free), unit, item, note, source, law and articles"),
    "deadline": N_("the deadline: fact key, days, working days or not, text, penalty"),
    "where": N_("at this office, at any office in the city, at any office in Taiwan: status (yes, no, ask, "
                "depends) and note"),
    "online": N_("online: status, note and the service's address"),
    "appointment": N_("whether a counter appointment can be booked online: status and note"),
    "processing": N_("how long it takes, per language"),
    "steps": N_("the steps, per language"),
    "legal_basis": N_("each law: key, name, pcode, address, articles (with their addresses) and version read"),
    "sources": N_("each source: tag, title, address and version read"),
    "forms": N_("the ids of the related forms"),
}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentRecord(Record):
    name: Texts
    zh: str | None  # the Chinese name on English pages, as the counter calls it
    note: Texts | None


class FeeRecord(Record):
    fact: str  # the key of the fee in content/data/facts.yaml
    amount: int  # NT$, 0 = free
    unit: Texts | None  # the fee standard's word: 每張 / per page
    item: Texts
    note: Texts | None
    source: str
    law: str | None
    articles: list[str]


class DeadlineRecord(Record):
    fact: str | None
    days: int | None
    working_days: bool
    text: Texts
    penalty: Texts | None


class PlaceRecord(Record):
    status: str  # yes, no, ask, depends
    note: Texts | None
    url: str | None


class ArticleRecord(Record):
    number: str
    url: str | None  # the article on the national law database, where it has one


class LegalBasisRecord(Record):
    law: str  # the key in content/data/laws.yaml
    name: Texts
    pcode: str | None
    url: str | None  # the whole law on the national law database
    articles: list[ArticleRecord]  # [] = the whole law or rule
    version: Texts | None  # the version read (its source's version)


class SourceRecord(Record):
    tag: str
    title: Texts
    url: str | None
    version: Texts | None


class GuideRecord(Record):
    slug: str
    topic: str
    reviewed: str | None
    title: Texts
    summary: Texts
    url: Texts
    applicants: dict[str, list[str]]
    documents: list[DocumentRecord]
    fees: list[FeeRecord]
    deadline: DeadlineRecord
    where: dict[str, PlaceRecord]  # office, city, nationwide
    online: PlaceRecord
    appointment: PlaceRecord  # can a counter appointment be booked online
    processing: Texts
    steps: dict[str, list[str]]
    legal_basis: list[LegalBasisRecord]
    sources: list[SourceRecord]
    forms: list[str]


class GuidesDocument(Record):
    """The whole of guides.json: the number of guides, then each, in the order of the site."""

    count: int
    items: list[GuideRecord]


def plain(value) -> str:
    """A rendered header value as plain text (tags removed, entities read)."""
    return Markup(str(value)).striptags() if isinstance(value, Markup) else " ".join(str(value).split())


def texts(versions: dict, get) -> Texts | None:
    """{lang: plain text} of one value in every version; None when the original has none."""
    def value(item):
        try:
            return get(item)
        except IndexError:  # a translation with fewer entries than its original
            return None

    found = {lang: value(item) for lang, item in versions.items()}
    if next(iter(found.values())) is None:
        return None
    return {lang: plain(value) for lang, value in found.items() if value is not None}


def fee_records(versions: dict, facts) -> list[dict]:
    first = next(iter(versions.values()))
    records = []
    for n, fee in enumerate(first.header.fees):
        fact = facts.fees[fee.fee]
        item = texts(versions, lambda i, n=n: i.fees[n]["item"])
        if item is None:
            item = {lang: fact.name[lang] for lang in versions}
        records.append({"fact": fee.fee, "amount": fact.amount, "unit": fact.unit.root if fact.unit else None,
                        "item": item, "note": texts(versions, lambda i, n=n: i.fees[n]["note"]),
                        "source": fact.source, "law": fact.law, "articles": list(fact.articles)})
    return records


def place_record(versions: dict, place: str) -> dict:
    first = next(iter(versions.values())).header
    where = getattr(first.where, place)
    return {"status": where.status, "note": texts(versions, lambda i: i.where[place]["note"]),
            "url": str(where.url) if where.url else None}


def appointment_record(versions: dict) -> dict:
    """Whether the service can be booked online (the guide's `appointment`, `ask` unless it says)."""
    appointment = next(iter(versions.values())).header.appointment
    return {"status": appointment.status, "note": texts(versions, lambda i: i.appointment["note"]),
            "url": str(appointment.url) if appointment.url else None}


def legal_records(first, reference) -> list[dict]:
    records = []
    for basis in first.legal_basis:
        law = reference.law(basis.law)
        source = reference.sources.root.get(law.source) if law.source else None
        records.append({"law": basis.law, "name": dict(law.name.root), "pcode": law.pcode, "url": law.url,
                        "articles": [{"number": number, "url": law.article_url(number)} for number in basis.articles],
                        "version": dict(source.version.root) if source and source.version else None})
    return records


def open_record(versions: dict, origin: str, reference) -> dict:
    """One guide in guides.json: its facts once, its words and address in every language."""
    first_item = next(iter(versions.values()))
    first = first_item.header
    facts = reference.facts
    days = facts.days[first.deadline.fact] if first.deadline.fact else None
    return {
        "slug": first.slug, "topic": first.topic, "reviewed": first.reviewed.isoformat() if first.reviewed else None,
        "title": {lang: item.title for lang, item in versions.items()},
        "summary": {lang: item.summary for lang, item in versions.items()},
        "url": {lang: f"{origin}/{item.url}" for lang, item in versions.items()},
        "applicants": {lang: [plain(text) for text in item.applicants] for lang, item in versions.items()},
        "documents": [{"name": texts(versions, lambda i, n=n: i.documents[n]["name"]),
                       "zh": next((i.header.documents[n].zh for i in versions.values()
                                   if n < len(i.header.documents) and i.header.documents[n].zh), None),
                       "note": texts(versions, lambda i, n=n: i.documents[n]["note"])}
                      for n in range(len(first.documents))],
        "fees": fee_records(versions, facts),
        "deadline": {"fact": first.deadline.fact, "days": days.days if days else None,
                     "working_days": bool(days and days.working),
                     "text": texts(versions, lambda i: i.deadline["text"]),
                     "penalty": texts(versions, lambda i: i.deadline["penalty"])},
        "where": {place: place_record(versions, place) for place in PLACES if place != "online"},
        "online": place_record(versions, "online"),
        "appointment": appointment_record(versions),
        "processing": texts(versions, lambda i: i.processing),
        "steps": {lang: [plain(text) for text in item.steps] for lang, item in versions.items()},
        "legal_basis": legal_records(first, reference),
        "sources": [{"tag": key, "title": dict(reference.source(key).title.root),
                     "url": str(reference.source(key).url) if reference.source(key).url else None,
                     "version": dict(reference.source(key).version.root) if reference.source(key).version else None}
                    for key in first.sources],
        "forms": list(first.forms),
    }


def csv_rows(record: dict) -> list[dict]:
    """guides.csv: one row per guide, every column of CSV_COLUMNS in that order."""
    def joined(values) -> str:
        return SEPARATOR.join(values)

    def fee_text(fee: dict, lang: str) -> str:
        unit = f" {fee['unit'][lang]}" if fee["unit"] and fee["amount"] else ""
        return f"{fee['item'].get(lang, '')}: {fee['amount']}{unit}"

    def law_text(basis: dict, lang: str) -> str:
        numbers = ", ".join(article["number"] for article in basis["articles"])
        return f"{basis['name'][lang]} {numbers}".strip()

    row = {"slug": record["slug"], "topic": record["topic"], "reviewed": record["reviewed"] or "",
           "deadline_days": record["deadline"]["days"] if record["deadline"]["days"] is not None else "",
           "online_url": record["online"]["url"] or "",
           "legal_basis_urls": " ".join(basis["url"] or "" for basis in record["legal_basis"]).strip(),
           "sources": " ".join(source["tag"] for source in record["sources"]),
           "source_urls": " ".join(source["url"] for source in record["sources"] if source["url"])}
    for place in ("office", "city", "nationwide"):
        row[place] = record["where"][place]["status"]
    row["online"] = record["online"]["status"]
    row["appointment"] = record["appointment"]["status"]
    for short, lang in (("zh", "zh-tw"), ("en", "en")):
        row[f"title_{short}"] = record["title"].get(lang, "")
        row[f"url_{short}"] = record["url"].get(lang, "")
        row[f"applicants_{short}"] = joined(record["applicants"].get(lang, []))
        row[f"documents_{short}"] = joined(d["name"].get(lang, "") for d in record["documents"])
        row[f"fees_{short}"] = joined(fee_text(fee, lang) for fee in record["fees"])
        row[f"deadline_{short}"] = record["deadline"]["text"].get(lang, "")
        row[f"legal_basis_{short}"] = joined(law_text(basis, lang) for basis in record["legal_basis"])
    return [{column: row[column] for column in CSV_COLUMNS}]
