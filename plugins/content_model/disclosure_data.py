"""Disclosures as open data: `disclosures.json` and `disclosures.csv` (UTF-8 with BOM), written by
site_outputs/open_data.py from the kind's declaration in kinds.py. The shape of the JSON is the
pydantic model `DisclosuresDocument` below (documented in docs/disclosures.md, checked by the
tests); the CSV has exactly the columns in `CSV_COLUMNS`, one row per disclosure.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sources.messages import N_

# CSV column -> what it holds (docs/disclosures.md shows this table).
CSV_COLUMNS = {
    "slug": N_("the item's stable identifier (its address: /disclosures/<slug>/)"),
    "category": N_("the category key of the Freedom of Government Information Law, Article 7"),
    "date": N_("publication date, YYYY-MM-DD"),
    "modified": N_("date of a later correction, YYYY-MM-DD, or empty"),
    "valid_until": N_("last day the information applies, YYYY-MM-DD, or empty"),
    "document_number": N_("document number (文號), or empty"),
    "title_zh": N_("title in Chinese"),
    "title_en": N_("title in English, or empty while there is no English version"),
    "issuer_zh": N_("issuing unit, in Chinese"),
    "issuer_en": N_("issuing unit, in English, or empty"),
    "summary_zh": N_("one-sentence summary, in Chinese"),
    "summary_en": N_("one-sentence summary, in English, or empty"),
    "url_zh": N_("the Chinese page"),
    "url_en": N_("the English page, or empty"),
    "attachments": N_("number of attached files"),
    "attachment_urls": N_("the attached files' addresses, separated by one space"),
    "attachment_sha256": N_("their SHA-256 checksums, in the same order, separated by one space"),
}

# Each record's keys in disclosures.json -> what it holds (the open-data catalogue describes them).
JSON_FIELDS = {
    "slug": N_("the item's stable identifier (its address: /disclosures/<slug>/)"),
    "category": N_("the category key of the Freedom of Government Information Law, Article 7"),
    "date": N_("publication date, YYYY-MM-DD"),
    "modified": N_("date of a later correction, YYYY-MM-DD, or null"),
    "valid_until": N_("last day the information applies, YYYY-MM-DD, or null"),
    "document_number": N_("document number (文號), or null"),
    "title": N_("the title, per language"),
    "issuer": N_("the issuing unit, per language"),
    "summary": N_("one-sentence summary, per language"),
    "url": N_("the page, per language"),
    "attachments": N_("each attached file: name, title, format, address, size in bytes and SHA-256"),
}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AttachmentRecord(Record):
    """One attached file."""

    file: str  # its name, e.g. plan.pdf
    title: dict[str, str]  # {language: what it is}
    format: str  # PDF, ODT, ODS, ODP or CSV
    bytes: int
    sha256: str  # 64 hexadecimal digits
    url: str


class DisclosureRecord(Record):
    """One disclosure, its facts once and its words in every language it is written in."""

    slug: str
    category: str
    date: str  # YYYY-MM-DD
    modified: str | None
    valid_until: str | None
    document_number: str | None
    title: dict[str, str]
    issuer: dict[str, str]
    summary: dict[str, str]
    url: dict[str, str]
    attachments: list[AttachmentRecord]


class DisclosuresDocument(Record):
    """The whole of disclosures.json: the number of disclosures, then each, newest first."""

    count: int
    items: list[DisclosureRecord]


def day(value) -> str | None:
    return value.isoformat() if value else None


def attachment_records(versions: dict, origin: str) -> list[dict]:
    """Every file once (the languages list the same files), with its title in each language."""
    first = next(iter(versions.values()))
    records = []
    for number, attachment in enumerate(first.attachments):
        records.append({"file": attachment.file, "format": attachment.format, "bytes": attachment.bytes,
                        "sha256": attachment.sha256, "url": f"{origin}/{attachment.path}",
                        "title": {lang: item.attachments[number].title for lang, item in versions.items()}})
    return records


def open_record(versions: dict, origin: str, reference=None) -> dict:
    """One disclosure in disclosures.json."""
    first = next(iter(versions.values())).header
    return {
        "slug": first.slug, "category": first.category, "date": first.date.isoformat(),
        "modified": day(first.modified), "valid_until": day(first.valid_until),
        "document_number": first.document_number,
        "title": {lang: item.title for lang, item in versions.items()},
        "issuer": {lang: item.header.issuer for lang, item in versions.items()},
        "summary": {lang: item.summary for lang, item in versions.items()},
        "url": {lang: f"{origin}/{item.url}" for lang, item in versions.items()},
        "attachments": attachment_records(versions, origin),
    }


def csv_rows(record: dict) -> list[dict]:
    """disclosures.csv: one row per disclosure, every column of CSV_COLUMNS in that order."""
    def words(name: str, lang: str) -> str:
        return record[name].get(lang, "")

    files = record["attachments"]
    row = {
        "slug": record["slug"], "category": record["category"], "date": record["date"],
        "modified": record["modified"] or "", "valid_until": record["valid_until"] or "",
        "document_number": record["document_number"] or "",
        **{f"{name}_{short}": words(name, lang) for name in ("title", "issuer", "summary", "url")
           for short, lang in (("zh", "zh-tw"), ("en", "en"))},
        "attachments": len(files),
        "attachment_urls": " ".join(file["url"] for file in files),
        "attachment_sha256": " ".join(file["sha256"] for file in files),
    }
    return [{column: row[column] for column in CSV_COLUMNS}]
