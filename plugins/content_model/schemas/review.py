"""The header of the staff review page, made at every build (content_model/review_page.py):
authors never write it."""

from __future__ import annotations

from .common import Day, Header


class ReviewPageHeader(Header):
    updated: Day  # the newest review date among the facts and pages it lists (never the clock)
