"""The header of a form's page, made from its definition (`forms/<id>/form.yaml`, schema in
plugins/forms/schema.py) for one language: authors never write it."""

from __future__ import annotations

from sources.messages import N_

from .common import Day, Header, Slug

# Each record's keys in forms.json -> what it holds (the open-data catalogue describes them).
JSON_FIELDS = {
    "id": N_("the form's stable identifier (its address: /forms/<id>/)"),
    "topic": N_("the topic key"),
    "updated": N_("the date the form was last changed, YYYY-MM-DD"),
    "title": N_("the title, per language"),
    "url": N_("the form's page, per language"),
    "files": N_("each file: language, blank or example, format, address, size in bytes, pages and SHA-256"),
}
# forms.csv: one row per file; column -> what it holds.
CSV_COLUMNS = {
    "id": N_("the form's stable identifier (its address: /forms/<id>/)"),
    "title_zh": N_("title in Chinese"), "title_en": N_("title in English"),
    "topic": N_("the topic key"),
    "updated": N_("the date the form was last changed, YYYY-MM-DD"),
    "lang": N_("the language of the file: zh-tw or en"),
    "variant": N_("blank (to fill in) or example (filled in with fictitious data)"),
    "format": N_("pdf or odt"),
    "url": N_("the file's address"),
    "bytes": N_("its size in bytes"),
    "pages": N_("its number of pages"),
    "sha256": N_("its SHA-256 checksum"),
}


class FormPageHeader(Header):
    topic: Slug
    updated: Day


def open_record(versions: dict, origin: str, reference=None) -> dict:
    """One form in forms.json: its titles, pages and every file with size, pages and SHA-256."""
    first = next(iter(versions.values()))
    return {
        "id": first.slug, "topic": first.topic, "updated": first.updated.isoformat(),
        "title": {lang: item.title for lang, item in versions.items()},
        "url": {lang: f"{origin}/{item.url}" for lang, item in versions.items()},
        "files": [{"lang": f.lang, "variant": f.variant, "format": f.format, "url": f"{origin}/forms/{f.path}",
                   "bytes": f.bytes, "pages": f.pages, "sha256": f.sha256}
                  for item in versions.values() for f in item.downloads],
    }


def csv_rows(record: dict) -> list[dict]:
    """forms.csv: one row per file."""
    return [{"id": record["id"], "title_zh": record["title"].get("zh-tw", ""),
             "title_en": record["title"].get("en", ""),
             "topic": record["topic"], "updated": record["updated"], **file} for file in record["files"]]
