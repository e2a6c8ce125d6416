"""The pages of the ten disclosure categories: made from `content/data/disclosure-categories.yaml`
(not from Markdown), one per category and language, at /disclosures/<key>/.

A category page's "last updated" is the newest change of the disclosures it lists, or else the
date of the landing page (`content/pages/disclosures.*.md`), which introduces the categories:
nothing depends on the clock, so builds stay reproducible.
"""

from __future__ import annotations

from markupsafe import Markup

from .items import Item
from .kinds import kind_named
from .schemas.disclosure import CATEGORIES_FILE

KIND = "disclosure-category"
LISTED_KIND = "disclosure"


def category_items(reference, items: list[Item], languages: dict[str, dict]) -> list[Item]:
    """Every category's page in every language."""
    kind = kind_named(KIND)
    primary = next(iter(languages))
    landing = {item.lang: item for item in items
               if item.is_top_page and item.slug == kind.section}
    made = []
    for category in reference.disclosure_categories.root:
        listed = [item for item in items if item.kind.name == LISTED_KIND and item.header.category == category.key]
        for lang, spec in languages.items():
            dates = [item.updated for item in listed if item.lang in (lang, primary)]
            updated = max([*dates, landing.get(lang, landing[primary]).updated])
            header = kind.schema(title=category.name[lang], slug=category.key, lang=lang,
                                 summary=category.explain[lang], number=category.number, updated=updated)
            fields = {"number": category.number, "explain": category.explain[lang],
                      "empty": category.empty[lang], "updated": updated}
            made.append(Item(kind=kind, folder="", lang=lang, header=header, fields=fields, content=Markup(""),
                             source_path=CATEGORIES_FILE, save_as=kind.save_as("", category.key, spec["prefix"]),
                             template=kind.template))
    return made
