"""A person with a keyboard, and a person at 320 px (400 % zoom), on the real home pages."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from site_checks.browser import chromium, serve, set_viewport

pytestmark = pytest.mark.browser
HOME_PAGES = ["/", "/en/"]
# Pages with the widest content: tables, long English words, definition lists.
REFLOW_PAGES = [*HOME_PAGES, "/services/", "/en/services/", "/en/faq/", "/en/accessibility/", "/en/news/",
                "/en/disclosures/", "/disclosures/budgets/", "/en/disclosures/office-organisation/",
                "/en/disclosures/service-quality-plan-2008/", "/review/", "/en/review/", "/en/contact/",
                "/en/guides/death/"]


@pytest.fixture(scope="module")
def base_url(real_site):
    with serve(real_site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


SCROLLING_BOXES = """
return [...document.querySelectorAll('body *')].filter(e => {
  const x = getComputedStyle(e).overflowX;
  return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1;
}).map(e => e.tagName + '.' + e.className);
"""


def active(driver):
    return driver.execute_script(
        "const e = document.activeElement; return [e.tagName, e.className, e.id, e.textContent.trim()];"
    )


@pytest.mark.parametrize("path", HOME_PAGES)
def test_first_tab_reaches_skip_link_and_enter_moves_focus_to_the_h1(browser, base_url, path):
    browser.get(base_url + path)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    tag, cls, _, text = active(browser)
    assert (tag, cls) == ("A", "skip-link"), f"first Tab focused {tag}.{cls}"
    assert text in ("跳到主要內容", "Skip to main content")
    visible = browser.execute_script(
        "const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0;")
    assert visible, "the focused skip link is not visible"
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert active(browser)[:3] == ["H1", "", "main-heading"]  # the title: a screen reader goes on from there
    ActionChains(browser).send_keys(Keys.TAB).perform()
    inside = browser.execute_script("return document.querySelector('main').contains(document.activeElement);")
    assert inside, "the Tab after the skip link left <main>"


@pytest.mark.parametrize("path", REFLOW_PAGES)
def test_no_horizontal_scroll_at_320_px(browser, base_url, path, tmp_path):
    driver = browser
    set_viewport(driver, 320, 800)
    try:
        driver.get(base_url + path)
        width = driver.execute_script("return window.innerWidth;")
        assert width == 320, f"viewport is {width}px"
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
        shot = tmp_path / f"page{path.replace('/', '-')}320.png"
        driver.save_screenshot(str(shot))
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px (see {shot})"
        boxes = driver.execute_script(SCROLLING_BOXES)
        assert boxes == [], f"{path}: parts that scroll sideways at 320px (keyboard users may not reach): {boxes}"
        assert shot.stat().st_size > 5000
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
