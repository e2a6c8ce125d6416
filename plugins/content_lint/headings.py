"""Headings: the page title is the only h1 (the template renders it), so the body starts at
h2 and never skips a level going down (h2 → h4 is an error; h4 → h2 is fine)."""

from __future__ import annotations

from .issues import Issue, text_of

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
H1_FIX = "the title is the page's only `#`: start the body's headings at `##`."


def skip_fix(previous: int, text: str) -> str:
    wanted = previous + 1
    return (f"make it h{wanted} (`{'#' * wanted} {text}`), "
            f"or add the missing h{wanted} heading before it.")


def check(soup, lang: str) -> list[Issue]:
    """An issue for each h1 in the body and each heading that skips a level."""
    issues = []
    previous = 1  # the page title
    for position, heading in enumerate(soup.find_all(HEADINGS)):
        level, text = int(heading.name[1]), text_of(heading)
        needles = (f"{'#' * level} {text}", text)
        if level == 1:
            issues.append(Issue(f"heading {text!r} is an h1 in the body.", H1_FIX, needles))
        elif level > previous + 1:
            where = "the body starts at" if position == 0 else f"after an h{previous} comes"
            issues.append(Issue(f"{where} h{level} {text!r}; a heading level is skipped.",
                                skip_fix(previous, text), needles))
        previous = level
    return issues
