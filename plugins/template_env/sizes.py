"""File sizes as people read them, in the page's language: '850 bytes', '120 KB', '1.2 MB'."""

from __future__ import annotations

import gettext


def human_size(size: int, catalog: gettext.NullTranslations) -> str:
    """1 KB = 1,024 bytes; whole KB below 1 MB, one decimal above; bytes counted in words."""
    if size < 1024:
        return catalog.ngettext("%(num)d byte", "%(num)d bytes", size) % {"num": size}
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"
