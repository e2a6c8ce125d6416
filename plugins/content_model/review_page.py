"""The staff review page, made at every build at /review/ (and /en/review/): every declared
fact with its value in the page's language, its source, law and last review; every page's review
date; every statement of the site that asks the reader to check with the office or says that
something is not confirmed, with its page; and the facts marked unverified.

Staff find it in docs/facts.md; it is in no menu, site map, sitemap.xml, feed or search, and is
not indexed by search engines (`noindex`). Its words go through the catalogs like every page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import lxml.html
from markupsafe import Markup, escape

from sources.messages import N_

from .facts import Resolver, placeholders
from .items import Item
from .kinds import kind_named
from .reviews import due_date, has_review
from .schemas.facts import FACTS_FILE

KIND = "review"
SLUG = "review"



TITLE = N_("Staff review: facts, sources and reviews")
SUMMARY = N_("Every declared fact with its source and last review, and every statement that asks readers "
             "to check with the office. For the office's staff.")


@dataclass(frozen=True)
class FactRow:
    kind: str  # fee, days, fine, text
    key: str
    fact: object  # schemas.facts.Fact
    value: str  # in the page's language
    due: datetime.date | None  # when the next review is due (None: never reviewed); never from the clock
    used_by: tuple  # the items (and form pages) of this language that state it


@dataclass(frozen=True)
class Statement:
    item: object  # the item (or form page) that makes it
    sentences: tuple[str, ...]


def fact_value(resolver: Resolver, kind: str, key: str, lang: str) -> str:
    """The fact as a page shows it (a fee with its unit)."""
    form = "unit" if kind == "fee" else None
    text = f"{{{{{kind}:{key}{':' + form if form else ''}}}}}"
    value, _ = resolver.resolve(text, lang)
    return value


def users(sources, items: list[Item], lang: str) -> dict[str, list]:
    """{"kind:key": [items of this language that state the fact]} from the files as written."""
    by_path = {(item.source_path, item.lang): item for item in items}
    used: dict[str, list] = {}

    def add(name: str, item) -> None:
        if item is not None and item not in used.setdefault(name, []):
            used[name].append(item)

    for entry in sources.entries:
        item = by_path.get((entry.path, lang)) if entry.lang == lang else None
        names = [ref.name for text in _texts(entry.source.header, entry.source.body) for ref in placeholders(text)[0]]
        if entry.kind.name == "guide":
            names += [f"fee:{fee.fee}" for fee in entry.header.fees]
            names += [f"days:{entry.header.deadline.fact}"] if entry.header.deadline.fact else []
        for name in names:
            add(name, item)
    for form in sources.forms:
        item = by_path.get((form.source, lang))
        text = (form.folder / "form.yaml").read_text(encoding="utf-8")
        for ref in placeholders(text)[0]:
            add(ref.name, item)
    for kind, key, fact in sources.reference.facts.all():  # a declared text states the facts it names
        if kind == "text":
            for ref in placeholders(fact.text[lang])[0]:
                for item in used.get(f"text:{key}", []):
                    add(ref.name, item)
    return used


def _texts(header, body: str):
    if isinstance(header, str):
        yield header
    elif isinstance(header, dict):
        for value in header.values():
            yield from _texts(value, "")
    elif isinstance(header, list):
        for value in header:
            yield from _texts(value, "")
    if body:
        yield body


def blocks(value):
    """Every block of text (a paragraph, a list item, a table cell or a header value) in an item's
    fields or body, as HTML without its links (their text kept): (plain text, markup)."""
    if isinstance(value, (Markup, str)):
        html = str(value) if isinstance(value, Markup) else str(escape(value))
        if not html.strip():
            return
        root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
        for link in root.xpath(".//a"):
            link.drop_tag()
        for block in root.xpath(".//p | .//li[not(.//li)] | .//dd | .//td | .//th | .//caption") or [root]:
            inner = (block.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in block)
            yield " ".join(block.text_content().split()), Markup(" ".join(inner.split()))
    elif isinstance(value, dict):
        for inner in value.values():
            yield from blocks(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from blocks(inner)


def asking(item, phrases: list[str]) -> tuple[Markup, ...]:
    """The statements of an item (each block of text) that ask the reader to check with the
    office, or say that something is not confirmed, in the order of the page, each once; as
    markup, so that words in the other language keep their `lang`."""
    wanted = [phrase.lower() for phrase in phrases]
    found, seen = [], set()
    for text, markup in [*blocks(dict(item.fields)), *blocks(item.content)]:
        if text and text not in seen and any(phrase in text.lower() for phrase in wanted):
            seen.add(text)
            found.append(markup)
    return tuple(found)


def review_items(sources, items: list[Item], languages: dict[str, dict], translations: dict) -> list[Item]:
    """The review page in every language."""
    kind = kind_named(KIND)
    facts = sources.reference.facts
    resolver = sources.resolver
    reviewed = [item for item in items if has_review(item.header)]
    dates = [item.header.reviewed for item in reviewed if item.header.reviewed]
    dates += [fact.reviewed for _, _, fact in facts.all() if fact.reviewed]
    updated = max(dates) if dates else max(item.updated for item in items if item.updated)
    made = []
    for lang, spec in languages.items():
        catalog = translations[lang]
        used = users(sources, items, lang)
        rows = [FactRow(kind_, key, fact, fact_value(resolver, kind_, key, lang), due_date(fact.reviewed),
                        tuple(used.get(f"{kind_}:{key}", ())))
                for kind_, key, fact in facts.all()]
        mine = [item for item in items if item.lang == lang and item.kind.name != KIND]
        statements = [Statement(item, found) for item in mine if (found := asking(item, facts.ask.get(lang, [])))]
        pages = sorted((item for item in reviewed if item.lang == lang),
                       key=lambda item: (item.header.reviewed or datetime.date.min, item.url))
        header = kind.schema(title=catalog.gettext(TITLE), slug=SLUG, lang=lang, summary=catalog.gettext(SUMMARY),
                             updated=updated)
        fields = {"facts": rows, "pages": [(item, due_date(item.header.reviewed)) for item in pages],
                  "statements": statements, "updated": updated,
                  "guides": [item for item in mine if item.kind.name == "guide"]}
        made.append(Item(kind=kind, folder="", lang=lang, header=header, fields=fields, content=Markup(""),
                         source_path=FACTS_FILE, save_as=kind.save_as("", SLUG, spec["prefix"]),
                         template=kind.template))
    return made
