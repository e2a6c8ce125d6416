"""Links inside the site that lead nowhere, found by the build (not only by `make check`) and
named at the Markdown file and line that wrote them.

Run once the pages are written (site_build calls `broken_links` on the fresh folder before it
replaces the output): every link and image address from the site root in an item's body and
header values (`/guides/birth/`, `/files/map.png`) must be a file of that folder — a page
folder with its index.html, or a file. A link with a `#part` is checked for the page only.
Each wrong address is one line per file, at its first occurrence; the same wrong address in
the Chinese and English file is a line for each (each file is edited on its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from problems import Problem

STAGE = "links"
RULE = "link-internal"
# href="/…", src="/…" (a root-relative address; //host is another site)
ADDRESS = re.compile(r"""\s(?:href|src|poster)=(["'])(/(?!/)[^"']*)\1""")
FIX = ("correct the address: a page is linked as its folder (`/guides/birth/`, `/en/guides/birth/`), a file as "
       "`/files/<name>`; see the site map page for every page's address")


def served(output: Path, path: str) -> bool:
    """True when a static server sends a file for this URL path from `output`."""
    segments = [segment for segment in unquote(path).split("/") if segment]
    if any(segment in (".", "..") for segment in segments):
        return False
    target = output.joinpath(*segments)
    return (not path.endswith("/") and target.is_file()) or (target / "index.html").is_file()


def addresses(html: str, base: str) -> list[str]:
    """The root-relative addresses of rendered HTML, in order, without the site's base."""
    found = []
    for match in ADDRESS.finditer(html):
        address = match.group(2)
        if base and address.startswith(base + "/"):
            address = address[len(base):]
        found.append(address)
    return found


def rendered_html(item) -> str:
    """The item's body and every header value rendered from Markdown, as one text."""
    parts = [str(item.content)]

    def walk(value) -> None:
        if isinstance(value, Markup):
            parts.append(str(value))
        elif isinstance(value, dict):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, (list, tuple)):
            for inner in value:
                walk(inner)

    walk(dict(item.fields))
    return "\n".join(parts)


def line_of(source: str, address: str) -> int:
    """The line that writes an address first: as a Markdown link target, in quotes, or bare."""
    for needle in (f"]({address}", f'"{address}"', f"'{address}'", address):
        offset = source.find(needle)
        if offset >= 0:
            return source.count("\n", 0, offset) + 1
    return 1


def broken_links(items: Iterable, output: Path, base: str = "") -> list[Problem]:
    """A Problem for each address in an item that the written site in `output` does not serve."""
    problems = []
    for item in items:
        wrong = dict.fromkeys(address for address in addresses(rendered_html(item), base)
                              if not served(output, urlsplit(address).path))
        if not wrong:
            continue
        try:
            source = Path(item.source_path).read_text(encoding="utf-8")
        except OSError:
            source = ""
        problems += [Problem(item.source_path, line_of(source, address), STAGE, RULE,
                             f"the link {address!r} leads to no page or file of this site", FIX)
                     for address in wrong]
    return problems
