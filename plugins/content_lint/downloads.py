"""Downloads: a link to a document (.pdf .odt .ods .odp .doc .docx .xls .xlsx .csv .json .zip .txt).

- A file of this site (content/files/, linked as `/files/<name>`) must exist; the build shows
  its format and size from the file itself, so the author must not type a size.
- A Microsoft Office file (.doc .docx .xls .xlsx) needs an ODF or PDF file with the same name
  beside it (Executive Yuan rule: editable downloads in ODF).
- A document on another site must state its format and size in the link text or the text of
  its parent element, e.g. `[申請書（PDF，120 KB）](https://…/form.pdf)`.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from sources.formats import DOWNLOAD_FORMATS

from .issues import Issue, LintContext, Occurrences, files_path
from .link_text import own_text
from .tree import links, text_of

OFFICE_FORMATS = {".doc": (".odt", ".pdf"), ".docx": (".odt", ".pdf"),
                  ".xls": (".ods", ".pdf"), ".xlsx": (".ods", ".pdf")}
SIZE = re.compile(r"\d[\d,.]*\s*(?:[kmgt]i?b|bytes?|位元組)(?![a-z])", re.I)
EXAMPLE = {"zh": "`[申請書（PDF，120 KB）](https://www.example.gov.tw/form.pdf)`",
           "en": "`[application form (PDF, 120 KB)](https://www.example.gov.tw/form.pdf)`"}


def extension_of(href: str) -> str:
    """'.pdf' for 'files/form.PDF?v=2'; '' if the link's path has no suffix."""
    return PurePosixPath(urlsplit(href).path).suffix.lower()


def states_format(text: str, extension: str) -> bool:
    name = re.escape(extension.lstrip("."))
    return re.search(rf"(?<![a-z0-9]){name}(?![a-z0-9])", text, re.I) is not None


def described_by(link) -> str:
    """The link's text and its parent's (which includes it), unless the parent is the page."""
    parent = link.getparent()
    if parent is None or parent.getparent() is None:  # the link's parent is the fragment itself
        return text_of(link)
    return text_of(parent)


def missing(text: str, extension: str) -> list[str]:
    """What the text leaves unsaid: 'format', 'size', both or neither."""
    gaps = [] if states_format(text, extension) else ["format"]
    return gaps if SIZE.search(text) else [*gaps, "size"]


def local_issue(path, href: str, text: str, needles, occurrence: int) -> Issue | None:
    if not path.is_file():
        return Issue("download-missing", f"download {href!r} does not exist: there is no {path}",
                     "put the file in content/files/ and link it as `/files/<name>`, or correct its name.",
                     needles, occurrence)
    typed = SIZE.search(text)
    if typed:
        return Issue("download-typed-size", f"download link {href!r} has a typed size {typed.group(0)!r}",
                     "delete the size: the build shows the file's real format and size.", needles, occurrence)
    alternatives = OFFICE_FORMATS.get(path.suffix.lower(), ())
    if alternatives and not any(path.with_suffix(other).is_file() for other in alternatives):
        return Issue("download-odf", f"{path.name} is offered without an ODF or PDF version",
                     f"save it also as {path.with_suffix(alternatives[0]).name} (LibreOffice: File → Save As → "
                     "ODF) or as PDF, put it beside it in content/files/, and link both.", needles, occurrence)
    return None


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each document link that breaks the rules above."""
    issues, occurrences = [], Occurrences()
    for link in links(root):
        href = link.get("href")
        extension = extension_of(href)
        if extension not in DOWNLOAD_FORMATS:
            continue
        text = own_text(link)
        occurrence = occurrences.next(href)
        name = href.rpartition("/")[2]
        needles = (f"[{text}](", f"({href}", name, text)
        path = files_path(context, href)
        if path is not None:
            found = local_issue(path, href, text, needles, occurrence)
        elif gaps := missing(described_by(link), extension):
            example = EXAMPLE["en" if context.english else "zh"]
            found = Issue("download-label", f"download link {href!r} does not state the file's {' and '.join(gaps)}",
                          f"say the format and size in or right after the link, e.g. {example}.", needles, occurrence)
        else:
            found = None
        if found:
            issues.append(found)
    return issues
