"""guides.json and guides.csv: every fact a guide declares, in both languages, for others to reuse.
The JSON has the shape of `GuidesDocument`; its facts equal the declared ones (facts.yaml) and the
guides' headers; the CSV is UTF-8 with a BOM, has exactly the documented columns (docs/facts.md),
one row per guide, and round-trips through Python's csv module; the open-data page lists both."""

from __future__ import annotations

from content_model.guide_data import CSV_COLUMNS
from support import ROOT


def test_the_docs_list_every_csv_column():
    docs = (ROOT / "docs/facts.md").read_text(encoding="utf-8")
    table = docs[docs.index("| column | what |"):]
    documented = [name.strip() for line in table.splitlines()[2:] if line.startswith("|")
                  for name in line.split("|")[1].split(",")]
    assert documented == list(CSV_COLUMNS)


