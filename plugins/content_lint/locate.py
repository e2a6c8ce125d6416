"""Place an issue on a line of the Markdown source by searching for its needles."""

from __future__ import annotations

import re
from collections import Counter

from .issues import Issue, Needle

BLANK_LINE = re.compile(r"\n[ \t]*\n")


def body_start(source: str) -> int:
    """Offset of the body: after the blank line that ends the `Key: value` header."""
    match = BLANK_LINE.search(source)
    return match.end() if match else 0


def pattern_of(needle: Needle) -> re.Pattern:
    """A needle as a pattern; in a string needle any run of whitespace matches any other
    (a phrase may be wrapped over two lines in the source)."""
    if isinstance(needle, re.Pattern):
        return needle
    return re.compile(r"\s+".join(re.escape(word) for word in needle.split()))


def line_at(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def matches(source: str, needles: tuple[Needle, ...]) -> tuple[str, list[int]]:
    """(pattern, offsets) for the first needle found in the body; ("", []) if none is."""
    start = body_start(source)
    for needle in needles:
        if isinstance(needle, str) and not needle.strip():
            continue
        pattern = pattern_of(needle)
        offsets = [m.start() for m in pattern.finditer(source, start)]
        if offsets:
            return pattern.pattern, offsets
    return "", []


def locate(source: str, issues: list[Issue]) -> list[int]:
    """The source line of each issue, 1 when none of its needles is found.

    The same problem found twice with the same needle (two `[here](…)` links) is placed
    on the first and then the second occurrence, and so on.
    """
    seen: Counter = Counter()
    lines = []
    for issue in issues:
        pattern, offsets = matches(source, issue.needles)
        if not offsets:
            lines.append(1)
            continue
        nth = seen[(issue.message, pattern)]
        seen[(issue.message, pattern)] += 1
        lines.append(line_at(source, offsets[min(nth, len(offsets) - 1)]))
    return lines
