"""The content model plugin: adds the content generator (its settings are declared and checked
with every other plugin's in site_settings).

Context keys it provides: `site_index` and `reference` (see plugins/site_context).
"""

from __future__ import annotations

from pelican import signals

from .generator import ContentGenerator


def get_generators(pelican):
    return ContentGenerator


def register():
    signals.get_generators.connect(get_generators)
