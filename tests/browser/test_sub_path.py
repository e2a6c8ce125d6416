"""The site hosted under a sub-path (https://example.gov.tw/longjing/): SITEURL = "/longjing".
Links, assets, forms (search), feeds, the sitemap, robots.txt, hreflang and open data all carry
the sub-path; the link check with that sub-path passes; in Chromium, served under /longjing/,
the stylesheet and icons load, the console stays clean, and search results link below it."""

from __future__ import annotations

import json
import time
from xml.etree import ElementTree

import pytest

from site_checks.browser import chromium, serve
from site_checks.links import check_links
from support import build_fixture_copy, copy_fixture_site, html_pages, parse

ORIGIN, PATH = "https://example.gov.tw", "/longjing"
BASE = ORIGIN + PATH


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("sub-path")
    site = copy_fixture_site(work / "site")
    build = build_fixture_copy(site, work / "out", SITE_ORIGIN=ORIGIN, SITEURL=PATH)
    assert build.returncode == 0, build.log
    return work / "out"


def urls(page, selector: str, attribute: str) -> list[str]:
    return [element[attribute] for element in parse(page).select(selector)]


def test_every_root_relative_url_in_every_page_is_below_the_sub_path(sub_path_site):
    for page in html_pages(sub_path_site):
        found = (urls(page, "a[href]", "href") + urls(page, "link[href]", "href") + urls(page, "[src]", "src")
                 + urls(page, "form[action]", "action"))
        rooted = [url for url in found if url.startswith("/") and not url.startswith("//")]
        assert rooted, page
        assert all(url.startswith(PATH + "/") for url in rooted), [u for u in rooted if not u.startswith(PATH)]
        absolute = [url for url in found if url.startswith(ORIGIN)]
        assert all(url.startswith(BASE + "/") for url in absolute), absolute


def test_the_link_check_passes_with_the_sub_path_and_fails_without_it(sub_path_site):
    assert check_links(sub_path_site, ORIGIN, PATH) == []
    assert check_links(sub_path_site, ORIGIN, "") != []


def test_feeds_sitemap_robots_and_open_data_use_the_public_address(sub_path_site):
    atom = ElementTree.parse(sub_path_site / "feeds/en.atom.xml").getroot()
    links = [link.get("href") for link in atom.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(href.startswith(BASE + "/") for href in links), links
    sitemap = (sub_path_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}/</loc>" in sitemap and f"<loc>{ORIGIN}/en/" not in sitemap
    assert f"Sitemap: {BASE}/sitemap.xml" in (sub_path_site / "robots.txt").read_text()
    forms = json.loads((sub_path_site / "forms.json").read_text(encoding="utf-8"))
    assert json.dumps(forms).count(BASE + "/") > 0 and f'"{ORIGIN}/forms' not in json.dumps(forms)


@pytest.mark.browser
def test_pages_served_under_the_sub_path_load_their_stylesheet_and_icons(sub_path_site):
    with serve(sub_path_site, PATH) as base, chromium(console_log=True) as driver:
        assert base.endswith(PATH)
        for path in ("/", "/en/", "/guides/birth/", "/en/news/"):
            driver.get(base + path)
            time.sleep(0.3)
            rules = driver.execute_script("return document.styleSheets[0].cssRules.length")
            background = driver.execute_script(
                "return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
            assert rules > 10 and background != "rgba(0, 0, 0, 0)", path
            errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            assert errors == [], (path, errors)


@pytest.mark.browser
def test_search_under_the_sub_path_finds_pages_and_links_below_it(sub_path_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with serve(sub_path_site, PATH) as base, chromium() as driver:
        driver.get(base + "/en/search/?q=birth")
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "search-status").text)
        hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results h2 a")]
        assert hrefs, driver.find_element(By.ID, "search-status").text
        assert all(href.startswith(base + "/") for href in hrefs), hrefs
