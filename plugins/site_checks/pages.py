"""The built site as a list of pages: file paths, site-relative names and URLs."""

from __future__ import annotations

from pathlib import Path, PurePosixPath


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


def resolve(site: Path, url_path: str) -> Path | None:
    """The file a root-relative URL path serves, as a static server would, or None."""
    relative = PurePosixPath(url_path.split("?")[0].split("#")[0]).relative_to("/") if url_path.startswith("/") else None
    if relative is None:
        return None
    target = site / relative
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None
