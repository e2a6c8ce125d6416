"""Printing a guide: headless Chromium's print-to-PDF of a typical guide is one A4 page, a
checklist with the page's address and the date the facts were checked."""

from __future__ import annotations

import base64
import datetime
import io
import subprocess

import pikepdf
import pytest

from site_checks.browser import chromium, serve
from sources.front_matter import read_source
from support import ROOT
from template_env.dates import format_for

pytestmark = pytest.mark.browser
A4 = {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": False}
TYPICAL = ["/guides/birth/", "/en/guides/birth/", "/guides/transcript/", "/en/guides/transcript/",
           "/guides/seal/", "/en/guides/seal/"]


@pytest.fixture(scope="module")
def printed(real_site):
    pages = {}
    with serve(real_site.output) as base, chromium() as driver:
        for path in TYPICAL:
            driver.get(base + path)
            data = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", A4)["data"])
            text = driver.execute_script("return document.body.innerText")
            pages[path] = (data, text)
    return pages


@pytest.mark.parametrize("path", TYPICAL)
def test_a_typical_guide_prints_on_one_a4_page(printed, path):
    data, _ = printed[path]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1, f"{path} prints on {len(pdf.pages)} pages"
        width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
        assert abs(width - 595) < 3 and abs(height - 842) < 3, "not A4"


@pytest.mark.parametrize("path, lang", [("/guides/birth/", "zh-tw"), ("/en/guides/birth/", "en")])
def test_the_printout_is_the_checklist_with_the_address_and_the_date(printed, path, lang):
    reviewed = read_source(ROOT / f"content/guides/birth.{lang}.md").header["reviewed"]
    date = format_for(datetime.date.fromisoformat(reviewed), lang)  # 民國115年12月4日 / 4 December 2026
    data, _ = printed[path]
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
    text = " ".join(text.decode("utf-8").split())
    assert f"{path}" in text and date in text, text[:400]
    assert ("應備文件" if path.startswith("/guides") else "What to bring") in text
    assert ("資料來源" if path.startswith("/guides") else "Sources") not in text  # on the web page only
