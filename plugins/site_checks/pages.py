"""The built site as a list of pages: file paths, site-relative names and URLs, and the
selection a run works on (`--shard i/n`, `--only GLOB`), shared by the HTML check and the audit."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from .findings import CheckCannotRun


class PageSelectionError(CheckCannotRun):
    """A --shard value that cannot select pages."""

    def __init__(self, message: str, fix: str):
        super().__init__("--shard", "select", message, fix)


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


def parse_shard(text: str) -> tuple[int, int]:
    """(i, n) from 'i/n'; a malformed value or i outside 1..n is an error."""
    try:
        index, total = (int(part) for part in text.split("/"))
    except ValueError:
        raise PageSelectionError(
            f"--shard {text!r} is not i/n", "write it as i/n, e.g. --shard 1/4"
        ) from None
    if not 1 <= index <= total:
        raise PageSelectionError(
            f"--shard {text!r} has i outside 1..n", "write i between 1 and n, e.g. --shard 2/4"
        )
    return index, total


def select_files(
    files: list[Path], site: Path, shard: tuple[int, int] = (1, 1), only: str = "*"
) -> dict[str, Path]:
    """{name: path} of the files matching `only`, then every n-th of them for shard i of n."""
    index, total = shard
    names = [(page_name(site, path), path) for path in sorted(files)]
    names = [(name, path) for name, path in names if fnmatch.fnmatchcase(name, only)]
    return {name: path for n, (name, path) in enumerate(names) if n % total == index - 1}


def select_pages(site: Path, shard: tuple[int, int] = (1, 1), only: str = "*") -> dict[str, Path]:
    """{page name: path} of this run's HTML pages."""
    return select_files(html_pages(site), site, shard, only)
