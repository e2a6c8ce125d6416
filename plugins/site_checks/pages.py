"""The built site as a list of pages: file paths, site-relative names and URLs."""

from __future__ import annotations

from pathlib import Path


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of a built site, in a stable order."""
    return sorted(site.rglob("*.html"))


def page_name(site: Path, page: Path) -> str:
    """'en/about/index.html' for <site>/en/about/index.html."""
    return page.relative_to(site).as_posix()


def page_url(name: str) -> str:
    """The URL path that serves a page: '/en/about/' for 'en/about/index.html'."""
    path = "/" + name
    return path[: -len("index.html")] if path.endswith("/index.html") else path

