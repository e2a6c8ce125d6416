"""The content model plugin: checks its settings at start-up and adds the content generator.

Context keys it provides: `site_index` and `reference` (see plugins/site_context).
"""

from __future__ import annotations

from pelican import signals

from . import settings
from .generator import ContentGenerator


def check_settings(pelican) -> None:
    settings.check(pelican.settings)


def get_generators(pelican):
    return ContentGenerator


def register():
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
