"""Link text: the words of a link must say where it goes. A link whose whole visible text
(case-insensitive, trailing punctuation ignored) is a vague phrase like 點此 or "click here",
and a link with no text, no image alt and no aria-label at all, are reported."""

from __future__ import annotations

from .issues import Issue, LintContext, Occurrences
from .tree import classes, elements, links, text_nodes, text_of

VAGUE = frozenset({"點此", "點這裡", "按此", "這裡", "更多",
                   "click here", "here", "more", "read more"})
TRAILING = " \t\n.,:;!?…。，、；：！？»›→>"
VAGUE_FIX = ("use the name of the destination as the link text, e.g. "
             "`[常見問答](/faq/)` instead of `[點此](/faq/)`.")
PELICAN_SYNTAX = ("{static}", "{filename}", "{attach}", "{index}", "{tag}", "{category}", "{author}")
SYNTAX_FIX = ("link from the site root: `/guides/birth/` for a page (`/en/guides/birth/` in English), "
              "`/files/<name>` for an image or download kept in content/files/.")
EMPTY_FIX = ("put words that say where the link goes between the brackets, "
             "e.g. `[常見問答](/faq/)`; for an image link, give the image alt text.")


def own_text(link) -> str:
    """The link's text as the author wrote it (without the format and size the build adds)."""
    return " ".join(word for text, _ in text_nodes(link, skip=lambda element: classes(element) == ["file-info"])
                    for word in text.split())


def link_needles(text: str, href: str) -> tuple[str, ...]:
    """Where a link is written: Markdown `[text](href`, reference `[text]`, HTML `>text</a>`."""
    return (f"[{text}](", f"[{text}]", f">{text}</a>", f"({href}", href, text)


def has_name(link) -> bool:
    """True if a link without text still has a name: an image with alt, or aria-label."""
    if link.get("aria-label", "").strip():
        return True
    return any(image.get("alt", "").strip() for image in elements(link, "img"))


def is_vague(text: str) -> bool:
    return text.rstrip(TRAILING).strip().lower() in VAGUE


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each link with vague text, and for each empty link."""
    issues, occurrences = [], Occurrences()
    for link in links(root):
        text, href = own_text(link), link.get("href")
        occurrence = occurrences.next(text)
        needles = link_needles(text, href)
        if any(marker in href for marker in PELICAN_SYNTAX):
            issues.append(Issue("link-syntax", f"link {href!r} uses Pelican's {{…}} syntax, which this site does "
                                "not use", SYNTAX_FIX, needles, occurrence))
        elif not text and not text_of(link) and not has_name(link):
            issues.append(Issue("link-empty", f"link to {href!r} has no text", EMPTY_FIX, needles, occurrence))
        elif text and is_vague(text):
            issues.append(Issue("link-vague", f"link text {text!r} does not say where the link goes ({href})",
                                VAGUE_FIX, needles, occurrence))
    return issues
