"""Header of a news item (`content/news/`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import Day, Header, ReviewDay


class NewsHeader(Header):
    date: Annotated[Day, Field(description="the publication date, as YYYY-MM-DD")]
    modified: Annotated[Day | None, Field(description="the date of a later correction, as YYYY-MM-DD")] = None
    # A news item that states rules (a fact placeholder) must have it (docs/facts.md).
    reviewed: ReviewDay = None
    urgent: Annotated[bool, Field(
        description="`true` to list the item under 'Important notices' on the home page, else leave it out")] = False
