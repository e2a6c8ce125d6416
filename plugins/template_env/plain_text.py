"""Text as the reader sees it, from a template's value (shared by the filters that escape or
encode it again)."""

from __future__ import annotations

from markupsafe import Markup


def plain(text) -> str:
    """A template's Markup (a translated message is one) unescaped, `&amp;` as `&`; else str()."""
    return text.unescape() if isinstance(text, Markup) else str(text)
