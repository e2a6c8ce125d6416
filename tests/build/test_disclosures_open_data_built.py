"""disclosures.json and disclosures.csv: the JSON has the documented shape, the CSV is UTF-8
with a BOM, has the documented columns and round-trips through Python's csv module; the
open-data page lists both files and both feeds."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from content_model.disclosure_data import CSV_COLUMNS, DisclosuresDocument, csv_rows
from support import ROOT, parse

DOCS = (ROOT / "docs" / "disclosures.md").read_text(encoding="utf-8")


@pytest.fixture(params=["real_site", "fixture_site"])
def site(request):
    return request.getfixturevalue(request.param)


def table_rows(heading: str) -> list[list[str]]:
    """The rows of the first table after a heading of docs/disclosures.md, cells stripped of backticks."""
    section = DOCS[DOCS.index(heading):]
    first_block = []
    for line in section[section.index("\n|"):].strip("\n").splitlines():
        if not line.startswith("|"):
            break
        first_block.append([cell.strip().strip("`") for cell in line.strip("|").split("|")])
    return first_block[2:]


def test_the_json_has_the_documented_shape(site):
    data = (site.output / "disclosures.json").read_bytes()
    document = DisclosuresDocument.model_validate_json(data)
    assert document.count == len(document.items) > 0
    assert [(item.date, item.slug) for item in document.items] == sorted(
        ((item.date, item.slug) for item in document.items), reverse=True)
    for item in document.items:
        assert item.url["zh-tw"].endswith(f"/disclosures/{item.slug}/")
        assert all(re.fullmatch(r"[0-9a-f]{64}", file.sha256) for file in item.attachments)


def test_the_fixture_s_attachments_are_listed_with_their_checksums(fixture_site):
    """The shape test's loop over attachments checks something: the fixture's statistics have files."""
    document = DisclosuresDocument.model_validate_json((fixture_site.output / "disclosures.json").read_bytes())
    files = [file for item in document.items for file in item.attachments]
    assert files and all(re.fullmatch(r"[0-9a-f]{64}", file.sha256) for file in files)


def test_the_csv_is_utf8_with_bom_and_has_the_documented_columns(site):
    data = (site.output / "disclosures.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [[row[0], row[1]] for row in table_rows("### disclosures.csv")] == [
        [column, meaning] for column, meaning in CSV_COLUMNS.items()]
    document = json.loads((site.output / "disclosures.json").read_text(encoding="utf-8"))
    expected = [{key: str(value) for key, value in row.items()}
                for item in document["items"] for row in csv_rows(item)]
    assert rows == expected  # the same facts as the JSON, every value read back unchanged


def test_the_fixture_csv_lists_the_attachment_with_its_checksum(fixture_site):
    [row, _] = csv.DictReader(io.StringIO((fixture_site.output / "disclosures.csv").read_text(encoding="utf-8-sig")))
    assert (row["slug"], row["attachments"]) == ("counter-statistics", "1")
    assert row["attachment_urls"] == "https://fixture.example/disclosures/counter-statistics/counts.csv"
    assert row["attachment_sha256"] == "36f450fec72d7dab0ea7a4b4bc0dcd95c97c71188a68c747434f147846a0d377"
    assert row["document_number"] == "測戶字第1150000001號" and row["title_en"] == "Counter statistics"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_open_data_page_lists_the_files_and_every_feed(real_site, prefix):
    doc = parse(real_site.output / prefix / "open-data/index.html")
    links = {a["href"] for a in doc.select("main a")}
    assert {"/disclosures.json", "/disclosures.csv", "/feeds/zh-tw.atom.xml", "/feeds/en.atom.xml",
            "/feeds/disclosures-zh-tw.atom.xml", "/feeds/disclosures-en.atom.xml"} <= links
    texts = [a.get_text() for a in doc.select("main a[href^='/feeds/']")]
    assert len(set(texts)) == len(texts) == 4  # one text per address (national rule HM1240404E)
