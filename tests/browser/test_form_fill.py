"""Every form's web page filled in as a citizen would, in headless Chromium under the site's
Content-Security-Policy: each field typed with the keyboard (names with rare characters such
as 堃 and 喆), the print button pressed, the page printed with Chromium's Page.printToPDF, and
every typed value found in the printout with pdftotext. While typing and printing no request
is made (Chromium's own network log and the web server's request log) and nothing is stored;
Enter in a field goes nowhere. axe-core and the national rules (a11y-moda) find nothing on the
page with the values typed and with the error summary shown. A keyboard alone fills a form
(Tab order, Space and the arrow keys on choices, Space on a check box), and the error
summary's links move focus to their fields. Without JavaScript the page says how to print,
and the browser's own print prints what was typed.

The expected fields come from the definitions (forms/*/form.yaml), not from the page."""

from __future__ import annotations

import base64
import datetime
import io
import json
import re
import subprocess
import time

import pikepdf
import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from forms import load_definitions
from forms.pages import WEB_CONTROLS, web_control
from personal_data import ALLOWLIST_FILE, load_allowlist
from site_checks.audit.config import load_rules
from site_checks.audit.moda import is_blocking, scan_pages
from site_checks.browser import chromium, serve, set_viewport
from site_search.policy import CONTENT_SECURITY_POLICY
from support import ROOT, policy_server
from template_env.dates import DATE_INPUTS

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules/axe-core/axe.min.js"
LANGUAGES = ["zh-tw", "en"]
ALLOWLIST = load_allowlist(ROOT / ALLOWLIST_FILE, datetime.date.today())
FORMS = load_definitions(ROOT / "forms", LANGUAGES, allowlist=ALLOWLIST)
PAGES = [(form, lang) for form in FORMS for lang in LANGUAGES]
PAGE_IDS = [f"{lang}/{form.id}" for form, lang in PAGES]
RARE = "堃喆"  # name characters outside the most common set: they must reach the paper too
PRINT_STUB = "window.__prints = 0; window.print = () => { window.__prints += 1; };"
STORED = """
const done = arguments[arguments.length - 1];
Promise.all([indexedDB.databases(), caches.keys()]).then(([databases, cacheNames]) => done({
  local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
  databases: databases.length, caches: cacheNames.length}));
"""
NOTHING_STORED = {"local": 0, "session": 0, "cookie": "", "databases": 0, "caches": 0}
# In print media: the boxes to write in (height in mm) and every text printed smaller than 9 pt.
PRINT_MEASURES = """
dispatchEvent(new Event('beforeprint'));
const mm = px => Math.round(px / (96 / 25.4) * 10) / 10;
const shown = e => e.getClientRects().length > 0;
const printed = [...document.querySelectorAll(
  '#fill .entry :is(input:not([type=radio], [type=checkbox]), textarea, .typed), #fill .hand-box, #fill .photo-box')]
  .filter(shown);
const boxes = printed.map(e => [e.closest('.field').id, e.className, mm(e.getBoundingClientRect().height),
                                mm(e.getBoundingClientRect().width)]);
const cut = printed.filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
  .map(e => e.closest('.field').id);
const copies = [...document.querySelectorAll('#fill .typed')].map(e => e.textContent);
const small = [...document.querySelectorAll('body *')].filter(e => shown(e)
    && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
    && parseFloat(getComputedStyle(e).fontSize) < 11.99)
  .map(e => `${e.tagName}.${e.className}: ${getComputedStyle(e).fontSize}`);
dispatchEvent(new Event('afterprint'));
return {boxes, small, cut, copies};
"""
# The typed values as attributes, so that the static scan of the national rules reads the page
# as it stands: values, ticks and the error summary.
SNAPSHOT = """
for (const input of document.querySelectorAll('input')) {
  if (input.type === 'radio' || input.type === 'checkbox') input.toggleAttribute('checked', input.checked);
  else input.setAttribute('value', input.value);
}
for (const area of document.querySelectorAll('textarea')) area.textContent = area.value;
return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;
"""


def page_path(form, lang: str) -> str:
    return f"/forms/{form.id}/" if lang == "zh-tw" else f"/en/forms/{form.id}/"


def fields(form):
    """(section id, field) for every field of a definition, in order."""
    return [(section.id, field) for section in form.definition.sections for field in section.fields]


def control(field) -> str:
    return WEB_CONTROLS[field.type].control


def date_parts(index: int, lang: str) -> dict[str, str]:
    year = "115" if lang == "zh-tw" else "2026"
    return {"year": year, "month": "3", "day": str(10 + index % 18)}


def typed_text(field, index: int, longer: bool = True) -> str:
    """What a citizen types into a text box: names and addresses with rare characters; with
    `longer`, every third name is longer than its box."""
    if field.type == "phone":
        return f"04-2635-{index:04d}"
    if field.type == "id-number":
        return f"a1{index:08d}"  # typed in lower case: printed in capitals
    if field.type == "address":
        return f"臺中市龍井區{RARE}里示範路{index}號"
    if field.lines > 1:
        return f"陳{RARE}{index:02d}號\n第二行{index:02d}"
    if longer and index % 3 == 0:  # longer than the box: printed whole, on two lines if need be
        return f"陳{RARE}{index:02d} CHRISTOPHERSON-WILLIAMS Alexandra Maria"
    return f"陳{RARE}{index:02d}"


def printed_forms(field, index: int, lang: str, longer: bool = True) -> list[str]:
    """What the printout must show for a field (without spaces): its typed value, its date, or
    ✓ before the chosen option."""
    kind = control(field)
    if kind == "date":
        parts = date_parts(index, lang)
        if lang == "zh-tw":
            return [f"民國{parts['year']}年{parts['month']}月{parts['day']}日"]
        return [f"Day{parts['day']}Month{parts['month']}Year{parts['year']}"]
    if kind == "radios":
        return ["✓" + "".join(field.choices[-1].label[lang].split())]
    if kind in ("checkbox", "hand"):
        return []
    value = typed_text(field, index, longer)
    value = value.upper() if field.type == "id-number" else value
    return ["".join(value.split())]


LOCAL_SCHEMES = ("chrome:", "chrome-untrusted:", "about:", "data:", "blob:")  # the browser's own, no network


def new_requests(driver) -> list[str]:
    """The URLs requested since the last call (Chromium's DevTools network log), but for the
    browser's own pages (its new tab page opens as it starts) and in-memory URLs."""
    found = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            url = message["params"].get("request", {}).get("url") or message["params"].get("url", "")
            if not url.startswith(LOCAL_SCHEMES):
                found.append(url)
    return found


def settle(driver, requests: list[str], seconds: float = 5.0) -> list[str]:
    """Wait until the page has loaded all it loads by itself (the icon comes after the page):
    no new request for 0.3 seconds; returns the URLs it loaded. What comes after that is the
    citizen's doing."""
    deadline, quiet_since, count = time.monotonic() + seconds, time.monotonic(), len(requests)
    loaded = new_requests(driver)
    while time.monotonic() < deadline and time.monotonic() - quiet_since < 0.3:
        time.sleep(0.1)
        more = new_requests(driver)
        if more or len(requests) != count:
            loaded += more
            quiet_since, count = time.monotonic(), len(requests)
    return loaded


def own_files_only(loaded: list[str], base: str, page: str) -> list[str]:
    """The URLs loaded that are not the page itself or one of the site's own theme files."""
    return [url for url in loaded if url != page and not re.fullmatch(re.escape(base) + r"/theme/[\w/.-]+\?v=\w+", url)]


def fill(driver, form, lang: str, longer: bool = True) -> int:
    """Type every field with the keyboard (Enter after each one-line box); returns the number
    of boxes ticked (chosen options and check boxes). `longer`: see typed_text."""
    ticks, page = 0, driver.current_url
    for index, (_, field) in enumerate(fields(form)):
        kind, box_id = control(field), f"f-{field.id}"
        if kind == "date":
            for part, value in date_parts(index, lang).items():
                driver.find_element(By.ID, f"{box_id}-{part}").send_keys(value, Keys.ENTER)
                assert driver.current_url == page, f"Enter in {box_id}-{part} went to {driver.current_url}"
        elif kind == "radios":
            last = len(field.choices)
            driver.find_element(By.ID, box_id if last == 1 else f"{box_id}-{last}").send_keys(Keys.SPACE)
            ticks += 1
        elif kind == "checkbox":
            driver.find_element(By.ID, box_id).send_keys(Keys.SPACE)
            ticks += 1
        elif kind == "textarea":
            driver.find_element(By.ID, box_id).send_keys(typed_text(field, index, longer))
        elif kind == "input":
            driver.find_element(By.ID, box_id).send_keys(typed_text(field, index, longer), Keys.ENTER)
            assert driver.current_url == page, f"Enter in {box_id} went to {driver.current_url}"
    return ticks


A4_POINTS = (595, 842)
ENTRY_COLUMN_POINTS = 247  # the left edge of the "Fill in here" column: the 15 mm margin + 40 % of 180 mm


def pdftotext(data: bytes, *options: str) -> str:
    """poppler's text of a PDF, without white space."""
    return "".join(subprocess.run(["pdftotext", *options, "-", "-"], input=data, capture_output=True,
                                  check=True).stdout.decode("utf-8").split())


def pdf_texts(data: bytes) -> dict[str, str]:
    """The printed text as poppler reads it, without white space: the whole page in reading
    order and as laid out (a heading is whole in one of them), and the "Fill in here" column
    alone, as laid out: what was typed, each box's lines together, nothing of the labels."""
    width, height = A4_POINTS
    return {"reading": pdftotext(data), "layout": pdftotext(data, "-layout"),
            "entries": pdftotext(data, "-layout", "-x", str(ENTRY_COLUMN_POINTS), "-y", "0",
                                 "-W", str(width - ENTRY_COLUMN_POINTS), "-H", str(height))}


def not_printed(form, lang: str, texts: dict[str, str], longer: bool = True) -> list[tuple[str, str]]:
    """(field, value) of every typed value the "Fill in here" column does not show."""
    return [(field.id, value) for index, (_, field) in enumerate(fields(form))
            for value in printed_forms(field, index, lang, longer) if value not in texts["entries"]]


def page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


def run_axe(driver) -> list:
    """axe-core's violations on the page as it stands (axe is preloaded in every page)."""
    result = Axe(driver, script_url=str(AXE)).run(options=load_rules(ROOT / ".ci/axe-rules.toml").axe_options())
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


@pytest.fixture(scope="module")
def site(real_site):
    requests: list[str] = []
    with policy_server(real_site.output, CONTENT_SECURITY_POLICY, requests) as (base, _):
        yield base, requests


@pytest.fixture(scope="module")
def browser():
    with chromium(network_log=True, preload_script=AXE.read_text(encoding="utf-8")) as driver:
        yield driver


@pytest.fixture(scope="module")
def browser_without_javascript():
    with chromium(network_log=True) as driver:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        yield driver


@pytest.fixture(scope="module")
def filled(site, browser):
    """Each page filled in, printed and audited: {page id: what was seen}."""
    base, requests = site
    seen = {}
    for form, lang in PAGES:
        page_id = (form.id, lang)
        url = base + page_path(form, lang)
        new_requests(browser)  # what the page before loaded
        browser.get(url)
        browser.execute_script(PRINT_STUB)
        loaded = settle(browser, requests)
        served = len(requests)
        ticks = fill(browser, form, lang)
        browser.find_element(By.ID, "form-print").click()
        summary_shown = browser.find_element(By.ID, "form-errors").is_displayed()
        prints = browser.execute_script("return window.__prints")
        pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        measures = browser.execute_script(PRINT_MEASURES)
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        seen[page_id] = {"measures": measures,
            "url": browser.current_url, "expected_url": url, "summary_shown": summary_shown, "prints": prints,
            "ticks": ticks, "texts": pdf_texts(pdf), "pages": page_count(pdf),
            "requests": new_requests(browser) + requests[served:], "loaded": own_files_only(loaded, base, url),
            "stored": browser.execute_async_script(STORED),
            "axe_typed": run_axe(browser), "snapshot_typed": browser.execute_script(SNAPSHOT),
        }
        browser.get(url)
        browser.execute_script(PRINT_STUB)
        browser.find_element(By.ID, "form-print").click()
        seen[page_id]["summary_links"] = len(browser.find_elements(By.CSS_SELECTOR, "#form-errors-list a"))
        seen[page_id]["axe_summary"] = run_axe(browser)
        seen[page_id]["snapshot_summary"] = browser.execute_script(SNAPSHOT)
    return seen


@pytest.fixture(scope="module")
def national(filled, real_site, tmp_path_factory):
    """The national rules (a11y-moda, as the audit runs them) over the snapshots of each page:
    with the values typed, and with the error summary shown."""
    folder = tmp_path_factory.mktemp("snapshots")
    (folder / "theme").symlink_to(real_site.output / "theme", target_is_directory=True)
    html = {}
    for (form_id, lang), seen in filled.items():
        for state in ("typed", "summary"):
            name = f"{lang}-{form_id}-{state}.html"
            html[name] = seen[f"snapshot_{state}"].encode("utf-8")
            (folder / name).write_bytes(html[name])
    with serve(folder) as base:
        return scan_pages({name: f"{base}/{name}" for name in html}, html, lambda name: None)


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_every_typed_value_is_on_the_printed_form(filled, form, lang):
    seen = filled[form.id, lang]
    assert (seen["summary_shown"], seen["prints"]) == (False, 1), "a filled form must print at the first press"
    assert not_printed(form, lang, seen["texts"]) == []
    assert seen["texts"]["entries"].count("✓") == seen["ticks"], "a chosen option or a ticked box is not ticked"
    for heading in (form.definition.title[lang], *(section.title[lang] for section in form.definition.sections)):
        heading = "".join(heading.split())
        assert heading in seen["texts"]["reading"] or heading in seen["texts"]["layout"], f"{heading!r} is not printed"


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_the_printout_is_the_form_alone_as_the_pdf_lays_it_out(filled, real_site, form, lang):
    seen = filled[form.id, lang]
    text = seen["texts"]["reading"]
    for page_part in (("下載", "SHA-256", "在本網頁填寫", "列印或另存為PDF", "範例：") if lang == "zh-tw"
                      else ("Downloads", "SHA-256", "Fillitinonthispage", "PrintorsaveasPDF", "Example:")):
        assert page_part not in text, f"{page_part!r} is printed"
    assert ("第1頁，共" if lang == "zh-tw" else "Page1of") in text  # the PDF's footer
    with pikepdf.open(real_site.output / "forms" / form.id / f"{form.id}-blank-{lang}.pdf") as blank:
        pages = len(blank.pages)
    assert abs(seen["pages"] - pages) <= 1, f"{seen['pages']} pages printed; the blank PDF has {pages}"


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_the_printed_boxes_are_made_for_handwriting_and_no_text_is_under_9_pt(filled, form, lang):
    measures = filled[form.id, lang]["measures"]
    assert measures["boxes"], "no box measured"
    assert [(row, height) for row, _, height, _ in measures["boxes"] if height < 9] == [], "boxes under 9 mm"
    heights = {f"row-{field.id}": web_control(field)["print_mm"] for _, field in fields(form)}
    lower = [(row, height, heights[row]) for row, kind, height, _ in measures["boxes"]
             if kind != "photo-box" and height < heights[row] - 0.2]
    assert lower == [], "boxes lower than the definition (and the PDF) makes them"
    photos = [(height, width) for _, kind, height, width in measures["boxes"] if kind == "photo-box"]
    assert len(photos) == sum(field.type == "photo" for _, field in fields(form))
    assert all(abs(height - 45) < 0.5 and abs(width - 35) < 0.5 for height, width in photos), photos
    assert measures["small"] == [], "text printed under 9 pt"
    assert measures["cut"] == [], "typed text cut off on paper"
    typed = [f for _, f in fields(form) if control(f) in ("input", "textarea", "date")]
    assert len(measures["copies"]) == sum(3 if control(f) == "date" else 1 for f in typed), "a box not printed as text"


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_nothing_typed_leaves_the_computer(filled, form, lang):
    seen = filled[form.id, lang]
    assert seen["loaded"] == [], "the page loaded more than itself and the site's own theme files"
    assert seen["requests"] == [], "requests made while typing and printing"
    assert seen["url"] == seen["expected_url"], "Enter in a field went to another address"
    assert seen["stored"] == NOTHING_STORED


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
def test_axe_finds_nothing_with_values_typed_and_with_the_error_summary(filled, form, lang):
    seen = filled[form.id, lang]
    required = [f for _, f in fields(form) if f.required and control(f) != "hand"]
    assert seen["summary_links"] == len(required) > 0
    assert (seen["axe_typed"], seen["axe_summary"]) == ([], [])


@pytest.mark.parametrize(("form", "lang"), PAGES, ids=PAGE_IDS)
@pytest.mark.parametrize("state", ["typed", "summary"])
def test_the_national_rules_find_nothing(national, form, lang, state):
    result = national[f"{lang}-{form.id}-{state}.html"]
    assert result["error"] == ""
    assert [(i["code"], i["message"]) for i in result["issues"] if is_blocking(i)] == []


# --- the keyboard alone ---------------------------------------------------------------------

def covering(forms) -> list:
    """The fewest forms (greedy) that together have every kind of control of all forms."""
    kinds = {form.id: {control(f) for _, f in fields(form)} - {"hand"} for form in forms}
    wanted, chosen = set().union(*kinds.values()), []
    while wanted:
        best = max(forms, key=lambda form: len(kinds[form.id] & wanted))
        chosen.append(best)
        wanted -= kinds[best.id]
    return chosen


KEYBOARD_PAGES = [(form, lang) for form in covering(FORMS) for lang in LANGUAGES]
KEYBOARD_IDS = [f"{lang}/{form.id}" for form, lang in KEYBOARD_PAGES]


def tab_stops(form, lang: str) -> list[tuple[str, object, str]]:
    """(id, field, date part) of every stop Tab must reach in the form, in order: one per
    choice, none for a box signed by hand, each part of a date; then the print button."""
    stops = []
    for _, field in fields(form):
        kind = control(field)
        if kind == "date":
            stops += [(f"f-{field.id}-{part}", field, part) for part in DATE_INPUTS[lang].order]
        elif kind != "hand":
            stops.append((f"f-{field.id}", field, ""))
    return [*stops, ("form-print", None, "")]


def active_id(driver) -> str:
    return driver.execute_script("return document.activeElement.id")


def press(driver, *keys) -> None:
    ActionChains(driver).send_keys(*keys).perform()


LAST_LINK_BEFORE_THE_FORM = """
const form = document.getElementById('fill');
[...document.querySelectorAll('a[href]')]
  .filter((a) => a.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).pop().focus();
"""


@pytest.mark.parametrize(("form", "lang"), KEYBOARD_PAGES, ids=KEYBOARD_IDS)
def test_the_keyboard_alone_fills_and_prints_a_form(site, browser, form, lang):
    base, _ = site
    browser.get(base + page_path(form, lang))
    browser.execute_script(PRINT_STUB + LAST_LINK_BEFORE_THE_FORM)  # the Tab after it reaches the first field
    reached = []
    stops = tab_stops(form, lang)
    for stop, field, part in stops:
        press(browser, Keys.TAB)
        reached.append(active_id(browser))
        if field is None or reached[-1] != stop:
            continue
        kind = control(field)
        if kind == "radios":
            press(browser, Keys.SPACE, Keys.ARROW_RIGHT)  # the first option, then the next one
        elif kind == "checkbox":
            press(browser, Keys.SPACE)
        elif kind == "date":
            press(browser, date_parts(0, lang)[part])
        else:
            press(browser, typed_text(field, 0))
    assert reached == [stop for stop, _, _ in stops]
    press(browser, Keys.ENTER)  # on the print button
    assert browser.execute_script("return window.__prints") == 1
    assert not browser.find_element(By.ID, "form-errors").is_displayed()
    for _, field in fields(form):
        if control(field) == "radios":
            assert browser.find_element(By.ID, f"f-{field.id}-2").is_selected(), field.id
        elif control(field) == "checkbox":
            assert browser.find_element(By.ID, f"f-{field.id}").is_selected(), field.id
        elif control(field) in ("input", "textarea"):
            typed = typed_text(field, 0)
            expected = typed.upper() if field.type == "id-number" else typed  # in capitals once typed
            assert browser.find_element(By.ID, f"f-{field.id}").get_attribute("value") == expected


@pytest.mark.parametrize(("form", "lang"), KEYBOARD_PAGES, ids=KEYBOARD_IDS)
def test_the_error_summary_lists_the_empty_fields_and_its_links_move_focus(site, browser, form, lang):
    base, _ = site
    browser.get(base + page_path(form, lang))
    browser.execute_script(PRINT_STUB + "document.getElementById('form-print').focus();")
    press(browser, Keys.ENTER)
    assert active_id(browser) == "form-errors", "focus must move to the error summary"
    assert browser.execute_script("return window.__prints") == 0
    assert browser.find_element(By.CSS_SELECTOR, "#form-errors [role=alert] h3").is_displayed()
    links = browser.find_elements(By.CSS_SELECTOR, "#form-errors-list a")
    required = [f for _, f in fields(form) if f.required and control(f) != "hand"]
    labels = [link.text.split("：" if lang == "zh-tw" else ": ")[0] for link in links]
    assert labels == [f.label[lang] for f in required]
    for number, field in enumerate(required):
        browser.execute_script("document.getElementById('form-errors').focus();")  # back to the summary
        press(browser, *([Keys.TAB] * (number + 1)), Keys.ENTER)
        target = active_id(browser)
        first = (f"f-{field.id}-{DATE_INPUTS[lang].order[0]}" if control(field) == "date" else f"f-{field.id}")
        assert target == first, f"{field.id}: the link moved focus to {target!r}"
        error = browser.find_element(By.ID, f"{first}-error")
        assert error.text.endswith(links[number].text)
        described = browser.find_element(By.ID, f"row-{field.id}") if control(field) in ("date", "radios") \
            else browser.find_element(By.ID, first)
        assert f"{first}-error" in described.get_attribute("aria-describedby").split()
    browser.find_element(By.ID, "form-print").click()  # the same fields still empty: it prints
    assert browser.execute_script("return window.__prints") == 1
    browser.find_element(By.ID, "form-print-anyway").click()
    assert browser.execute_script("return window.__prints") == 2


@pytest.mark.parametrize(("form", "lang"), KEYBOARD_PAGES, ids=KEYBOARD_IDS)
def test_the_page_and_its_error_summary_fit_320_px(site, browser, form, lang, tmp_path):
    base, _ = site
    set_viewport(browser, 320, 800)
    try:
        browser.get(base + page_path(form, lang))
        browser.execute_script(PRINT_STUB)
        browser.find_element(By.ID, "form-print").click()
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
        shot = tmp_path / f"form-{lang}-320.png"
        browser.save_screenshot(str(shot))
        assert overflow <= 0, f"scrolls sideways by {overflow}px at 320 px (see {shot})"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# --- without JavaScript ---------------------------------------------------------------------

@pytest.mark.parametrize(("form", "lang"), KEYBOARD_PAGES, ids=KEYBOARD_IDS)
def test_without_javascript_enter_goes_nowhere_and_the_browser_prints_what_was_typed(
        site, browser_without_javascript, form, lang):
    base, requests = site
    driver = browser_without_javascript
    url = base + page_path(form, lang)
    new_requests(driver)
    driver.get(url)
    settle(driver, requests)
    served = len(requests)
    assert driver.find_element(By.ID, "form-print-nojs").is_displayed()
    assert not driver.find_element(By.ID, "form-print").is_displayed()
    fill(driver, form, lang, longer=False)  # an input cannot wrap: a longer value needs the script
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    assert driver.current_url == url
    assert new_requests(driver) + requests[served:] == []
    assert not_printed(form, lang, pdf_texts(pdf), longer=False) == []
