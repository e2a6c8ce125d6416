"""Machine-readable outputs of the whole site: sitemap.xml, robots.txt, Atom feeds, open data,
the open-data catalogue (datasets.json, datasets.jsonld; the open-data page shows it too) and
the SHA-256 list of the downloads (SHA256SUMS.txt, one per language) (and, in a build for the
component test only, the component examples).

They use the site's public base URL (`site.base_url`, from site_settings); a staging build
asks robots not to index it.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

import site_context
from content_model.kinds import KINDS
from problems import ProblemsFound

from .catalogue import JSON_FILE, JSONLD_FILE, Catalogue, catalogue_problems
from .catalogue import datasets as declared_datasets
from .component_examples import FOLDER as EXAMPLES_FOLDER
from .component_examples import write_examples
from .feeds import atom_feed
from .open_data import datasets
from .sitemap import robots_txt, sitemap_xml


class SiteOutputsGenerator(Generator):
    """Writes the site-wide machine-readable files after the pages exist in the index."""

    def generate_output(self, writer) -> None:
        index = site_context.require(self.context, site_context.SITE_INDEX)
        office = site_context.require(self.context, site_context.OFFICE)
        site = site_context.require(self.context, site_context.SITE)
        origin = site.base_url
        out = Path(self.output_path)
        (out / "sitemap.xml").write_bytes(sitemap_xml(index, origin))
        (out / "robots.txt").write_text(robots_txt(origin, site.staging), encoding="utf-8")
        reference = site_context.require(self.context, site_context.REFERENCE)
        for name, data in datasets(index, origin, reference).items():
            (out / name).write_bytes(data)
        catalogue = site_context.require(self.context, site_context.OPEN_DATA_CATALOGUE)
        (out / JSON_FILE).write_bytes(catalogue.json_document())
        (out / JSONLD_FILE).write_bytes(catalogue.jsonld_document())
        problems = catalogue_problems(catalogue.datasets, out)
        if problems:
            raise ProblemsFound(problems)
        for lang in index.languages:  # one SHA-256 list per language, linked once from its pages
            sums = index.checksums(lang)
            (out / sums.url).parent.mkdir(parents=True, exist_ok=True)
            (out / sums.url).write_text(sums.text, encoding="utf-8")
        translations = site_context.require(self.context, site_context.TRANSLATIONS)
        for kind in (kind for kind in KINDS if kind.feed):
            for lang in index.languages:
                target = out / kind.feed.file(lang)
                target.parent.mkdir(parents=True, exist_ok=True)
                title = translations[lang].gettext("%(office)s: %(feed)s") % {
                    "office": office.text("name", lang), "feed": translations[lang].gettext(kind.feed.title)}
                target.write_bytes(atom_feed(index, kind, lang, origin, title, self.settings["TIMEZONE"]))
        if self.settings["SITE_COMPONENT_EXAMPLES"]:
            print(f"components: {write_examples(self, out)} example pages in {EXAMPLES_FOLDER}/")


def add_catalogue_to_context(generators) -> None:
    """The open-data catalogue, for the open-data page and the files: after the office's data."""
    context = generators[0].context
    index = site_context.require(context, site_context.SITE_INDEX)
    context[site_context.OPEN_DATA_CATALOGUE] = Catalogue(
        declared_datasets(), site_context.require(context, site_context.TRANSLATIONS),
        site_context.require(context, site_context.OFFICE), site_context.require(context, site_context.SITE).base_url,
        context["SITE_LANGUAGES"], {lang: index.page("open-data", lang).url for lang in index.languages})


def get_generators(pelican):
    return SiteOutputsGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(add_catalogue_to_context)
