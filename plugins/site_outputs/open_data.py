"""Open data: each content kind that declares `open_data` is published as `<name>.json` (and
`<name>.csv`, UTF-8 with a byte order mark so that Excel in Taiwan opens it right), from the
same items the pages are made from. Reproducible: nothing depends on the clock."""

from __future__ import annotations

import csv
import io
import json

from content_model.kinds import KINDS


def records(index, kind, origin: str, reference) -> list[dict]:
    """One record per item of a kind, in the primary language's order, with every language."""
    return [kind.open_data.record({lang: index.counterpart(item, lang) for lang in index.languages
                                   if index.is_translated(item, lang)}, origin, reference)
            for item in index.items(kind.name, index.primary)]


def json_document(found: list[dict]) -> bytes:
    return (json.dumps({"count": len(found), "items": found}, ensure_ascii=False, indent=1, sort_keys=True)
            + "\n").encode("utf-8")


def csv_document(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    names = list(dict.fromkeys(name for row in rows for name in row))
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff".encode("utf-8") + buffer.getvalue().encode("utf-8")


def datasets(index, origin: str, reference) -> dict[str, bytes]:
    """{file name: bytes} of every open-data file of the site."""
    files = {}
    for kind in KINDS:
        if kind.open_data is None:
            continue
        found = records(index, kind, origin, reference)
        files[f"{kind.open_data.name}.json"] = json_document(found)
        if kind.open_data.csv_rows:
            rows = [row for record in found for row in kind.open_data.csv_rows(record)]
            files[f"{kind.open_data.name}.csv"] = csv_document(rows)
    return files
