"""What every check returns: an Issue (message, fix, needles), and the text helper checks share."""

from __future__ import annotations

import re
from dataclasses import dataclass

Needle = str | re.Pattern


@dataclass(frozen=True)
class Issue:
    """A problem found in an item's rendered body, not yet placed on a source line.

    `needles` are tried in order against the Markdown source to find the line: the most
    precise first (e.g. `[text](href`), the loosest last (e.g. the text alone).
    """

    message: str
    fix: str
    needles: tuple[Needle, ...] = ()


def text_of(tag) -> str:
    """The visible text of an element, whitespace collapsed."""
    return " ".join(tag.get_text().split())


def shorten(text: str, limit: int = 60) -> str:
    """Text for a message: at most `limit` characters, with … when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
