"""Link text: the words of a link must say where it goes. A link whose whole visible text
(case-insensitive, trailing punctuation ignored) is a vague phrase like 點此 or "click here",
and a link with no text, no image alt and no aria-label at all, are reported."""

from __future__ import annotations

from .issues import Issue, text_of

VAGUE = frozenset({"點此", "點這裡", "按此", "這裡", "更多",
                   "click here", "here", "more", "read more"})
TRAILING = " \t\n.,:;!?…。，、；：！？»›→>"
VAGUE_FIX = ("use the name of the destination as the link text, e.g. "
             "`[常見問答](/faq/)` instead of `[點此](/faq/)`.")
EMPTY_FIX = ("put words that say where the link goes between the brackets, "
             "e.g. `[常見問答](/faq/)`; for an image link, give the image alt text.")


def link_needles(text: str, href: str) -> tuple[str, ...]:
    """Where a link is written: Markdown `[text](href`, reference `[text]`, HTML `>text</a>`."""
    return (f"[{text}]({href}", f"[{text}]", f">{text}</a>", f"({href}", href, text)


def has_name(link) -> bool:
    """True if a link without text still has a name: an image with alt, or aria-label."""
    if link.get("aria-label", "").strip():
        return True
    return any(image.get("alt", "").strip() for image in link.find_all("img"))


def is_vague(text: str) -> bool:
    return text.rstrip(TRAILING).strip().lower() in VAGUE


def check(soup, lang: str) -> list[Issue]:
    """An issue for each link with vague text, and for each empty link."""
    issues = []
    for link in soup.find_all("a", href=True):
        text, href = text_of(link), link["href"]
        needles = link_needles(text, href)
        if not text and not has_name(link):
            issues.append(Issue(f"link to {href!r} has no text.", EMPTY_FIX, needles))
        elif text and is_vague(text):
            issues.append(Issue(f"link text {text!r} does not say where the link goes ({href}).",
                                VAGUE_FIX, needles))
    return issues
