"""Headings: the page title is the only h1 (the template renders it) and the template's own
section headings come before the body, so the body starts at the kind's level (h2 on pages and
news, h3 in guides) and never skips a level going down (h2 → h4 is an error; h4 → h2 is fine)."""

from __future__ import annotations

from .issues import Issue, LintContext, Occurrences
from .tree import elements, text_of

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def level_fix(wanted: int, text: str) -> str:
    return (f"make it h{wanted} (`{'#' * wanted} {text}`), "
            f"or add the missing h{wanted} heading before it.")


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each heading above the body's level, and each that skips a level."""
    issues, occurrences = [], Occurrences()
    start = context.heading_start
    previous = start - 1  # the heading the template puts above the body
    for position, heading in enumerate(elements(root, *HEADINGS)):
        level, text = int(heading.tag[1]), text_of(heading)
        needles = (f"{'#' * level} {text}", text)
        occurrence = occurrences.next((level, text))
        if level < start:
            issues.append(Issue("heading-level", f"heading {text!r} is an h{level}; here the text's headings "
                                f"start at h{start}", f"start the text's headings at `{'#' * start}`.",
                                needles, occurrence))
        elif level > previous + 1:
            where = "the text starts at" if position == 0 else f"after an h{previous} comes"
            issues.append(Issue("heading-skip", f"{where} h{level} {text!r}; a heading level is skipped",
                                level_fix(previous + 1, text), needles, occurrence))
        previous = max(level, start - 1)
    return issues
