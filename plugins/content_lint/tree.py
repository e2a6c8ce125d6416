"""The rendered HTML a check reads: parsed once with lxml into a tree of elements under one
wrapping <div>, and the few ways of reading it that the checks share. (lxml's own tree is
several times faster to parse and search than a BeautifulSoup tree of the same HTML.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import html
from lxml.html import HtmlElement


def parse(markup: str) -> HtmlElement:
    """A fragment of HTML (a body, or header values) as one element holding it all."""
    return html.fragment_fromstring(markup, create_parent="div")


def elements(root: HtmlElement, *tags: str) -> Iterator[HtmlElement]:
    """The elements with one of these tag names, in document order (the root included)."""
    return root.iter(*tags)


def first(root: HtmlElement, tag: str) -> HtmlElement | None:
    """The first element with this tag name at or below `root`."""
    return next(root.iter(tag), None)


def links(root: HtmlElement) -> Iterator[HtmlElement]:
    """Every <a> with an href, in document order."""
    return (link for link in root.iter("a") if link.get("href") is not None)


def classes(element: HtmlElement) -> list[str]:
    return element.get("class", "").split()


def text_nodes(root: HtmlElement, lang: str | None = None,
               skip: Callable[[HtmlElement], bool] = lambda element: False) -> Iterator[tuple[str, str | None]]:
    """(text, the `lang` of its closest element that has one, lower-cased, or None) for every
    run of text below `root` in document order: one walk down the tree, each element passing
    its language on. Comments are not text; elements for which `skip` is true are passed over
    with their text (the text after them still counts)."""
    if root.text:
        yield root.text, lang
    for child in root:
        if isinstance(child.tag, str) and not skip(child):
            own = child.get("lang")
            yield from text_nodes(child, own.strip().lower() if own is not None else lang, skip)
        if child.tail:
            yield child.tail, lang


# Elements whose text is not prose: code and the like.
NOT_PROSE = {"code", "pre", "kbd", "samp", "script", "style"}


def prose(root: HtmlElement) -> Iterator[tuple[str, str | None]]:
    """(text, its language or None) of every run of text outside code-like elements."""
    return text_nodes(root, skip=lambda element: element.tag in NOT_PROSE)


def texts_in(root: HtmlElement, prefix: str) -> Iterator[str]:
    """The text of every node in a language starting with `prefix`, or with no `lang` around it
    (then it is in the page's language): what a check of one language's wording reads."""
    for text, lang in prose(root):
        if lang is None or lang.startswith(prefix):
            yield text


def text_of(element: HtmlElement) -> str:
    """The visible text of an element, whitespace collapsed."""
    return " ".join(element.text_content().split())
