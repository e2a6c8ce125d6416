"""Place an issue on a line of the source file: the n-th match of its first needle that matches.

The header (YAML) is searched too, because header values (a guide's documents, fees, steps…)
are rendered and checked like the body.
"""

from __future__ import annotations

import re

from .issues import Issue, Needle


def pattern_of(needle: Needle) -> re.Pattern:
    """A needle as a pattern; in a string needle any run of whitespace matches any other
    (a phrase may be wrapped over two lines in the source)."""
    if isinstance(needle, re.Pattern):
        return needle
    return re.compile(r"\s+".join(re.escape(word) for word in needle.split()))


def line_at(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def locate_one(source: str, issue: Issue) -> int:
    """The line of the issue's occurrence of its first needle found; 1 when none is found."""
    for needle in issue.needles:
        if isinstance(needle, str) and not needle.strip():
            continue
        offsets = [match.start() for match in pattern_of(needle).finditer(source)]
        if offsets:
            return line_at(source, offsets[min(issue.occurrence, len(offsets) - 1)])
    return 1


def locate(source: str, issues: list[Issue]) -> list[int]:
    """The source line of each issue."""
    return [locate_one(source, issue) for issue in issues]
