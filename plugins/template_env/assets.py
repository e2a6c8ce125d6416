"""Fingerprinted URLs of the theme's own files: `theme/css/site.css?v=3f2a1b4c5d`, where `v` is
taken from the file's bytes. The URL changes whenever the file does, so the web server may let
browsers keep such a URL for a year (deploy/nginx.conf: long lifetime only when `v` is there)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import TemplateRuntimeError

THEME_URL_PREFIX = "theme/"  # Pelican copies <THEME>/static/ to /theme/


class AssetMissing(TemplateRuntimeError):
    """A template names a theme file that does not exist (reported at the template's line)."""


def fingerprinted(url_path: str, theme: Path) -> str:
    """'theme/css/site.css' -> 'theme/css/site.css?v=<10 hex digits of its SHA-256>'."""
    if not url_path.startswith(THEME_URL_PREFIX):
        raise AssetMissing(f"{url_path!r}: only files below theme/ (the theme's static folder) are fingerprinted")
    source = theme / "static" / url_path.removeprefix(THEME_URL_PREFIX)
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    except FileNotFoundError:
        raise AssetMissing(f"{url_path!r}: there is no {source}") from None
    return f"{url_path}?v={digest}"
