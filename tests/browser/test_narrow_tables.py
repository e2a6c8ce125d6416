"""Data tables at 320 px: no word or number broken in the middle, on every page with a table, and
the table's semantics intact for assistive technology (accessible names from Chromium)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_checks.browser import chromium, serve, set_viewport
from site_checks.pages import html_pages, page_name, page_url
from stacked_tables.stacked_tables import label_tables
from support import parse

pytestmark = pytest.mark.browser
WIDTH = 320

# Every run of letters, digits and signs (not Chinese characters, which may break anywhere) in
# the cells of the page's tables, checked character by character with the Range API: a character
# whose box starts below the previous one's is on a new line. A break right after - / – — is fine.
BROKEN_WORDS = r"""
const word = /[^\s\p{Script=Han}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]{2,}/gu;
const broken = [];
for (const cell of document.querySelectorAll('table caption, table th, table td')) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(word)) {
      let previous = null;
      for (let i = 0; i < match[0].length; i++) {
        const range = document.createRange();
        range.setStart(node, match.index + i);
        range.setEnd(node, match.index + i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        if (previous && box.top >= previous.bottom - 1 && !/[-\/–—]/.test(match[0][i - 1])) {
          broken.push(match[0].slice(0, i) + ' / ' + match[0].slice(i));
        }
        previous = box;
      }
    }
  }
}
return broken;
"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        set_viewport(driver, WIDTH, 900)
        yield driver


def table_pages(site: Path) -> list[str]:
    return [
        page_name(site, page)
        for page in html_pages(site)
        if "<table" in page.read_text(encoding="utf-8")
    ]


def broken_words(driver, base: str, names: list[str], shots: Path) -> dict[str, list[str]]:
    """{page: words broken inside} at 320 px; a screenshot of each page's first table in `shots`."""
    found = {}
    for name in names:
        driver.get(base + page_url(name))
        assert driver.execute_script("return window.innerWidth;") == WIDTH
        driver.execute_script("document.querySelector('table').scrollIntoView();")
        driver.save_screenshot(str(shots / (name.replace("/", "-") + ".png")))
        if broken := driver.execute_script(BROKEN_WORDS):
            found[name] = broken
    return found


def test_no_table_cell_breaks_a_word_at_320_px(real_site, browser, tmp_path):
    names = table_pages(real_site.output)
    assert {"services/index.html", "en/services/index.html", "en/accessibility/index.html",
            "disclosures/service-quality-plan-2008/index.html",
            "en/disclosures/service-quality-plan-2008/index.html"} <= set(names)
    with serve(real_site.output) as base:
        found = broken_words(browser, base, names, tmp_path)
    assert found == {}, f"words broken at {WIDTH} px (screenshots in {tmp_path}): {found}"


def test_the_check_catches_the_old_squeezed_columns(real_site, browser, tmp_path):
    """With the narrow-table rules taken out and `overflow-wrap: anywhere` back, as before."""
    site = Path(shutil.copytree(real_site.output, tmp_path / "site"))
    css = site / "theme/css/site.css"
    text = css.read_text(encoding="utf-8")
    start, end = text.index("/* tables:narrow"), text.index("/* end tables:narrow */")
    css.write_text(
        text[:start] + text[end:] + "\nth, td { overflow-wrap: anywhere; }\n", encoding="utf-8"
    )
    with serve(site) as base:
        found = broken_words(browser, base, ["en/services/index.html"], tmp_path)
    assert found and any(
        "naturalisati" in word or "NT$" in word for word in found["en/services/index.html"]
    )


def accessibility_tree(driver) -> list[tuple[str, str]]:
    """(role, name) of every node Chromium exposes to assistive technology, in tree order."""
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    return [
        (node.get("role", {}).get("value", ""), node.get("name", {}).get("value", ""))
        for node in nodes
        if not node.get("ignored")
    ]


def test_a_stacked_table_is_still_a_table_and_labels_are_not_read_twice(real_site, browser):
    doc = parse(real_site.output / "en/services/index.html")
    table = doc.select_one("table.stack")
    headers = [th.get_text() for th in table.thead.select("th")]
    cells = [td.get_text() for td in table.tbody.select("td")]
    with serve(real_site.output) as base:
        browser.get(base + "/en/services/")
        tree = accessibility_tree(browser)
    roles = [role for role, _ in tree]
    assert ("table", table.caption.get_text()) in tree
    assert [name for role, name in tree if role == "columnheader"] == headers
    assert [
        name for role, name in tree if role == "cell"
    ] == cells  # the value alone: no label in it
    assert roles.count("row") == len(table.select("tr"))
    label = browser.execute_script(
        "const cell = document.querySelector('table.stack td[data-label]');"
        "return getComputedStyle(cell, '::before').display;"
    )
    assert label == "block"  # shown beside each value at 320 px


def test_the_build_labels_each_cell_with_its_column_header():
    html = (
        "<p>x</p><table>\n<thead>\n<tr><th>Step</th><th>Fee <em>(NT$)</em></th></tr>\n</thead>\n"
        "<tbody>\n<tr><td>1</td><td>1,200</td></tr>\n</tbody>\n</table>"
        "<table><tr><td>no header</td></tr></table>"
    )
    labelled = label_tables(html)
    assert '<table class="stack">' in labelled
    assert '<td data-label="Step">1</td><td data-label="Fee (NT$)">1,200</td>' in labelled
    assert labelled.endswith("<table><tr><td>no header</td></tr></table>")


def test_every_content_table_of_the_real_site_is_labelled(real_site):
    for name in table_pages(real_site.output):
        for table in parse(real_site.output / name).select("main table"):
            if "stack" not in table.get("class", []):
                continue  # a template's own small table (the site map's accesskeys)
            headers = [th.get_text(" ", strip=True) for th in table.thead.select("th")]
            for row in table.tbody.select("tr"):
                assert [cell.get("data-label") for cell in row.select("th, td")] == headers, name
    assert parse(real_site.output / "services/index.html").select_one(
        "main table.stack td[data-label]"
    )
