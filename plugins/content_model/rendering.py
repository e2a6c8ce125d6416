"""Markdown to HTML for content: the body of every item and the inline text of header values.

On top of Python-Markdown (with the extensions in the MARKDOWN setting), five small steps:
- a paragraph `表：…` / `Table: …` right before a table becomes that table's `<caption>` (a
  Markdown table, or a `<table>` written in HTML);
- each cell of a table's header row says what it heads: `<th scope="col">`;
- links stay as written, from the site root (`/guides/birth/`, `/files/map.png`): the content
  lint reads them so; `with_base` then puts the site's base (SITEURL) in front of them, once,
  when an item is made, so content works when the site is served under a sub-path;
- a link to a file in `content/files/` gets its format and size, read from the file itself,
  in a `<span class="file-info">` inside the link: authors never type a size;
- every data table gets the labels that let it stack on a narrow screen (stacked_tables);
- `with_cues` then ends every link to another site with the external-link cue, in words
  (template_env.links), after the lint, which reads the links' text as the author wrote it.
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
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from sources.formats import CAPTION_PREFIXES, DOWNLOAD_FORMATS, FILES_FOLDER
from stacked_tables import label_tables
from template_env.links import with_external_cues

# A URL from the site root in rendered HTML (Markdown's or an author's own tags): href="/…" or src='/…'.
ROOT_RELATIVE = re.compile(r"""(\s(?:href|src|poster)=)(["'])/(?!/)""")
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


# `<p>表：…</p>` right before a `<table>` written in HTML (Markdown keeps such a table aside as
# raw HTML, out of the tree CaptionProcessor reads), unless that table has its own caption.
RAW_TABLE_CAPTION = re.compile(
    r"<p>\s*(?:" + "|".join(re.escape(prefix) for prefix in CAPTION_PREFIXES.values()) + r")\s*"
    r"(?P<caption>(?:(?!</p>).)+?)\s*</p>\s*<table(?P<attributes>[^>]*)>(?!\s*<caption)", re.S)


class RawTableCaptionProcessor(Postprocessor):
    """`<p>表：…</p><table>…` written in HTML → `<table><caption>…</caption>…` (after raw HTML is back)."""

    def run(self, text: str) -> str:
        if "<table" not in text:
            return text
        return RAW_TABLE_CAPTION.sub(self.caption, text)

    @staticmethod
    def caption(match: re.Match) -> str:
        if not match["caption"].strip():
            return match.group(0)
        return f"<table{match['attributes']}><caption>{match['caption'].strip()}</caption>"


class HeaderScopeProcessor(Treeprocessor):
    """`<thead><tr><th>` → `<th scope="col">` (a Markdown table's header row heads columns)."""

    def run(self, root: ET.Element) -> None:
        for head in root.iter("thead"):
            for cell in head.iter("th"):
                cell.set("scope", cell.get("scope", "col"))


class LinkProcessor(Treeprocessor):
    """Links to files in content/files get their format and size."""

    def __init__(self, md, files_root: Path, label: FileLabel):
        super().__init__(md)
        self.files_root, self.label = files_root, label
        self.lang = ""

    def run(self, root: ET.Element) -> None:
        for link in root.iter("a"):
            self.label_download(link, link.get("href", ""))

    def label_download(self, link: ET.Element, href: str) -> None:
        target = local_file(href, self.files_root)
        kind = DOWNLOAD_FORMATS.get(target.suffix.lower()) if target else None
        if kind is None:
            return
        info = ET.SubElement(link, "span", {"class": "file-info"})
        info.text = self.label(self.lang, kind, target.stat().st_size)


class SiteExtension(Extension):
    def __init__(self, files_root: Path, label: FileLabel):
        super().__init__()
        self.files_root, self.label = files_root, label
        self.links: LinkProcessor | None = None

    def extendMarkdown(self, md) -> None:
        self.links = LinkProcessor(md, self.files_root, self.label)
        md.treeprocessors.register(CaptionProcessor(md), "captions", 5)
        md.treeprocessors.register(HeaderScopeProcessor(md), "header_scope", 5)
        md.treeprocessors.register(self.links, "site_links", 4)
        md.postprocessors.register(RawTableCaptionProcessor(md), "raw_table_captions", 5)  # after raw_html (30)


# Characters that may start Markdown or HTML; text without them renders as itself.
MARKDOWN_SIGNS = re.compile(r"[\[\]*_<>`&!\\#|~=]|^\s*(?:\d+[.)]|[-+])\s|\n")
SINGLE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.S)


class Renderer:
    """Markdown → HTML for one build (one Markdown instance, reset between documents)."""

    def __init__(self, settings: dict, files_root: Path, label: FileLabel):
        config = settings.get("MARKDOWN", {})
        self.site = SiteExtension(files_root, label)
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


def with_base(value, base: str):
    """Rendered HTML (or the header values holding it) with the site's base (SITEURL, e.g.
    `/longjing`) before every URL from the site root: applied once, after the lint, never
    taken off again. Text that is not rendered HTML is returned as it is."""
    if not base:
        return value
    if isinstance(value, Markup):
        return Markup(ROOT_RELATIVE.sub(lambda m: f"{m.group(1)}{m.group(2)}{base}/", str(value)))
    if isinstance(value, dict):
        return {key: with_base(inner, base) for key, inner in value.items()}
    if isinstance(value, list):
        return [with_base(inner, base) for inner in value]
    return value


def with_cues(value, cue: str):
    """Rendered HTML (or the header values holding it) with `cue` at the end of every link to
    another site; other text is returned as it is."""
    if isinstance(value, Markup):
        return with_external_cues(value, cue) if "<a" in value else value
    if isinstance(value, dict):
        return {key: with_cues(inner, cue) for key, inner in value.items()}
    if isinstance(value, list):
        return [with_cues(inner, cue) for inner in value]
    return value
