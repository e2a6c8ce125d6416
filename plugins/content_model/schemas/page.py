"""Header of a plain page (`content/pages/`): about, contact, FAQ, privacy, section pages…"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PositiveInt

from .common import Day, Header, ReviewDay

# Pages with a layout of their own. A section page (guides, forms, …) gets its listing
# template from its content kind, so it needs no `template:` line.
SPECIAL_TEMPLATES = ("home", "contact", "sitemap", "accessibility", "not_found", "open_data", "search",
                     "glossary", "opinions", "appointments")


class PageHeader(Header):
    modified: Annotated[Day, Field(description="the date of the last real change, as YYYY-MM-DD")]
    # A page that states rules (a fact placeholder) must have it (docs/facts.md).
    reviewed: ReviewDay = None
    nav: Annotated[PositiveInt | None, Field(
        description="a whole number: the page's place in the main menu (1 is first)")] = None
    template: Annotated[Literal[SPECIAL_TEMPLATES] | None, Field(
        description=f"one of: {', '.join(SPECIAL_TEMPLATES)} (only for those special pages)")] = None
