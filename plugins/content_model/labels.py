"""Words the build itself adds to content, through the gettext catalogs of the page's language."""

from __future__ import annotations

import gettext


def human_size(size: int, catalog: gettext.NullTranslations) -> str:
    """'850 bytes', '120 KB', '1.2 MB' (1 KB = 1,024 bytes; whole KB, one decimal MB)."""
    if size < 1024:
        return catalog.ngettext("%(num)d byte", "%(num)d bytes", size) % {"num": size}
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def file_label(catalog: gettext.NullTranslations, kind: str, size: int) -> str:
    """' (PDF, 120 KB)' in English, '（PDF，120 KB）' in Chinese."""
    return catalog.gettext(" (%(format)s, %(size)s)") % {"format": kind, "size": human_size(size, catalog)}
