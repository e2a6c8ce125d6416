"""Markdown to HTML for content: the body of every item and the inline text of header values.

On top of Python-Markdown (with the extensions in the MARKDOWN setting), five small steps:
- a paragraph `表：…` / `Table: …` right before a table becomes that table's `<caption>`;
- each cell of a table's header row says what it heads: `<th scope="col">`;
- a link or image written from the site root (`/guides/birth/`, `/files/map.png`) gets the
  site's base (SITEURL) in front, so content works when the site is served under a sub-path;
- a link to a file in `content/files/` gets its format and size, read from the file itself,
  in a `<span class="file-info">` inside the link: authors never type a size;
- every data table gets the labels that let it stack on a narrow screen (stacked_tables).
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from sources.formats import CAPTION_PREFIXES, DOWNLOAD_FORMATS, FILES_FOLDER
from stacked_tables import label_tables

URL_ATTRIBUTES = {"a": "href", "img": "src", "source": "src", "track": "src", "video": "src", "audio": "src"}
FileLabel = Callable[[str, str, int], str]  # (lang, format, size in bytes) -> "（PDF，120 KB）"


def local_file(href: str, files_root: Path) -> Path | None:
    """The file in content/files/ that a root-relative `/files/…` URL names, if it exists."""
    path = unquote(urlsplit(href).path)
    prefix = f"/{FILES_FOLDER}/"
    if not path.startswith(prefix):
        return None
    parts = PurePosixPath(path[len(prefix):]).parts
    if not parts or any(part in ("..", ".") for part in parts):
        return None
    target = files_root.joinpath(*parts)
    return target if target.is_file() else None


class CaptionProcessor(Treeprocessor):
    """`<p>表：…</p><table>` → `<table><caption>…</caption>…`."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            children = list(parent)
            for paragraph, table in itertools.pairwise(children):
                if paragraph.tag == "p" and table.tag == "table":
                    self.make_caption(parent, paragraph, table)

    @staticmethod
    def make_caption(parent: ET.Element, paragraph: ET.Element, table: ET.Element) -> None:
        text = (paragraph.text or "").lstrip()
        prefix = next((p for p in CAPTION_PREFIXES.values() if text.startswith(p)), None)
        if prefix is None or not (text[len(prefix):].strip() or len(paragraph)):
            return
        caption = ET.Element("caption")
        caption.text = text[len(prefix):].lstrip()
        caption.extend(list(paragraph))
        table.insert(0, caption)
        parent.remove(paragraph)


class HeaderScopeProcessor(Treeprocessor):
    """`<thead><tr><th>` → `<th scope="col">` (a Markdown table's header row heads columns)."""

    def run(self, root: ET.Element) -> None:
        for head in root.iter("thead"):
            for cell in head.iter("th"):
                cell.set("scope", cell.get("scope", "col"))


class LinkProcessor(Treeprocessor):
    """Root-relative URLs get SITEURL; links to files in content/files get format and size."""

    def __init__(self, md, siteurl: str, files_root: Path, label: FileLabel):
        super().__init__(md)
        self.siteurl, self.files_root, self.label = siteurl.rstrip("/"), files_root, label
        self.lang = ""

    def run(self, root: ET.Element) -> None:
        for element in [e for e in root.iter() if e.tag in URL_ATTRIBUTES]:
            attribute = URL_ATTRIBUTES[element.tag]
            value = element.get(attribute, "")
            if element.tag == "a":
                self.label_download(element, value)
            if value.startswith("/") and not value.startswith("//"):
                element.set(attribute, self.siteurl + value)

    def label_download(self, link: ET.Element, href: str) -> None:
        target = local_file(href, self.files_root)
        kind = DOWNLOAD_FORMATS.get(target.suffix.lower()) if target else None
        if kind is None:
            return
        info = ET.SubElement(link, "span", {"class": "file-info"})
        info.text = self.label(self.lang, kind, target.stat().st_size)


class SiteExtension(Extension):
    def __init__(self, siteurl: str, files_root: Path, label: FileLabel):
        super().__init__()
        self.siteurl, self.files_root, self.label = siteurl, files_root, label
        self.links: LinkProcessor | None = None

    def extendMarkdown(self, md) -> None:
        self.links = LinkProcessor(md, self.siteurl, self.files_root, self.label)
        md.treeprocessors.register(CaptionProcessor(md), "captions", 5)
        md.treeprocessors.register(HeaderScopeProcessor(md), "header_scope", 5)
        md.treeprocessors.register(self.links, "site_links", 4)


# Characters that may start Markdown or HTML; text without them renders as itself.
MARKDOWN_SIGNS = re.compile(r"[\[\]*_<>`&!\\#|~=]|^\s*(?:\d+[.)]|[-+])\s|\n")
SINGLE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.S)


class Renderer:
    """Markdown → HTML for one build (one Markdown instance, reset between documents)."""

    def __init__(self, settings: dict, siteurl: str, files_root: Path, label: FileLabel):
        config = settings.get("MARKDOWN", {})
        self.site = SiteExtension(siteurl, files_root, label)
        extensions = [*config.get("extension_configs", {}), self.site]
        self.md = markdown.Markdown(extensions=extensions,
                                    extension_configs=config.get("extension_configs", {}),
                                    output_format=config.get("output_format", "html5"))

    def body(self, text: str, lang: str) -> Markup:
        """A whole body; its data tables labelled to stack on narrow screens (stacked_tables)."""
        self.site.links.lang = lang
        html = self.md.reset().convert(text)
        return Markup(label_tables(html) if "<table" in html else html)

    def inline(self, text: str, lang: str) -> Markup:
        """One line of text with inline Markdown (links, emphasis, `<span lang>`), no `<p>`.
        Text without any Markdown sign is only escaped (most header values: much faster)."""
        if not MARKDOWN_SIGNS.search(text):
            return escape(text.strip())
        html = self.body(text, lang)
        match = SINGLE_PARAGRAPH.match(html)
        return Markup(match.group(1)) if match else html
