"""Pelican side of the site search: writes the search manifest (records.MANIFEST) into the
output after every page is written. The index itself is built by site_build after Pelican."""

from __future__ import annotations

import json
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

import site_context

from .records import MANIFEST, search_manifest


class SearchManifestGenerator(Generator):
    """Writes the custom records and the expected page counts for the index step."""

    def generate_output(self, writer) -> None:
        index = site_context.require(self.context, site_context.SITE_INDEX)
        translations = site_context.require(self.context, site_context.TRANSLATIONS)
        manifest = search_manifest(index, translations)
        (Path(self.output_path) / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                                       encoding="utf-8")


def get_generators(pelican):
    return SearchManifestGenerator


def register():
    signals.get_generators.connect(get_generators)
