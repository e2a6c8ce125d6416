"""Downloads: a link to a file (.pdf .odt .ods .odp .doc .docx .xls .xlsx .csv .json .zip .txt)
must state the file's format (the extension's name, e.g. PDF) and size (e.g. `120 KB`,
`1.2 MB`, `850 bytes`, `850 位元組`) in the link text or in the text of its parent element."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .issues import Issue, text_of

# Not .xml: sitemap.xml and the Atom feeds are endpoints for programs, not documents, and
# their size changes with every build, so a size typed into a page would soon be wrong.
EXTENSIONS = frozenset(
    ".pdf .odt .ods .odp .doc .docx .xls .xlsx .csv .json .zip .txt".split()
)
SIZE = re.compile(r"\d[\d,.]*\s*(?:[kmgt]i?b|bytes?|位元組)(?![a-z])", re.I)
FIX = "say the format and size in or right after the link, e.g. "
EXAMPLE = {
    "zh": "`[申請書（PDF，120 KB）](form.pdf)`.",
    "en": "`[application form (PDF, 120 KB)](form.pdf)`.",
}


def extension_of(href: str) -> str:
    """'.pdf' for 'files/form.PDF?v=2'; '' if the link's path has no suffix."""
    return PurePosixPath(urlsplit(href).path).suffix.lower()


def states_format(text: str, extension: str) -> bool:
    name = re.escape(extension.lstrip("."))
    return re.search(rf"(?<![a-z0-9]){name}(?![a-z0-9])", text, re.I) is not None


def described_by(link) -> str:
    """The link's text and its parent's (which includes it), unless the parent is the page."""
    parent = link.parent
    if parent is None or parent.name in ("body", "html", "[document]"):
        return text_of(link)
    return text_of(parent)


def missing(text: str, extension: str) -> list[str]:
    """What the text leaves unsaid: 'format', 'size', both or neither."""
    gaps = [] if states_format(text, extension) else ["format"]
    return gaps if SIZE.search(text) else gaps + ["size"]


def check(soup, lang: str) -> list[Issue]:
    """An issue for each download link that does not state its format and size."""
    issues = []
    fix = FIX + EXAMPLE["en" if lang.startswith("en") else "zh"]
    for link in soup.find_all("a", href=True):
        href = link["href"]
        extension = extension_of(href)
        if extension not in EXTENSIONS:
            continue
        gaps = missing(described_by(link), extension)
        if gaps:
            text = text_of(link)
            message = f"download link {href!r} does not state the file's {' and '.join(gaps)}."
            issues.append(Issue(message, fix, (f"[{text}]({href}", f"({href}", href, text)))
    return issues
