"""The site search in headless Chromium, on the built real site served with the Content-Security-
Policy of docs/search.md (site_search.policy): the issue's queries find the expected guide or
form in the top 3 in both languages; the live region holds the count in the page's language;
the results pass axe; the keyboard reaches every result; the header form sends its query to the
search page of its language; without JavaScript the search page says what to use instead; a
stricter policy makes the failure visible; one query fetches less than 150 KB; and the header
search form costs no height at 320 px."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from axe_selenium_python import Axe
from search_support import WAIT_SECONDS, query_bytes, search
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from site_checks.audit.config import load_rules
from site_checks.browser import chromium, set_viewport
from site_search.policy import CONTENT_SECURITY_POLICY
from support import ROOT, parse, policy_server

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules/axe-core/axe.min.js"
QUERY_BUDGET_BYTES = 150 * 1024

# query -> the guides and forms (by slug/id) of which one must be among the first 3 results
ZH_QUERIES = {
    "戶籍謄本": ("guides/transcript", "forms/transcript-application"),
    "印鑑": ("guides/seal", "forms/seal-application"),
    "結婚": ("guides/marriage", "forms/marriage-agreement"),
    "身分證": ("guides/id-card", "forms/id-card-application"),
    "戶政事務所": ("contact", "about"),  # the office itself: its contact page or its about page
    "委託書": ("forms/letter-of-authorisation",),  # the form itself (its page or its file)
    "遷入": ("guides/moving", "forms/moving-application"),
}
EN_QUERIES = {
    "transcript": ("guides/transcript", "forms/transcript-application", "forms/english-transcript-application"),
    "seal": ("guides/seal", "forms/seal-application"),
    "marriage": ("guides/marriage", "forms/marriage-agreement"),
    "ID card": ("guides/id-card", "forms/id-card-application"),
    "power of attorney": ("guides/delegation", "forms/letter-of-authorisation"),
    "moving": ("guides/moving", "forms/moving-application"),
}


@pytest.fixture(scope="module")
def site(real_site):
    with policy_server(real_site.output, CONTENT_SECURITY_POLICY) as (base, sent):
        yield base, sent


@pytest.fixture(scope="module")
def browser():
    with chromium(console_log=True) as driver:
        yield driver


def console_problems(driver) -> list[str]:
    return [f"{e['level']}: {e['message']}" for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def result_paths(driver) -> list[str]:
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results h2 a")
    return [urlsplit(a.get_attribute("href")).path for a in links]


def expected_in_top_3(paths: list[str], expected: tuple[str, ...], prefix: str) -> bool:
    """A result is expected if it is one of the pages (in the page's language) or a file of an
    expected form (files are under /forms/<id>/ in both languages)."""
    for path in paths[:3]:
        for target in expected:
            if path == f"{prefix}/{target}/" or (target.startswith("forms/") and path.startswith(f"/{target}/")):
                return True
    return False


@pytest.mark.parametrize(("prefix", "query", "expected"),
                         [("", query, expected) for query, expected in ZH_QUERIES.items()]
                         + [("/en", query, expected) for query, expected in EN_QUERIES.items()])
def test_a_query_finds_the_expected_guide_or_form_in_the_top_3(site, browser, prefix, query, expected):
    base, _ = site
    search(browser, base, f"{prefix}/search/", query)
    paths = result_paths(browser)
    assert expected_in_top_3(paths, expected, prefix), f"{query}: top 3 are {paths[:3]}"
    assert console_problems(browser) == []


@pytest.mark.parametrize(("page", "query", "pattern"), [
    ("/search/", "戶籍謄本", r"「戶籍謄本」找到 (\d+) 筆結果"),
    ("/en/search/", "transcript", r"(\d+) results for “transcript”"),
    ("/en/search/", "xylophone", r"No results for “xylophone”\. Try another word, or use the links below\.()"),
])
def test_the_live_region_announces_the_count_in_the_page_language(site, browser, page, query, pattern):
    base, _ = site
    text = search(browser, base, page, query)
    status = browser.find_element(By.ID, "search-status")
    assert status.get_attribute("role") == "status"  # a polite live region
    match = re.fullmatch(pattern, text)
    assert match, text
    count = int(match.group(1) or 0)
    shown = len(result_paths(browser))
    assert shown == min(count, 10)
    assert browser.find_element(By.ID, "search-more").is_displayed() == (count > 10)
    assert browser.find_element(By.ID, "search-results").is_displayed() == (count > 0)


def keywords_of(output, path: str) -> str:
    """A page's hidden search keywords (templates/guide.html), '' when it has none."""
    page = output / path.lstrip("/") / "index.html"
    found = parse(page).select_one("#search-keywords") if page.is_file() else None
    return " ".join(found.get_text().split()) if found else ""


@pytest.mark.parametrize(("prefix", "query"), [("", query) for query in ZH_QUERIES]
                         + [("/en", query) for query in EN_QUERIES])
def test_an_excerpt_is_never_the_hidden_keywords(site, browser, real_site, prefix, query):
    """A guide's keywords are in the index, never in what a result shows (or a screen reader says)."""
    base, _ = site
    search(browser, base, f"{prefix}/search/", query)
    items = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    checked = 0
    for item in items:
        path = urlsplit(item.find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href")).path
        keywords = keywords_of(real_site.output, path)
        excerpt = " ".join(item.find_element(By.CLASS_NAME, "search-excerpt").text.split())
        if keywords and len(keywords.split()) > 1:
            checked += 1
            assert keywords not in excerpt, f"{query}: {path} shows its hidden keywords: {excerpt}"
    assert checked, f"{query}: no result with keywords was shown, so nothing was checked"


@pytest.mark.parametrize(("page", "query"), [("/search/", "戶政事務所"), ("/en/search/", "ID card")])
def test_the_results_pass_axe(site, browser, page, query):
    base, _ = site
    search(browser, base, page, query)
    assert browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    axe = Axe(browser, script_url=str(AXE))
    axe.inject()
    result = axe.run(options=load_rules(ROOT / ".ci/axe-rules.toml").axe_options())
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []


def focused(driver) -> dict:
    return driver.execute_script(
        "const e = document.activeElement; return {tag: e.tagName, id: e.id || e.parentElement.id,"
        " href: e.href || '', result: !!e.closest('#search-results')};")


def test_the_keyboard_reaches_every_result_and_more_results(site, browser):
    base, _ = site
    text = search(browser, base, "/search/", "戶政事務所")
    total = int(re.search(r"(\d+) 筆", text).group(1))
    assert total > 20, "the query must need the More results button twice"
    browser.execute_script("document.getElementById('search-q').focus();")
    reached = []
    for _ in range(total * 2 + 10):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        now = focused(browser)
        if now["id"] == "search-more":
            ActionChains(browser).send_keys(Keys.ENTER).perform()
            WebDriverWait(browser, WAIT_SECONDS).until(lambda d: focused(d)["result"])
            now = focused(browser)  # focus moved to the first new result
        if now["result"]:
            reached.append(now["href"])
        elif reached:
            break  # past the last result
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results h2 a")]
    assert len(links) == total and reached == links


def test_the_header_form_sends_the_query_to_the_search_page_of_its_language(site, browser):
    base, _ = site
    browser.get(base + "/en/guides/birth/")
    field = browser.find_element(By.CSS_SELECTOR, "header form[role=search] input[name=q]")
    assert field.get_attribute("accesskey") == "S"
    field.send_keys("marriage", Keys.ENTER)
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: d.find_element(By.ID, "search-status").text)
    assert urlsplit(browser.current_url).path == "/en/search/" and "q=marriage" in browser.current_url
    assert browser.find_element(By.ID, "search-q").get_attribute("value") == "marriage"
    assert result_paths(browser)[0] == "/en/guides/marriage/"
    first = browser.find_element(By.CSS_SELECTOR, "#search-results li")
    assert first.find_element(By.CSS_SELECTOR, ".search-section").text == "Section: Application guide"
    assert first.find_element(By.CSS_SELECTOR, ".search-excerpt mark").text
    # a new query from the search page's own form goes into the URL (bookmarks, the Back button)
    own = browser.find_element(By.ID, "search-q")
    own.clear()
    own.send_keys("seal", Keys.ENTER)
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: "“seal”" in d.find_element(By.ID, "search-status").text)
    assert browser.current_url.endswith("/en/search/?q=seal")
    browser.back()
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: "“marriage”" in d.find_element(By.ID, "search-status").text)


def test_without_javascript_the_search_page_says_what_to_use_instead(site):
    base, _ = site
    with chromium() as driver:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(base + "/guides/birth/")
        driver.find_element(By.ID, "site-search-q").send_keys("結婚", Keys.ENTER)
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: urlsplit(d.current_url).path == "/search/")
        notice = driver.find_element(By.ID, "search-nojs")
        assert notice.is_displayed() and "JavaScript" in notice.text
        assert not driver.find_element(By.ID, "search-form").is_displayed()
        assert not driver.find_element(By.ID, "search-results").is_displayed()
        links = {urlsplit(a.get_attribute("href")).path for a in driver.find_elements(By.CSS_SELECTOR, "main a")
                 if a.is_displayed()}
        assert {"/sitemap/", "/guides/", "/forms/"} <= links


def test_a_policy_without_wasm_unsafe_eval_shows_the_failure(real_site):
    policy = CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", "")
    assert policy != CONTENT_SECURITY_POLICY
    with policy_server(real_site.output, policy) as (base, _), chromium() as driver:
        text = search(driver, base, "/en/search/", "marriage")
        assert text == "Search could not start in this browser. Please use the links below."


def test_every_page_under_the_policy_logs_no_console_problem(site, browser, real_site):
    base, _ = site
    pages = sorted(p.relative_to(real_site.output).as_posix() for p in real_site.output.rglob("*.html"))
    found = {}
    for name in pages:
        browser.get(f"{base}/{name.removesuffix('index.html')}")
        if problems := console_problems(browser):
            found[name] = problems
    assert found == {}


def test_one_query_fetches_less_than_150_kb(real_site):
    with policy_server(real_site.output, CONTENT_SECURITY_POLICY) as (base, sent), chromium() as driver:
        search(driver, base, "/search/", "戶籍謄本")
        first = query_bytes(sent)
        sent.clear()
        field = driver.find_element(By.ID, "search-q")
        field.clear()
        field.send_keys("結婚", Keys.ENTER)
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: "結婚" in d.find_element(By.ID, "search-status").text)
        second = query_bytes(sent)
    sizes = json.dumps({"first query (engine, index, results)": first, "next query": second})
    assert 0 < second < first < QUERY_BUDGET_BYTES, sizes


# --- the header's search form at 320 px ----------------------------------------------------------

HEADER_PAGES = ["/", "/en/", "/guides/delegation/", "/en/guides/initial-registration/",
                "/en/forms/letter-of-authorisation/"]
HEADER_HEIGHTS = """
const header = document.querySelector('.site-header');
const form = header.querySelector('.site-search');
const h1 = document.querySelector('h1').getBoundingClientRect();
const withForm = header.getBoundingClientRect().height;
form.style.display = 'none';
const without = header.getBoundingClientRect().height;
form.style.display = '';
return [withForm, without, h1.top, innerHeight];
"""
TALL_FORM = "document.querySelector('.site-search').style.flexBasis = '100%';"


def header_heights(driver, base: str, path: str, plant: str = "") -> tuple[float, float, float, int]:
    driver.get(base + path)
    if plant:
        driver.execute_script(plant)
    return tuple(driver.execute_script(HEADER_HEIGHTS))


@pytest.mark.parametrize("path", HEADER_PAGES)
def test_at_320_px_the_search_form_adds_no_height_and_the_h1_is_on_the_first_screen(site, browser, path):
    base, _ = site
    set_viewport(browser, 320, 568)
    try:
        with_form, without, h1_top, screen = header_heights(browser, base, path)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert with_form == without, f"the search form makes the header {with_form - without}px taller at 320 px"
    assert h1_top + 40 < screen, f"the h1 starts at {h1_top}px of a {screen}px screen"


def test_the_height_check_catches_a_search_form_on_its_own_line(site, browser):
    base, _ = site
    set_viewport(browser, 320, 568)
    try:
        with_form, without, _, _ = header_heights(browser, base, "/", plant=TALL_FORM)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert with_form > without
