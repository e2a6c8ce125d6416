"""The form kind's items: made from the definitions in forms/ (not from Markdown), with their
files generated (or taken from the cache) into the output's forms/ folder.

Settings: FORMS_DIR (the definitions; FORMS_LAYERS, the engine's beneath a site's own: layers.py),
FORMS_CACHE_DIR (generated files, reused while a form is unchanged; outside the output, so a
fresh build links them instead of making them again).
"""

from __future__ import annotations

import sys
from pathlib import Path

from markupsafe import Markup

from content_lint import LintTarget
from forms import Form, GenerationReport, MadeFiles, load_definitions, make_files, publish
from forms.pages import downloads, page_fields, texts_with_lines

from .facts import Resolver, typed_issue, typed_values
from .items import Item
from .kinds import kind_named
from .layers import FormLayers

FILES_URL = "forms/"  # the forms' files are written to <output>/forms/<id>/…


def load_forms(settings, languages: list[str], reference, guide_slugs: set[str], allowlist, resolver) -> list[Form]:
    """Every form definition, checked, its facts in (raises ProblemsFound naming file and line)."""
    layers = FormLayers.from_settings(settings)
    return load_definitions(layers.site, languages, allowlist=allowlist, below=layers.below,
                            topics=[topic.key for topic in reference.topics.root], guides=guide_slugs,
                            resolve=form_resolver(resolver))


def form_resolver(resolver: Resolver):
    """A form text's facts in; a value typed by hand there is a mistake (forms never type one)."""
    def resolve(text: str, lang: str):
        value, issues = resolver.resolve(text, lang)
        return value, issues + [typed_issue(typed, resolver, "forms never type a fee, fine or time limit")
                                for typed in typed_values(text)]

    return resolve


def make_form_files(settings, forms: list[Form]) -> MadeFiles:
    """Every form's files, made where they changed, in the cache (read, never the output)."""
    return make_files(forms, Path(settings["FORMS_CACHE_DIR"]))


def publish_form_files(made: MadeFiles, output_path: Path) -> GenerationReport:
    """The output phase: the files into <output>/forms/; one line with the counts the build reports."""
    report = publish(made, output_path / FILES_URL)
    print(f"forms: {len(report.files)} files, {report.regenerated} regenerated, {report.copied} copied, "
          f"{report.written - report.copied} linked from the cache, in {report.seconds:.1f} s", file=sys.stderr)
    return report


def form_item(form: Form, lang: str, report: MadeFiles, languages: dict[str, dict]) -> Item:
    """The page of one form in one language."""
    kind = kind_named("form")
    definition = form.definition
    header = kind.schema(title=definition.title[lang], slug=form.id, lang=lang, summary=definition.purpose[lang],
                         topic=definition.topic, updated=definition.updated)
    fields = {**page_fields(form, lang), "downloads": downloads(report.files, form.id, lang)}
    return Item(kind=kind, folder="", lang=lang, header=header, fields=fields, content=Markup(""),
                source_path=form.source, save_as=kind.save_as("", form.id, languages[lang]["prefix"]),
                template=kind.template)


def form_lint_target(form: Form, lang: str) -> LintTarget:
    """What the content lint reads of a form: its texts in one language (plain text)."""
    return LintTarget(form.source, "", 1, lang, 2, (), "", tuple(texts_with_lines(form, lang)))
