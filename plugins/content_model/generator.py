"""The content generator: reads every content kind, checks it, renders it, indexes it, lints it,
and writes every item and every placeholder for a missing translation.

Pelican's own page and article generators read nothing on this site (PAGE_PATHS and
ARTICLE_PATHS are empty): all content goes through here, so that every mistake is reported
as one line with file and line, and nothing is half-read.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican.generators import Generator

import site_context
from content_lint import LintTarget, lint_targets
from personal_data import load_allowlist, scan_tree
from problems import ProblemsFound

from .inventory import Entry, check_inventory, read_entries
from .items import Item
from .kinds import section_kind
from .labels import file_label
from .reference import load_reference
from .rendering import FILES_FOLDER, Renderer
from .settings import languages_of
from .site_index import SiteIndex

DATA_FOLDER = "data"


def rendered_fields(entry: Entry, renderer: Renderer) -> dict:
    """The header's values for templates: every text value rendered as inline Markdown, except
    the kind's plain fields (keys, codes, URLs) and the common plain ones (title, summary…)."""
    plain = entry.kind.plain_fields | {"title", "slug", "lang", "summary", "template"}

    def render(value, name: str | None):
        if isinstance(value, dict):
            return {key: render(inner, key) for key, inner in value.items()}
        if isinstance(value, list):
            return [render(inner, name) for inner in value]
        if isinstance(value, str) and name not in plain:
            return renderer.inline(value, entry.lang)
        return value

    return {name: render(value, name) for name, value in entry.header.model_dump(mode="python").items()}


def make_item(entry: Entry, renderer: Renderer, languages: dict[str, dict]) -> Item:
    prefix = languages[entry.lang]["prefix"]
    template = getattr(entry.header, "template", None)
    if template is None and entry.kind.name == "page" and not entry.folder:
        listed = section_kind(entry.slug)
        template = listed.section_template if listed else None
    return Item(kind=entry.kind, folder=entry.folder, lang=entry.lang, header=entry.header,
                fields=rendered_fields(entry, renderer), content=renderer.body(entry.source.body, entry.lang),
                source_path=entry.path, save_as=entry.kind.save_as(entry.folder, entry.slug, prefix),
                template=template or entry.kind.template)


def personal_data_problems(settings, content_root: Path, today: datetime.date) -> list:
    """National ID, resident and mobile numbers and outside e-mail addresses anywhere in the
    content (text, headers, data files, attachments), unless allow-listed (docs/personal-data.md)."""
    allowlist = load_allowlist(Path(settings["PERSONAL_DATA_ALLOWLIST"]), today)
    return scan_tree(content_root, allowlist)


class ContentGenerator(Generator):
    """Every content kind, from Markdown files to written pages."""

    def generate_context(self) -> None:
        languages = languages_of(self.settings)
        content_root = Path(self.settings["PATH"])
        reference, problems = load_reference(content_root / DATA_FOLDER, list(languages))
        entries, found = read_entries(content_root, list(languages))
        problems += found
        if not problems:
            today = datetime.date.today()
            errors, warnings = check_inventory(entries, languages, content_root, reference,
                                               form_ids=None, today=today)
            problems += errors + personal_data_problems(self.settings, content_root, today)
            for warning in warnings:
                print(f"warning: {warning}", file=sys.stderr)
        if problems:
            raise ProblemsFound(problems)
        translations = site_context.require(self.context, site_context.TRANSLATIONS)
        renderer = Renderer(self.settings, self.settings["SITEURL"], content_root / FILES_FOLDER,
                            lambda lang, kind, size: file_label(translations[lang], kind, size))
        items = [make_item(entry, renderer, languages) for entry in entries]
        lint_problems = lint_targets([lint_target(e, i) for e, i in zip(entries, items)], self.settings,
                                     tuple(reference.glossary.root), content_root / FILES_FOLDER,
                                     urlsplit(self.settings["SITEURL"]).path.rstrip("/"))
        if lint_problems:
            raise ProblemsFound(lint_problems)
        index = SiteIndex(items, languages)
        self.context[site_context.SITE_INDEX] = index
        self.context[site_context.REFERENCE] = reference
        if index.placeholders:
            missing = ", ".join(f"{p.original.source_path} ({p.lang})" for p in index.placeholders)
            print(f"notice: {len(index.placeholders)} translation(s) not written yet; a placeholder page "
                  f"links to the original: {missing}", file=sys.stderr)

    def generate_output(self, writer) -> None:
        index: SiteIndex = self.context[site_context.SITE_INDEX]
        for item in (*index.all_items(), *index.placeholders):
            writer.write_file(item.save_as, self.get_template(item.template), self.context, page=item,
                              relative_urls=False)


def rendered_values(fields, location=()):
    """(location, HTML) of every header value that was rendered from inline Markdown."""
    if isinstance(fields, Markup):
        yield location, fields
    elif isinstance(fields, dict):
        for key, value in fields.items():
            yield from rendered_values(value, (*location, key))
    elif isinstance(fields, list):
        for number, value in enumerate(fields):
            yield from rendered_values(value, (*location, number))


def lint_target(entry: Entry, item: Item) -> LintTarget:
    """What the content lint checks of one item: its rendered header values and body."""
    fields = sorted((entry.source.line_of(location), str(html)) for location, html in rendered_values(item.fields))
    plain = tuple((entry.source.line_of((name,)), getattr(entry.header, name)) for name in ("title", "summary"))
    return LintTarget(entry.path, entry.source.text, entry.source.body_line, entry.lang,
                      entry.kind.body_heading_level, tuple(fields), str(item.content), plain)
