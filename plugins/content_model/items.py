"""What templates get as `page`: a content item, or the placeholder for a missing translation.

Both offer the same read-only surface: kind, folder, slug, lang, key, title, summary, url,
save_as, template, date, modified and `updated` (the ONE place where "modified, else date"
is decided). A kind's own header fields (fees, documents, …) are attributes of an item too,
with inline Markdown already rendered.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup
from pydantic import BaseModel

from .kinds import ContentKind
from .reviews import has_review

UPDATED_FROM = ("modified", "date", "reviewed", "updated")


def url_of(save_as: str) -> str:
    """The URL of a saved file relative to the site root (no leading '/'): a folder's
    index.html is the folder (`guides/birth/`), the home page is ''."""
    return save_as[: -len("index.html")] if save_as.endswith("index.html") else save_as


@dataclass(frozen=True, eq=False)
class Item:
    """One content file, read, checked and rendered, in one language."""

    kind: ContentKind
    folder: str  # sub-folder below the kind's folder ('' at the top)
    lang: str
    header: BaseModel  # the validated header
    fields: Mapping[str, object] = field(repr=False)  # header values for templates (Markdown rendered)
    content: Markup = field(repr=False)  # the rendered body
    source_path: str = ""  # as shown in messages
    save_as: str = ""
    template: str = ""

    def __getattr__(self, name: str):
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        raise AttributeError(f"{type(self).__name__} of kind {self.kind.name!r} has no {name!r}")

    @property
    def slug(self) -> str:
        return self.header.slug

    @property
    def title(self) -> str:
        return self.header.title

    @property
    def summary(self) -> str:
        return self.header.summary

    @property
    def key(self) -> tuple[str, str, str]:
        """What pairs a file with its translations: kind, folder (where it is in the URL), slug."""
        return (self.kind.name, self.folder if self.kind.folder_in_url else "", self.slug)

    @property
    def url(self) -> str:
        return url_of(self.save_as)

    @property
    def date(self) -> datetime.date | None:
        return getattr(self.header, "date", None)

    @property
    def modified(self) -> datetime.date | None:
        return getattr(self.header, "modified", None)

    @property
    def updated(self) -> datetime.date | None:
        """When the item last changed: the first of its `modified`, `date`, `reviewed` and
        `updated` dates that it has; None only for a guide never reviewed (`reviewed:` empty)."""
        return next((day for name in UPDATED_FROM if (day := getattr(self.header, name, None))), None)

    @property
    def is_placeholder(self) -> bool:
        return False

    @property
    def is_top_page(self) -> bool:
        return self.kind.is_top_page(self.folder)

    @property
    def has_review(self) -> bool:
        """True when the item says when its facts were last checked (`reviewed:`, even empty)."""
        return has_review(self.header)


@dataclass(frozen=True, eq=False)
class Placeholder:
    """The page written in a language that has no translation yet; it points to the original."""

    original: Item
    lang: str
    save_as: str
    template: str = "untranslated"

    kind = property(lambda self: self.original.kind)
    folder = property(lambda self: self.original.folder)
    key = property(lambda self: self.original.key)
    slug = property(lambda self: self.original.slug)
    title = property(lambda self: self.original.title)
    summary = property(lambda self: self.original.summary)
    date = property(lambda self: self.original.date)
    modified = property(lambda self: self.original.modified)
    updated = property(lambda self: self.original.updated)
    url = property(lambda self: url_of(self.save_as))
    is_placeholder = property(lambda self: True)
    is_top_page = property(lambda self: self.original.is_top_page)
    has_review = property(lambda self: False)
