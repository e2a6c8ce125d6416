"""The personal-data guard over disclosures: a national ID number, a resident certificate number
and a mobile number planted in a disclosure's Markdown, in its header, in an ODT attachment and
in a PDF attachment each stop the build, masked; a value on the allow-list and an ID-like
string with a wrong check digit do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from odf.opendocument import OpenDocumentText
from odf.text import P

from support import ROOT, build_fixture_copy, copy_fixture_site

FOLDER = "content/disclosures/counter-statistics"
ITEM = "content/disclosures/counter-statistics.zh-tw.md"
ITEM_EN = "content/disclosures/counter-statistics.en.md"
# (rule, value with a valid check digit, as the message shows it): a national ID number, a resident
# certificate number in the new and in the old format, a mobile number.
PLANTED = [("national-id", "B223456782", "B22****782"), ("resident-id", "F912345678", "F91****678"),
           ("resident-id", "HD12345678", "HD1****678"), ("mobile", "0912-345-678", "091****678")]
WRONG_CHECK_DIGIT = "A123456788"


def planted_text() -> str:
    return "，".join(f"{rule}：{value}" for rule, value, _ in PLANTED)


def make_odt(path: Path, text: str) -> None:
    document = OpenDocumentText()
    document.text.addElement(P(text="案件統計說明"))
    document.text.addElement(P(text=text))
    document.save(str(path))


def make_pdf(path: Path, text: str) -> None:
    from weasyprint import HTML  # slow to import: only the tests that make a PDF pay for it

    HTML(string=f'<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>統計說明</title>'
                f'<style>html {{ font-family: "Noto Sans CJK TC"; }}</style></head>'
                f"<body><h1>統計說明</h1><p>{text}</p></body></html>").write_pdf(path, pdf_variant="pdf/ua-1")


def attach(site: Path, name: str) -> None:
    """List `name` as a second attachment in both language versions."""
    cases = ((ITEM, "    title: 案件統計表\n", "說明"), (ITEM_EN, "    title: Table of cases\n", "Notes"))
    for path, last, title in cases:
        file = site / path
        text = file.read_text(encoding="utf-8")
        assert last in text
        file.write_text(text.replace(last, f"{last}  - file: {name}\n    title: {title}\n", 1), encoding="utf-8")


def in_body(site: Path) -> str:
    file = site / ITEM
    text = file.read_text(encoding="utf-8") + f"\n承辦資料：{planted_text()}\n"
    file.write_text(text, encoding="utf-8")
    return f"{ITEM}:{text.count(chr(10))}"


def in_header(site: Path) -> str:
    file = site / ITEM
    file.write_text(file.read_text(encoding="utf-8").replace(
        "summary: 測試用的櫃台案件統計。", f"summary: 測試用的櫃台案件統計，{planted_text()}。"), encoding="utf-8")
    return f"{ITEM}:5"


def in_odt(site: Path) -> str:
    make_odt(site / FOLDER / "notes.odt", f"聯絡人資料：{planted_text()}")
    attach(site, "notes.odt")
    return f"{FOLDER}/notes.odt"


def in_pdf(site: Path) -> str:
    make_pdf(site / FOLDER / "notes.pdf", f"聯絡人資料：{planted_text()}")
    attach(site, "notes.pdf")
    return f"{FOLDER}/notes.pdf"


@pytest.mark.parametrize("plant", [in_body, in_header, in_odt, in_pdf], ids=lambda plant: plant.__name__)
def test_each_planted_value_stops_the_build_masked(tmp_path, plant):
    site = copy_fixture_site(tmp_path / "site")
    path = plant(site)
    result = build_fixture_copy(site, tmp_path / "out")
    assert result.returncode == 2 and "Traceback" not in result.log, result.log
    lines = [line for line in result.stdout.splitlines() if ": personal-data [" in line]
    assert len(lines) == len(PLANTED), lines
    for rule, value, masked in PLANTED:
        [line] = [line for line in lines if f": {masked} (column " in line]
        assert line.startswith(f"{path}: personal-data [{rule}]: "), line
        assert value not in line, line
    if path.endswith("notes.pdf"):
        assert all("page 1, text line" in line for line in lines)
    if path.endswith("notes.odt"):
        assert all("the document body, text line" in line for line in lines)
    assert not (tmp_path / "out").exists()  # nothing was published


def test_an_allow_listed_value_and_a_wrong_check_digit_pass(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    allowlist = tmp_path / "allowlist.toml"
    project = (ROOT / ".ci/personal-data-allowlist.toml").read_text(encoding="utf-8")
    entry = '[[allow]]\nvalue = "B223456782"\nreason = "Published with consent, for this test."\n'
    allowlist.write_text(f"{project}\n{entry}", encoding="utf-8")
    text = f"範例：B223456782；檢查碼錯誤：{WRONG_CHECK_DIGIT}"
    make_pdf(site / FOLDER / "notes.pdf", text)
    attach(site, "notes.pdf")
    file = site / ITEM
    file.write_text(file.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    result = build_fixture_copy(site, tmp_path / "out", PERSONAL_DATA_ALLOWLIST=str(allowlist))
    assert result.returncode == 0, result.log
    assert (tmp_path / "out/disclosures/counter-statistics/notes.pdf").is_file()
    without = build_fixture_copy(site, tmp_path / "out2")  # the project's allow-list does not list it
    assert without.returncode == 2 and "B22****782" in without.stdout


# --- a person's name with a home address ---------------------------------------------------------

def test_a_name_with_a_home_address_in_a_news_body_is_one_masked_line(tmp_path):
    from support import build_fixture_copy, copy_fixture_site, problem_lines

    site = copy_fixture_site(tmp_path / "site")
    news = site / "content/news/2026-11-01-opening.zh-tw.md"
    text = news.read_text(encoding="utf-8") + "\n感謝熱心民眾陳小明君（住臺中市龍井區沙田路四段100號）拾獲證件送回。\n"
    news.write_text(text, encoding="utf-8")
    [line] = problem_lines(build_fixture_copy(site, tmp_path / "out"))
    assert line.startswith(f"content/news/2026-11-01-opening.zh-tw.md:{text.count(chr(10))}: personal-data "
                           "[name-address]: "), line
    assert "陳** at 臺中市龍井區沙田路四段*號" in line and "小明" not in line and "Fix: remove it" in line


def test_a_name_with_a_home_address_in_a_csv_attachment_names_the_linking_page(tmp_path):
    from support import build_fixture_copy, copy_fixture_site, problem_lines

    site = copy_fixture_site(tmp_path / "site")
    rows = "姓名,住址\n王大明,臺中市龍井區沙田路四段100號\n"
    (site / "content/files/winners.csv").write_text(rows, encoding="utf-8")
    guide = site / "content/guides/birth.zh-tw.md"
    text = guide.read_text(encoding="utf-8") + "\n名單：[得獎名單](/files/winners.csv)\n"
    guide.write_text(text, encoding="utf-8")
    [line] = problem_lines(build_fixture_copy(site, tmp_path / "out"))
    assert line.startswith("content/files/winners.csv:2: personal-data [name-address]: "), line
    assert f"(linked from content/guides/birth.zh-tw.md:{text.count(chr(10))})" in line
