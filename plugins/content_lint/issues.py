"""What every check returns: an Issue (rule, message, fix, needles, occurrence), the context a
check runs in, and the text helpers checks share."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from .office_shapes import OfficeDetails

Needle = str | re.Pattern


@dataclass(frozen=True)
class LintContext:
    """What a check may know about the item it looks at."""

    lang: str
    heading_start: int = 2  # the level the body's headings start at (the template has the rest)
    files_root: Path = Path("content/files")  # content/files: images and downloads
    # The glossary's avoided English variants, compiled once per build (glossary.avoided).
    avoided_terms: Mapping = field(default_factory=dict)
    # What the office's own details look like (content/office.toml), made once per build.
    office: OfficeDetails | None = None

    @property
    def english(self) -> bool:
        return self.lang.startswith("en")


@dataclass(frozen=True)
class Issue:
    """A problem found in an item's rendered HTML, not yet placed on a source line.

    `needles` are tried in order against the Markdown source to find the line: the most
    precise first (e.g. `[text](href`), the loosest last (e.g. the text alone). `occurrence`
    says which match is meant: the same image or phrase may be written several times, and
    only the n-th one (counting from 0, in document order) is at fault.
    """

    rule: str
    message: str
    fix: str
    needles: tuple[Needle, ...] = ()
    occurrence: int = 0


@dataclass
class Occurrences:
    """Counts elements (or phrases) by an identity, in document order, so that a check can say
    which occurrence of a needle its issue is about. One per check run; not shared."""

    seen: Counter = field(default_factory=Counter)

    def next(self, identity) -> int:
        number = self.seen[identity]
        self.seen[identity] += 1
        return number


FILES_URL = "/files/"


def files_path(context: LintContext, url: str) -> Path | None:
    """Where in content/files/ a site URL `/files/…` points (the file may not exist); None for
    any other URL."""
    path = unquote(urlsplit(url).path)
    prefix = FILES_URL  # content is linted before the site's base is put in front of its links
    if (urlsplit(url).netloc and not url.startswith(("http://", "https://"))) or not path.startswith(prefix):
        return None
    parts = PurePosixPath(path[len(prefix):]).parts
    if not parts or ".." in parts:
        return None
    return context.files_root.joinpath(*parts)


def shorten(text: str, limit: int = 60) -> str:
    """Text for a message: at most `limit` characters, with … when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
