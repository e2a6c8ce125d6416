"""Link check: every internal URL of a built site resolves, as a static web server would serve it.

Internal URLs (page-relative, root-relative, or absolute on the site's own origin) must reach a
file, and a `#fragment` must name an id (or `<a name>`) on the target page. External URLs
(http/https, mailto:, tel:) are checked for syntax only: the checks run without a network.
Each HTML page is parsed once; the ids of every page are kept for the fragment checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from urllib.parse import SplitResult, unquote, urljoin, urlsplit
from xml.etree import ElementTree

import lxml.html
from lxml import etree

from .findings import CheckCannotRun, PageFinding
from .pages import html_pages, page_name, page_url

CHECK = "links"
# Which attribute of which element holds a URL that the browser follows or fetches.
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"),
    "script": ("src",), "source": ("src", "srcset"), "track": ("src",), "iframe": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
    "form": ("action",), "input": ("src",),
}
HTML_SUFFIXES = (".html", ".htm")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "xhtml": "http://www.w3.org/1999/xhtml"}
# When the site's origin is unknown, same-site URLs are resolved against this placeholder.
UNKNOWN_ORIGIN = "http://site.invalid"
_HOST_LABEL = re.compile(r"[^\s.:/?#@\[\]<>\"'`{}|\\^%]+")
_TEL = re.compile(r"\+?[\d().-]*\d[\d().-]*(;[\w.+=%-]+)*")
_SRCSET_URL = re.compile(r"[\s,]*(\S+)")
_SRCSET_DESCRIPTORS = re.compile(r"[^,(]*(?:\([^)]*\)[^,(]*)*,?")


class Link(NamedTuple):
    """One URL on a page, the element and attribute it came from, and the element's line."""

    tag: str
    attribute: str
    value: str
    line: int | None = None

    def describe(self) -> str:
        value = self.value if len(self.value) <= 80 else self.value[:79] + "…"
        return f'<{self.tag} {self.attribute}="{value}">'


class Problem(NamedTuple):
    message: str
    fix: str


@dataclass(frozen=True)
class ParsedPage:
    """What the link check needs from one HTML page."""

    ids: frozenset[str]
    links: tuple[Link, ...]
    base: str  # the <base href> value, or "" when the page has none


def srcset_urls(value: str) -> list[str]:
    """The URL of each candidate of a srcset attribute (width/density descriptors dropped)."""
    urls, position = [], 0
    while match := _SRCSET_URL.match(value, position):
        url, position = match.group(1), match.end()
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            position = _SRCSET_DESCRIPTORS.match(value, position).end()
        if url:
            urls.append(url)
    return urls


def page_links(root) -> tuple[Link, ...]:
    """Every URL-valued attribute of the elements in URL_ATTRIBUTES, in document order."""
    links = []
    for element in root.iter(*URL_ATTRIBUTES):
        for attribute in URL_ATTRIBUTES[element.tag]:
            value = element.get(attribute)
            if value is None:
                continue
            values = srcset_urls(value) if attribute == "srcset" else [value]
            links += [Link(element.tag, attribute, url, element.sourceline) for url in values]
    return tuple(links)


def parse_page(path: Path) -> ParsedPage:
    """Read one HTML page: its ids and `<a name>`s, its URLs and its <base href>."""
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(path.read_bytes(), parser=parser)
    except etree.ParserError:  # an empty file: nothing to link from or to
        return ParsedPage(frozenset(), (), "")
    ids = frozenset(str(value) for value in root.xpath("//@id | //a/@name"))
    base = root.find(".//base[@href]")
    base_href = base.get("href", "").strip() if base is not None else ""
    return ParsedPage(ids, page_links(root), base_href)


def origin_of(parts: SplitResult) -> str:
    """'https://host[:port]' with the host lower-cased and a default port left out."""
    port = parts.port  # may raise ValueError for a port that is not a number
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    suffix = f":{port}" if port is not None and port != default else ""
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}{suffix}"


def site_origin(site: Path) -> str | None:
    """The origin the site declares for itself: that of the Sitemap: line of robots.txt."""
    robots = site / "robots.txt"
    if not robots.is_file():
        return None
    for line in robots.read_text(encoding="utf-8").splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap" and value.strip():
            try:
                return origin_of(urlsplit(value.strip()))
            except ValueError:
                return None
    return None


def served_file(site: Path, url_path: str) -> Path | None:
    """The file a static server sends for a URL path (percent-encoded, query-free), or None.

    A folder serves its index.html, with or without the trailing slash (servers redirect).
    """
    segments = [segment for segment in unquote(url_path).split("/") if segment]
    if any(segment in (".", "..") for segment in segments):
        return None  # percent-encoded dot segments: never inside the site
    target = site.joinpath(*segments)
    if not url_path.endswith("/") and target.is_file():
        return target
    index = target / "index.html"
    return index if index.is_file() else None


def address_problem(parts: SplitResult) -> Problem | None:
    """What is wrong with a mailto: or tel: URL, if anything."""
    if parts.scheme.lower() == "mailto":
        addresses = unquote(parts.path).split(",")
        if all(re.fullmatch(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)*", address) for address in addresses):
            return None
        return Problem("The mailto: link has no valid e-mail address (name@domain).",
                       "Write the address in full, e.g. mailto:name@example.gov.tw.")
    if _TEL.fullmatch(parts.path):
        return None
    return Problem("The tel: link is not a phone number.",
                   "Write the number with digits, + and - only, e.g. tel:+886-4-2635-0000.")


def _host_problem(parts: SplitResult) -> Problem | None:
    """A problem with the host (or port) of an http(s) URL, if any: the syntax check of
    external links."""
    fix = "Write the full address with its host name, e.g. https://www.example.gov.tw/page."
    host = parts.hostname or ""
    if not host:
        return Problem(f"The {parts.scheme}: URL has no host name.", fix)
    try:
        _ = parts.port  # reading it checks it
    except ValueError:
        return Problem("The URL's port is not a number from 0 to 65535.", fix)
    if host.startswith("[") or ":" in host:  # an IPv6 literal, already checked by urlsplit
        return None
    if all(_HOST_LABEL.fullmatch(label) for label in host.removesuffix(".").split(".")):
        return None
    return Problem(f"The URL's host name {host!r} is not valid.", fix)


def scheme_problem(parts: SplitResult) -> Problem | None:
    """Problems visible from the URL alone: scheme, missing host, malformed address."""
    scheme = parts.scheme.lower()
    if scheme in ("mailto", "tel"):
        return address_problem(parts)
    if scheme == "data":
        return None
    if scheme not in ("http", "https"):
        return Problem(f'The "{scheme}:" URL is not a web page, e-mail or phone link.',
                       "Use an https:, mailto: or tel: URL; for a script action use a <button>.")
    return _host_problem(parts) if not parts.hostname else None


def basic_problem(link: Link) -> Problem | None:
    """Problems of the attribute value itself: empty, a bare '#', whitespace inside."""
    value = link.value.strip()
    if not value:
        return Problem(f"The {link.attribute} attribute is empty, so it points nowhere.",
                       "Give the URL of an existing page or file, or remove the element.")
    if value == "#":
        return Problem('The link href="#" goes nowhere (it only jumps to the top of the page).',
                       "Link to a real page or id; for an action use a <button>.")
    if re.search(r"\s", value):
        return Problem("The URL contains whitespace.",
                       "Remove the whitespace or line break, or percent-encode a space as %20.")
    return None


class SiteLinks:
    """The URLs of one built site, each page parsed once, checked against the site's files."""

    def __init__(self, site: Path, origin: str | None, base_path: str = "") -> None:
        self.site = site
        self.origin = origin or UNKNOWN_ORIGIN
        self.base_path = base_path  # the sub-path the site is served under ('' at the root)
        self._parsed: dict[Path, ParsedPage] = {}
        self._served: dict[str, Path | None] = {}

    def parsed(self, page: Path) -> ParsedPage:
        if page not in self._parsed:
            self._parsed[page] = parse_page(page)
        return self._parsed[page]

    def served(self, url_path: str) -> Path | None:
        if url_path not in self._served:
            self._served[url_path] = served_file(self.site, url_path)
        return self._served[url_path]

    def page_findings(self, page: Path) -> list[PageFinding]:
        """Every problem with the URLs on one page."""
        name = page_name(self.site, page)
        parsed = self.parsed(page)
        base = urljoin(self.origin + self.base_path + page_url(name), parsed.base)
        findings = []
        for link in parsed.links:
            problem = self.link_problem(page, base, link)
            if problem:
                findings.append(PageFinding(CHECK, name, link.describe(), problem.message, problem.fix,
                                        line=link.line))
        return findings

    def link_problem(self, page: Path, base: str, link: Link) -> Problem | None:
        """What is wrong with one URL on a page (whose absolute URL is `base`), if anything."""
        value = link.value.strip()
        problem = basic_problem(link)
        if problem:
            return problem
        try:
            raw = urlsplit(value)
            if raw.scheme and (problem := scheme_problem(raw)):
                return problem
            if raw.scheme.lower() in ("mailto", "tel", "data"):
                return None
            parts = urlsplit(urljoin(base, value))
            if origin_of(parts) != self.origin:
                return _host_problem(parts)
        except ValueError:
            return Problem("The URL is malformed (bad port or IPv6 address).",
                           "Correct the URL, e.g. https://www.example.gov.tw/page.")
        return self.internal_problem(page, parts)

    def internal_problem(self, page: Path | None, parts: SplitResult) -> Problem | None:
        """A same-site URL must be below the site's sub-path, reach a file and, with a
        #fragment, an id on that page."""
        path = parts.path or "/"
        shown = unquote(path)
        if "//" in path:
            return Problem(f"The URL path {shown} has an empty segment (//).",
                           "Remove the doubled '/' (a SITE_ORIGIN or SITEURL ending in '/' causes it).")
        if self.base_path and not (path + "/").startswith(self.base_path + "/"):
            return Problem(f"The link goes to {shown}, outside the site's sub-path {self.base_path}/.",
                           "Write links from the site root in content (/guides/…) and {{ SITEURL }}/… "
                           "in templates, so that the sub-path is put in front.")
        path = path[len(self.base_path):] or "/"
        target = self.served(path)
        if target is None:
            if shown.endswith("/") or Path(shown).suffix.lower() in ("", *HTML_SUFFIXES):
                return Problem(f"The link goes to {shown}, but the site has no such page.",
                               f"Link to an existing page, or create {shown}.")
            return Problem(f"The file {shown} does not exist in the built site.",
                           f"Add {shown} to the site (a static path under content/), "
                           "or link to a file that exists.")
        if not parts.fragment or target.suffix.lower() not in HTML_SUFFIXES:
            return None
        return self.fragment_problem(page, target, shown, parts.fragment)

    def fragment_problem(self, page: Path | None, target: Path, shown: str,
                         fragment: str) -> Problem | None:
        """The #fragment must be an id or <a name> on the target page."""
        ids = self.parsed(target).ids
        # "#top" always scrolls to the top of the page (HTML spec, "find a potential indicated
        # element"), so it needs no element.
        if fragment in ids or unquote(fragment) in ids or unquote(fragment).lower() == "top":
            return None
        wanted = unquote(fragment)
        where = "this page" if target == page else shown
        return Problem(f'No element on {where} has id="{wanted}".',
                       f'Link to an id that exists on {where}, or add id="{wanted}" '
                       "to the element the link should reach.")


def sitemap_findings(checker: SiteLinks, site: Path) -> list[PageFinding]:
    """<loc> and xhtml:link URLs of sitemap.xml must be pages of the site, on its origin."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return []
    try:
        root = ElementTree.parse(sitemap).getroot()
    except ElementTree.ParseError as error:
        return [PageFinding(CHECK, "sitemap.xml", "sitemap.xml",
                        f"The sitemap is not well-formed XML: {error}.",
                        "Fix the sitemap writer (plugins/site_outputs) so it writes valid XML.")]
    findings = []
    for where, url in sitemap_urls(root):
        problem = sitemap_problem(checker, url.strip())
        if problem:
            findings.append(PageFinding(CHECK, "sitemap.xml", f"<{where}> {url.strip()[:80]}",
                                    problem.message, problem.fix))
    return findings


def sitemap_urls(root: ElementTree.Element) -> list[tuple[str, str]]:
    """(element, URL) for each <loc> and <xhtml:link href> of a sitemap, in document order."""
    loc, link = f"{{{SITEMAP_NS['sm']}}}loc", f"{{{SITEMAP_NS['xhtml']}}}link"
    urls = []
    for element in root.iterfind("sm:url/*", SITEMAP_NS):
        if element.tag == loc:
            urls.append(("loc", element.text or ""))
        elif element.tag == link:
            urls.append(("xhtml:link href", element.get("href", "")))
    return urls


def sitemap_problem(checker: SiteLinks, url: str) -> Problem | None:
    """A sitemap URL must be absolute, on the site's origin, and reach a page."""
    try:
        parts = urlsplit(url)
        if origin_of(parts) != checker.origin:
            return Problem(f"The sitemap lists a URL outside the site's origin {checker.origin}.",
                           "List only the site's own pages, with absolute URLs on SITE_ORIGIN.")
    except ValueError:
        return Problem("The sitemap URL is malformed.", "Write absolute URLs on SITE_ORIGIN.")
    return checker.internal_problem(None, parts)


def robots_findings(site: Path, base_url: str) -> list[PageFinding]:
    """robots.txt must name the sitemap at the site's own public address."""
    robots = site / "robots.txt"
    wanted = f"{base_url}/sitemap.xml"
    lines = robots.read_text(encoding="utf-8").splitlines() if robots.is_file() else []
    found = [value.strip() for name, _, value in (line.partition(":") for line in lines)
             if name.strip().lower() == "sitemap"]
    if found == [wanted]:
        return []
    return [PageFinding(CHECK, "robots.txt", f"Sitemap: {', '.join(found) or '(none)'}",
                    f"robots.txt must name the sitemap at {wanted}.",
                    "Build with the settings the site is checked with (SITE_ORIGIN and SITEURL).")]


def check_links(site: Path, origin: str | None = None, base_path: str = "") -> list[PageFinding]:
    """Every link problem of a built site: its HTML pages, then sitemap.xml and robots.txt.

    `origin` is the site's own origin from its settings (URLs on it count as internal) and
    `base_path` its sub-path; robots.txt and the sitemap must use exactly these. Without an
    origin (tests of single pages), it is read from robots.txt and only the pages are checked
    against it."""
    if not site.is_dir():
        raise CheckCannotRun(site, CHECK, "there is no built site here", "run `make build` first")
    declared = origin_of(urlsplit(origin)) if origin else None
    origin = declared or site_origin(site)
    checker = SiteLinks(site, origin, base_path)
    findings = [finding for page in html_pages(site) for finding in checker.page_findings(page)]
    if origin:
        findings += sitemap_findings(checker, site)
    if declared:
        findings += robots_findings(site, declared + base_path)
    return list(dict.fromkeys(findings))  # a link repeated on a page: once, at its first line
