"""The content kinds of the site, declared ONCE: where each kind's files live, its URL, its
header schema, its templates, its section page, its feed, and whether it goes into the
sitemap and the search. Everything else (the reader, the pre-check, the index, the sitemap,
feeds and templates) reads this table; adding a kind means one entry here and its schema.

Also declared here: the pages the templates rely on (they must exist, or the build stops).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pydantic import BaseModel

from sources.messages import N_

from . import disclosure_data, guide_data, reviews
from .schemas import disclosure, form, guide
from .schemas.disclosure import DisclosureCategoryHeader, DisclosureHeader
from .schemas.form import FormPageHeader
from .schemas.guide import GuideHeader
from .schemas.news import NewsHeader
from .schemas.page import PageHeader
from .schemas.review import ReviewPageHeader


@dataclass(frozen=True)
class OpenData:
    """A machine-readable list of a kind's items, published as `<name>.json` (and `.csv`), and
    listed in the open-data catalogue (datasets.json, datasets.jsonld, the open-data page) with
    the metadata data.gov.tw asks of a dataset: its name, description and main fields."""

    name: str  # the file name without extension, e.g. "guides"
    dataset: str  # the dataset's name, for people (a gettext msgid)
    title: str  # what the list holds, for people: the dataset's description (a gettext msgid)
    record: Callable  # ({lang: item}, origin, reference data) -> one JSON record
    # each record's keys in `<name>.json` -> what it holds (msgids); not part of the kind's identity
    json_fields: Mapping[str, str] = field(compare=False)
    csv_rows: Callable | None = None  # (record) -> rows for `<name>.csv` (UTF-8 with BOM), if any
    csv_fields: Mapping[str, str] | None = field(default=None, compare=False)  # the CSV's columns -> what each holds


@dataclass(frozen=True)
class Feed:
    """An Atom feed per language of a kind's items, newest first."""

    path: str  # the file below the site root, with {lang}: "feeds/{lang}.atom.xml"
    title: str  # what the feed is, for people (a gettext msgid)

    def file(self, lang: str) -> str:
        return self.path.format(lang=lang)


@dataclass(frozen=True)
class ContentKind:
    """One kind of content: its source folder, URL pattern, schema, templates and listings."""

    name: str
    folder: str | None  # below the content folder (PATH); None: made from data (forms/)
    url: str  # output path pattern below the language prefix: {folder}, {slug}
    schema: type[BaseModel]
    template: str  # the template an item is rendered with
    label: str  # what one item is called, for people (a gettext msgid)
    section: str | None = None  # slug of the top-level page that lists the items
    section_template: str | None = None  # the template of that section page
    dated: bool = False  # listed newest first by `date`; otherwise by title
    feed: Feed | None = None  # the kind's Atom feed per language, if it has one
    sitemap: bool = True  # items go into sitemap.xml
    search: bool = True  # items are indexed by the site search
    body_heading_level: int = 2  # the level the Markdown body's headings start at
    # Kind-specific checks (see schemas/guide.py): keys that must exist in the reference data,
    # facts a translation must share with its original, and warnings such as a review due.
    references: Callable | None = None  # (header, reference data, form ids) -> [Finding]
    agreement: Callable | None = None  # (original header, translation header) -> [(location, text)]
    notices: Callable | None = None  # (header, today) -> [Finding]
    # Header values shown as they are; every other text value may use inline Markdown.
    plain_fields: frozenset[str] = frozenset()
    open_data: OpenData | None = None  # the kind's items as open data, if published
    # Items list files kept in `<folder>/<slug>/` under `attachments:` (content_model/attachments.py).
    attachments: bool = False
    parent: Callable | None = None  # (item) -> (kind, slug) of a page between section and item in breadcrumbs

    def is_top_page(self, folder: str) -> bool:
        """True for a page at the top of the pages folder (home, contact, a section page…): the
        pages the templates, the footer and the section listings name by slug."""
        return self.name == PAGE and not folder

    def save_as(self, folder: str, slug: str, prefix: str) -> str:
        """The output file of an item, e.g. `en/guides/birth/index.html`."""
        if self.is_top_page(folder) and slug in SPECIAL_FILES:
            path = SPECIAL_FILES[slug]
        else:
            path = self.url.format(folder=f"{folder}/" if folder else "", slug=slug) + "index.html"
        return f"{prefix}/{path}" if prefix else path

    @property
    def folder_in_url(self) -> bool:
        """True if items in sub-folders get the sub-folder in their URL (and pair by it)."""
        return "{folder}" in self.url


PAGE = "page"  # the kind of the site's own pages (content/pages/)

KINDS: tuple[ContentKind, ...] = (
    ContentKind(PAGE, "pages", "{folder}{slug}/", PageHeader, "page", N_("Page"), notices=reviews.notices),
    ContentKind("news", "news", "news/{slug}/", NewsHeader, "news", N_("News"), section="news",
                section_template="news_index", dated=True, feed=Feed("feeds/{lang}.atom.xml", N_("News")),
                notices=reviews.notices),
    ContentKind("form", None, "forms/{slug}/", FormPageHeader, "form", N_("Form"), section="forms",
                section_template="form_index",
                open_data=OpenData("forms", N_("Household registration forms"),
                                   N_("Forms: every file with its size, pages and SHA-256"),
                                   form.open_record, form.JSON_FIELDS, form.csv_rows, form.CSV_COLUMNS)),
    ContentKind("guide", "guides", "guides/{slug}/", GuideHeader, "guide", N_("Application guide"),
                section="guides", section_template="guide_index", body_heading_level=3,
                references=guide.references, agreement=guide.agreement, notices=reviews.notices,
                plain_fields=frozenset({"topic", "law", "articles", "sources", "forms", "keywords", "status",
                                        "url", "zh", "fee", "fact"}),
                open_data=OpenData("guides", N_("Household registration application guides"),
                                   N_("Application guides: who applies, documents, fees, deadlines, "
                                      "where and online, legal basis, sources and review dates"),
                                   guide_data.open_record, guide_data.JSON_FIELDS, guide_data.csv_rows,
                                   guide_data.CSV_COLUMNS)),
    ContentKind("disclosure", "disclosures", "disclosures/{slug}/", DisclosureHeader, "disclosure",
                N_("Disclosure"), section="disclosures", section_template="disclosure_index", dated=True,
                feed=Feed("feeds/disclosures-{lang}.atom.xml", N_("Government information disclosures")),
                references=disclosure.references, agreement=disclosure.agreement, parent=disclosure.parent,
                plain_fields=frozenset({"category", "document_number", "file", "laws"}), attachments=True,
                open_data=OpenData("disclosures", N_("Government information disclosed by the office"),
                                   N_("Government information disclosures: every item with its "
                                      "dates, issuer and attachments (size, SHA-256)"),
                                   disclosure_data.open_record, disclosure_data.JSON_FIELDS,
                                   disclosure_data.csv_rows, disclosure_data.CSV_COLUMNS)),
    # The ten categories' pages, made from content/data/disclosure-categories.yaml.
    ContentKind("disclosure-category", None, "disclosures/{slug}/", DisclosureCategoryHeader,
                "disclosure_category", N_("Category of government information"), section="disclosures"),
    # The staff review page (content_model/review_page.py), made at every build: every fact with its
    # value, source and last review, and every statement that asks readers to check with the office.
    # Built and checked like every page, but in no menu, site map, sitemap.xml, feed or search.
    ContentKind("review", None, "{slug}/", ReviewPageHeader, "review", N_("Staff review"),
                sitemap=False, search=False),
)

# Pages written at a fixed file instead of <slug>/index.html.
SPECIAL_FILES = {"home": "index.html", "404": "404.html"}
# Pages that are not listed in the sitemap, the site map page or the search.
UNLISTED = frozenset({"404"})
# The search page (every header's search form sends its query there) is not itself indexed.
SEARCH_PAGE = "search"
NOT_SEARCHED = UNLISTED | {SEARCH_PAGE}
# Top-level pages the templates link to by slug (the footer, the header); each kind's section
# page is required too. A missing one stops the build instead of a link silently vanishing.
REQUIRED_PAGES = ("home", "404", "sitemap", "accessibility", "privacy", "open-data", "contact", SEARCH_PAGE,
                  "opinions", "appointments")
FOOTER_PAGES = ("opinions", "sitemap", "accessibility", "privacy", "open-data", "disclosures")


def kind_named(name: str) -> ContentKind:
    return next(kind for kind in KINDS if kind.name == name)


def required_pages() -> tuple[str, ...]:
    return REQUIRED_PAGES + tuple(kind.section for kind in KINDS if kind.section)


def section_kind(slug: str) -> ContentKind | None:
    """The kind whose section (listing) page has this slug, if any."""
    return next((kind for kind in KINDS if kind.section == slug), None)


def kind_of_path(relative_source: str) -> tuple[ContentKind, str]:
    """(kind, sub-folder) of a file, from its path relative to the content folder."""
    path = PurePosixPath(relative_source)
    for kind in KINDS:
        if kind.folder and path.parts and path.parts[0] == kind.folder:
            return kind, PurePosixPath(*path.parts[1:-1]).as_posix() if len(path.parts) > 2 else ""
    raise LookupError(f"{relative_source} is not in the folder of any content kind "
                      f"({', '.join(kind.folder for kind in KINDS)})")
