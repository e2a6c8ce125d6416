"""The header of a form's page, made from its definition (`forms/<id>/form.yaml`, schema in
plugins/forms/schema.py) for one language: authors never write it."""

from __future__ import annotations

from .common import Day, Header, Slug


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
