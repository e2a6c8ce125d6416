"""The site search as the tests and the benchmark use it in Chromium: run a query on a search
page, and count what a query fetches from /pagefind/."""

from __future__ import annotations

from urllib.parse import quote

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 15


def search(driver, base: str, page: str, query: str) -> str:
    """Open a search page with ?q= and wait for the live region; returns its text."""
    driver.get(f"{base}{page}?q={quote(query)}")
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.find_element(By.ID, "search-status").text)
    return driver.find_element(By.ID, "search-status").text


def query_bytes(sent: list[tuple[str, int]]) -> int:
    """The bytes fetched from /pagefind/ (engine, index chunks, results)."""
    return sum(size for path, size in sent if path.startswith("/pagefind/"))
