"""Citizens can speak back (issue 21), in the browser:

- the opinions page, the appointments page, the accessibility statement (its feedback section),
  the open-data page (the catalogue's tables), the contact page, a guide (its appointment line)
  and the home page (the footer's "report a problem") pass the whole gate in both languages: the
  Nu HTML Checker, axe-core in Chromium, the national rules (in the browser and as a source lint);
- with the office's e-mail confirmed (the fixture site), a keyboard user reaches "Report a
  problem with this page" by Tab, and the link Chromium holds opens a mail to the office whose
  subject, decoded as a mail program decodes it (RFC 6068), is this page's heading and address;
- with it unconfirmed (the real site), Enter on the link opens the contact page of the language;
- the catalogue's field lists open from the keyboard, and at 320 px (400 % zoom) the opinions and
  open-data pages need no sideways scrolling (screenshots at 320 and 1280 px are kept with the
  test's files)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from site_checks.__main__ import main as site_checks
from site_checks.browser import chromium, serve, set_viewport
from site_checks.national_lint import lint_findings

pytestmark = pytest.mark.browser

PAGES = [f"{prefix}{page}" for prefix in ("", "en/") for page in (
    "opinions/index.html", "appointments/index.html", "accessibility/index.html", "open-data/index.html",
    "contact/index.html", "guides/birth/index.html", "index.html")]
FIXTURE_ORIGIN = "https://fixture.example"


@pytest.fixture(scope="module")
def gated_site(real_site, tmp_path_factory):
    """The real build with only the pages under test (and every asset): one gate run over them."""
    site = tmp_path_factory.mktemp("speak-back") / "site"
    keep = {real_site.output / page for page in PAGES}

    def others(folder, names):
        return [name for name in names if name.endswith(".html") and Path(folder, name) not in keep]

    shutil.copytree(real_site.output, site, ignore=others)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "theme" not in p.parts and "pagefind" not in p.parts) == sorted(PAGES)
    return site


def test_the_pages_pass_the_html_check_axe_and_the_national_rules(gated_site, tmp_path, capsys):
    html = site_checks(["html", "--site", str(gated_site), "--all", "--cache", str(tmp_path / "html.json")])
    audit = site_checks(["audit", "--site", str(gated_site), "--all", "--workers", "1",
                         "--report-dir", str(tmp_path / "report"), "--cache-dir", str(tmp_path / "cache")])
    printed = capsys.readouterr().out
    assert (html, audit) == (0, 0), printed
    files = len(PAGES) + len(list(gated_site.rglob("*.css")))  # the pages and the style sheet
    assert f"HTML validation: {files} file(s) found, {files} checked" in printed
    report = json.loads((tmp_path / "report/audit.json").read_text(encoding="utf-8"))
    assert sorted(report["pages"]) == sorted(PAGES)
    for page, result in report["pages"].items():
        assert result["axe"]["violations"] == [] and not result["axe"]["error"], page
        assert not result["moda"]["error"], page
        assert [i for i in result["moda"]["issues"] if i["status"] not in ("info", "pass")] == [], page


def test_the_pages_pass_the_national_rules_source_lint(gated_site):
    assert lint_findings(gated_site) == []


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


def tab_to(driver, css, limit=200):
    """Press Tab until the element `css` has the focus (as a keyboard user would); its href."""
    ActionChains(driver).send_keys(Keys.TAB).perform()
    for _ in range(limit):
        if driver.execute_script(f"return document.activeElement.matches({css!r});"):
            return driver.execute_script("return document.activeElement.href;")
        ActionChains(driver).send_keys(Keys.TAB).perform()
    raise AssertionError(f"{limit} presses of Tab never reached {css}")


READ_MAILTO = """
const a = document.activeElement, href = a.getAttribute('href');
const [to, query] = href.slice('mailto:'.length).split('?');
const fields = Object.fromEntries(query.split('&').map(f => f.split('=')).map(([k, v]) => [k, decodeURIComponent(v)]));
return {to: decodeURIComponent(to), subject: fields.subject, name: a.textContent.trim(),
        heading: document.querySelector('h1').textContent.trim(), path: location.pathname};
"""


@pytest.mark.parametrize("path, words", [
    ("/opinions/", "網頁問題回報：{heading}（{address}）"),
    ("/en/guides/birth/", "Problem with the page: {heading} ({address})"),
    ("/news/opening/", "網頁問題回報：{heading}（{address}）"),
])
def test_the_keyboard_reaches_report_a_problem_and_the_mail_has_the_title_and_address(
        fixture_site, browser, path, words):
    with serve(fixture_site.output) as base:
        browser.get(base + path)
        tab_to(browser, "footer .report-problem a")
        mail = browser.execute_script(READ_MAILTO)
    assert mail["to"] == "office@fixture.example"
    assert mail["name"] in ("回報本頁問題", "Report a problem with this page")
    assert mail["subject"] == words.format(heading=mail["heading"], address=FIXTURE_ORIGIN + mail["path"])


@pytest.mark.parametrize("path, contact", [("/opinions/", "/contact/"), ("/en/open-data/", "/en/contact/")])
def test_unconfirmed_enter_on_report_a_problem_opens_the_contact_page(real_site, browser, path, contact):
    with serve(real_site.output) as base:
        browser.get(base + path)
        tab_to(browser, "footer .report-problem a")
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        assert urlsplit(browser.current_url).path == contact
        # the contact page, with the office's details in <main>
        assert browser.execute_script("return document.querySelector('main .office-details') !== null")


def test_the_catalogue_s_field_lists_open_from_the_keyboard(real_site, browser):
    with serve(real_site.output) as base:
        browser.get(base + "/en/open-data/")
        tab_to(browser, "table.metadata details.fields summary")
        assert not browser.execute_script("return document.activeElement.parentElement.open;")
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        assert browser.execute_script("return document.activeElement.parentElement.open;")
        shown = browser.execute_script(
            "return [...document.activeElement.parentElement.querySelectorAll('dt')]"
            ".filter(e => e.getBoundingClientRect().height > 0).length;")
        assert shown > 3


@pytest.mark.parametrize("path", ["/opinions/", "/en/opinions/", "/open-data/", "/en/open-data/",
                                  "/en/accessibility/"])
def test_at_320_px_nothing_scrolls_sideways(real_site, browser, tmp_path, path):
    with serve(real_site.output) as base:
        browser.get(base + path)
        browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true);")
        for width in (320, 1280):
            set_viewport(browser, width, 900)
            browser.save_screenshot(str(tmp_path / f"{path.strip('/').replace('/', '-')}-{width}.png"))
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width} px (see {tmp_path})"
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def accessibility_tree(driver) -> list[tuple[str, str]]:
    """(role, name) of every node Chromium exposes to assistive technology, in tree order."""
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    return [(node.get("role", {}).get("value", ""), node.get("name", {}).get("value", ""))
            for node in nodes if not node.get("ignored")]


def test_at_320_px_the_stacked_catalogue_is_still_a_table_of_row_headers(real_site, browser):
    """The tables stack at 320 px (display: block); a screen reader must still get a table whose
    rows each start with their header ("Licence", then its value)."""
    with serve(real_site.output) as base:
        browser.get(base + "/en/open-data/")
        set_viewport(browser, 320, 900)
        assert browser.execute_script("return getComputedStyle(document.querySelector('table.metadata')).display;") \
            == "block"
        tree = accessibility_tree(browser)
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    captions = [name for role, name in tree if role == "table"]
    assert len(captions) == 3 and all(name.startswith("The dataset “") for name in captions), captions
    headers = [name for role, name in tree if role == "rowheader"]
    assert headers[:10] == ["Dataset name", "Description", "Main fields", "Providing agency", "Contact",
                            "Update frequency", "Licence", "Charges", "Character encoding", "File formats"]
    assert len(headers) == 30
    assert ("link", "Report a problem with this page") in tree
