"""disclosures.json and disclosures.csv: the JSON has the documented shape, the CSV is UTF-8
with a BOM, has the documented columns and round-trips through Python's csv module; the
open-data page lists both files and both feeds."""

from __future__ import annotations

import csv
import io

from content_model.disclosure_data import DisclosuresDocument, csv_rows
from site_outputs.open_data import csv_document
from support import ROOT

DOCS = (ROOT / "docs" / "disclosures.md").read_text(encoding="utf-8")


def documented_fields(model, prefix: str = "") -> list[str]:
    """Every field of the JSON model as docs/disclosures.md names it: `items[].attachments[].sha256`."""
    names = []
    for name, info in model.model_fields.items():
        names.append(prefix + name)
        inner = getattr(info.annotation, "__args__", (None,))[0]
        if hasattr(inner, "model_fields"):
            names += documented_fields(inner, f"{prefix}{name}[].")
    return names


def table_rows(heading: str) -> list[list[str]]:
    """The rows of the first table after a heading of docs/disclosures.md, cells stripped of backticks."""
    section = DOCS[DOCS.index(heading):]
    first_block = []
    for line in section[section.index("\n|"):].strip("\n").splitlines():
        if not line.startswith("|"):
            break
        first_block.append([cell.strip().strip("`") for cell in line.strip("|").split("|")])
    return first_block[2:]


def test_the_docs_name_every_json_field_and_no_other():
    documented = [row[0] for row in table_rows("### disclosures.json")]
    assert documented == documented_fields(DisclosuresDocument)


def test_commas_quotes_and_line_breaks_round_trip_through_csv():
    record = {"slug": "a", "category": "budgets", "date": "2026-01-02", "modified": None, "valid_until": None,
              "document_number": None, "title": {"zh-tw": '預算，"112"年', "en": "Budget, 2023"},
              "issuer": {"zh-tw": "本所"}, "summary": {"zh-tw": "第一行\n第二行", "en": 'say "hi"'},
              "url": {"zh-tw": "https://x/disclosures/a/"}, "attachments": []}
    rows = csv_rows(record)
    read = list(csv.DictReader(io.StringIO(csv_document(rows).decode("utf-8-sig"), newline="")))
    assert read == [{key: str(value) for key, value in row.items()} for row in rows]
    assert read[0]["title_zh"] == '預算，"112"年' and read[0]["summary_zh"] == "第一行\n第二行"


