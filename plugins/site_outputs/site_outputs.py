"""Machine-readable outputs of the whole site: sitemap.xml, robots.txt, Atom feeds and open data.

Settings: SITE_ORIGIN and SITEURL (checked by site_settings): these files use the site's public
address, origin plus sub-path. SITE_STAGING: a staging build asks robots not to index it.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

import site_context

from .feeds import atom_feed, feed_path
from .open_data import datasets
from .sitemap import robots_txt, sitemap_xml


class SiteOutputsGenerator(Generator):
    """Writes the site-wide machine-readable files after the pages exist in the index."""

    def generate_output(self, writer) -> None:
        index = site_context.require(self.context, site_context.SITE_INDEX)
        office = site_context.require(self.context, site_context.OFFICE)
        origin = self.settings["SITE_ORIGIN"] + self.settings["SITEURL"]
        out = Path(self.output_path)
        (out / "sitemap.xml").write_bytes(sitemap_xml(index, origin))
        (out / "robots.txt").write_text(robots_txt(origin, self.settings["SITE_STAGING"]), encoding="utf-8")
        for name, data in datasets(index, origin).items():
            (out / name).write_bytes(data)
        for lang in index.languages:
            target = out / feed_path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(atom_feed(index, lang, origin, office.text("name", lang), self.settings["TIMEZONE"]))


def get_generators(pelican):
    return SiteOutputsGenerator


def register():
    signals.get_generators.connect(get_generators)
