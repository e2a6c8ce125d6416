"""Words the build itself adds to content, through the gettext catalogs of the page's language."""

from __future__ import annotations

import gettext

from template_env.sizes import human_size


def file_label(catalog: gettext.NullTranslations, kind: str, size: int) -> str:
    """' (PDF, 120 KB)' in English, '（PDF，120 KB）' in Chinese."""
    return catalog.gettext(" (%(format)s, %(size)s)") % {"format": kind, "size": human_size(size, catalog)}
