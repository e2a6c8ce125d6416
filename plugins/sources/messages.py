"""`N_`: marks a message for the catalogs (Babel extracts `N_("…")` by default) without
translating it; it is translated where it is shown, in the page's language."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for extraction into the catalogs; return it unchanged."""
    return message
