"""The content generator: reads every content kind, checks it, renders it, indexes it, lints it,
and writes every item and every placeholder for a missing translation.

Pelican's own page and article generators read nothing on this site (PAGE_PATHS and
ARTICLE_PATHS are empty): all content goes through here, so that every mistake is reported
as one line with file and line, and nothing is half-read.
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

import site_context
from content_lint import OFFICE_CHECK, OFFICE_FIELDS, Linter, LintTarget, OfficeDetails
from office_data.office_data import load as load_office
from personal_data import load_allowlist, scan_tree
from problems import ProblemsFound
from sources.digest import content_key, stable_repr
from sources.formats import FILES_FOLDER
from sources.front_matter import leaves
from template_env.links import external_cue

from .attachments import check_attachments, copy_attachments
from .disclosure_items import category_items
from .facts import Resolver
from .form_items import form_item, form_lint_target, load_forms, make_form_files, publish_form_files
from .inventory import Entry, check_inventory
from .items import Item
from .kinds import kind_named, section_kind
from .labels import file_label
from .layers import ContentLayers, DataFolder, FormLayers, form_problems, read_layered
from .linked_from import with_linking_pages
from .prepare import (
    Prepared,
    PreparedCache,
    Preparer,
    code_fingerprint,
    files_fingerprint,
    prepare,
)
from .reference import english_texts, load_reference
from .rendering import Renderer, with_base, with_cues
from .resolution import resolve_entries, resolve_reference
from .review_page import review_items
from .reviews_due import fact_reviews
from .site_index import SiteIndex
from .writing import write_all

# The settings that shape how a Markdown file is rendered and linted (part of the cache key).
PREPARE_SETTINGS = ("MARKDOWN", "CONTENT_LINT_CHECKS", "SITE_LANGUAGES")


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


def template_of(entry: Entry) -> str:
    """The template an item is rendered with: its own `template`, its section's, or its kind's."""
    template = getattr(entry.header, "template", None)
    if template is None and entry.is_top_page:
        listed = section_kind(entry.slug)
        template = listed.section_template if listed else None
    return template or entry.kind.template


def make_item(entry: Entry, prepared: Prepared, languages: dict[str, dict], attachments: dict, base: str,
              cue: str) -> Item:
    """An item from its entry and prepared result, its links given the site's base and, for a link
    to another site, the external-link cue `cue` (after the lint, which reads the links as
    written); the attachments (format, size, SHA-256, address) are this build's, never from the
    cache."""
    prefix = languages[entry.lang]["prefix"]
    fields = with_cues(with_base(prepared.fields, base), cue)
    if entry.kind.attachments:
        fields = {**fields, "attachments": attachments.get(entry.path, ())}
    return Item(kind=entry.kind, folder=entry.folder, lang=entry.lang, header=entry.header,
                fields=fields, content=with_cues(with_base(prepared.content, base), cue), source_path=entry.path,
                save_as=entry.kind.save_as(entry.folder, entry.slug, prefix), template=template_of(entry))


@dataclass(frozen=True)
class CheckedSources:
    """Everything a build reads, checked: Markdown entries (their facts in), reference data, form
    definitions, the attachments of the entries that have them ({entry path: attachments}), and
    the resolver that put the facts in (the lists of offices included)."""

    entries: list[Entry]
    reference: object
    forms: list
    attachments: dict
    resolver: Resolver


def read_sources(settings, content_root: Path, languages: dict[str, dict], translations: dict) -> CheckedSources:
    """Read and check all content, data and forms, and put the declared facts into them; raises
    ProblemsFound with every mistake."""
    today = datetime.date.today()
    layers = ContentLayers.from_settings(settings, content_root)
    reference, problems = load_reference(layers.data, list(languages))
    entries, found, override_warnings = read_layered(layers, list(languages))
    problems += found
    if problems:
        raise ProblemsFound(problems)
    reference, problems = resolve_reference(reference, Resolver(reference.facts, translations), layers.data)
    entries, resolver, found = resolve_entries(entries, reference, translations, languages, kind_named("guide"))
    problems += found
    allowlist = load_allowlist(Path(settings["PERSONAL_DATA_ALLOWLIST"]), today)
    guide_slugs = {entry.slug for entry in entries if entry.kind.name == "guide"}
    try:
        forms = load_forms(settings, list(languages), reference, guide_slugs, allowlist, resolver)
        form_ids = frozenset(form.id for form in forms)
    except ProblemsFound as error:
        # A broken definition is reported once, by its own lines: the pages that link to any
        # form still find it (its folder exists), so no "no form `x`" line follows for each link.
        forms, problems = [], problems + list(error.problems)
        form_ids = frozenset(folder.name for folder in FormLayers.from_settings(settings).folders())
    errors, warnings = check_inventory(entries, languages, content_root, reference, form_ids=form_ids,
                                       today=today)
    attachments, attachment_errors, attachment_warnings = check_attachments(entries, content_root)
    warnings += fact_reviews(reference, layers.data, today)
    override_warnings += form_problems(FormLayers.from_settings(settings))
    for warning in override_warnings + warnings + attachment_warnings:
        print(f"warning: {warning}", file=sys.stderr)
    problems += errors + attachment_errors + with_linking_pages(scan_tree(content_root, allowlist), entries,
                                                                content_root / FILES_FOLDER)
    if problems:
        raise ProblemsFound(problems)
    return CheckedSources(entries, reference, forms, attachments, resolver)


def office_values(settings, languages) -> dict[str, list[str]]:
    """The office's own details the lint looks for typed by hand (content/office.toml): {field:
    its value in each language}. Only these shape a prepared page, not the office's name: the
    national pages of a city's offices with the same details are rendered once."""
    office = load_office(Path(settings["OFFICE_DATA_FILE"]), list(languages))
    return {name: [office.text(name, lang) for lang in languages] for name in OFFICE_FIELDS}


def office_problems(lint: Linter, entries: list, done: list) -> list:
    """The office's own details typed by hand, looked for in every build in the prepared items
    (cached or not): the one lint check that depends on the office, kept out of the shared cache."""
    return lint([lint_target(entry, prepared.fields, prepared.content)
                 for entry, prepared in zip(entries, done, strict=True)])


def preparer_for(renderer: Renderer, lint: Linter) -> Preparer:
    """How one Markdown file is rendered and linted in this build."""
    return Preparer(lambda entry: rendered_fields(entry, renderer),
                    lambda entry: renderer.body(entry.text, entry.lang), lint, lint_target)


def prepare_fingerprint(settings, content_root: Path, data: DataFolder, resolver: Resolver) -> str:
    """Everything besides a file's own bytes that shapes its prepared result (prepare.py): the
    code, catalogs, glossary, files, settings, and the facts put into it (the declared facts, and
    the lists of offices made from the guides). Not the office's details: they are looked for in
    every build (office_problems), so a city's offices share one rendering of the national pages."""
    plugins = Path(__file__).resolve().parents[1]
    catalogs = sorted(Path(settings["TEMPLATE_ENV_LOCALE_DIR"]).rglob("*.po"))
    return content_key(*code_fingerprint(plugins), *(path.read_bytes() for path in catalogs),
                        (data / "glossary.yaml").read_bytes(), (data / "facts.yaml").read_bytes(),
                        stable_repr(resolver.lists),
                        *files_fingerprint(content_root / FILES_FOLDER),
                        stable_repr([settings.get(name) for name in PREPARE_SETTINGS]))


def prepare_items(settings, sources: CheckedSources, renderer: Renderer, content_root: Path, languages,
                  cues: dict[str, str]) -> list[Item]:
    """Every Markdown item, rendered and linted (cached, in parallel); raises ProblemsFound.
    `cues`: each language's external-link cue."""
    office = OfficeDetails.from_values(office_values(settings, languages))
    data = ContentLayers.from_settings(settings, content_root).data
    cache = PreparedCache(settings.get("CONTENT_MODEL_CACHE_DIR", ""),
                          prepare_fingerprint(settings, content_root, data, sources.resolver))
    glossary, files = tuple(sources.reference.glossary.root), content_root / FILES_FOLDER
    lint = Linter(settings, glossary, files, office)
    done, fresh = prepare(preparer_for(renderer, Linter(settings, glossary, files)), sources.entries, cache)
    print(f"content: {len(done)} files, {fresh} rendered and checked, {len(done) - fresh} from the cache",
          file=sys.stderr)
    problems = [p for prepared in done for p in prepared.problems]
    problems += office_problems(Linter(settings, glossary, files, office, only=(OFFICE_CHECK,)), sources.entries, done)
    problems += lint([form_lint_target(form, lang) for form in sources.forms for lang in languages])
    problems += lint([LintTarget(path, "", 1, "en", 2, (), "", tuple(texts))
                      for path, texts in english_texts(data)
                      if "en" in languages])
    if problems:
        raise ProblemsFound(problems)
    return [make_item(entry, prepared, languages, sources.attachments, settings["SITEURL"], cues[entry.lang])
            for entry, prepared in zip(sources.entries, done, strict=True)]


class ContentGenerator(Generator):
    """Every content kind: read and checked, rendered, linted, indexed, then written. Nothing is
    written into the output before generate_output (the forms' files wait in the cache)."""

    def generate_context(self) -> None:
        languages = self.settings["SITE_LANGUAGES"]
        content_root = Path(self.settings["PATH"])
        translations = site_context.require(self.context, site_context.TRANSLATIONS)
        sources = read_sources(self.settings, content_root, languages, translations)
        renderer = Renderer(self.settings, content_root / FILES_FOLDER,
                            lambda lang, kind, size: file_label(translations[lang], kind, size))
        cues = {lang: external_cue(translations[lang]) for lang in languages}
        items = prepare_items(self.settings, sources, renderer, content_root, languages, cues)
        self.form_files = make_form_files(self.settings, sources.forms)  # in the cache; published below
        items += [form_item(form, lang, self.form_files, languages) for form in sources.forms for lang in languages]
        items += category_items(sources.reference, items, languages)
        items += review_items(sources, items, languages, translations)
        index = SiteIndex(items, languages)
        self.context[site_context.SITE_INDEX] = index
        self.context[site_context.REFERENCE] = sources.reference
        if index.placeholders:
            missing = ", ".join(f"{p.original.source_path} ({p.lang})" for p in index.placeholders)
            print(f"notice: {len(index.placeholders)} translation(s) not written yet; a placeholder page "
                  f"links to the original: {missing}", file=sys.stderr)

    def generate_output(self, writer) -> None:
        index: SiteIndex = self.context[site_context.SITE_INDEX]

        def write(item) -> None:
            writer.write_file(item.save_as, self.get_template(item.template), self.context, page=item,
                              relative_urls=False)

        write_all(write, [*index.all_items(), *index.placeholders], kind=lambda item: item.template)
        copy_attachments(index.all_items(), Path(self.output_path))
        publish_form_files(self.form_files, Path(self.output_path))


def rendered_values(fields):
    """(location, HTML) of every header value that was rendered from inline Markdown."""
    return [(location, value) for location, value in leaves(fields) if isinstance(value, Markup)]


def lint_target(entry: Entry, fields: dict, content: Markup) -> LintTarget:
    """What the content lint checks of one item: its rendered header values and body."""
    rendered = sorted((entry.source.line_of(location), str(html)) for location, html in rendered_values(fields))
    plain = tuple((entry.source.line_of((name,)), getattr(entry.header, name)) for name in ("title", "summary"))
    return LintTarget(entry.path, entry.source.text, entry.source.body_line, entry.lang,
                      entry.kind.body_heading_level, tuple(rendered), str(content), plain)
