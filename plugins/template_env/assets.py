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


class ThemeAssets:
    """The theme's static files and the version of each (10 hex digits of its SHA-256), read
    once per build, not once per page."""

    def __init__(self, theme: Path):
        self.static = theme / "static"
        self.versions = {THEME_URL_PREFIX + path.relative_to(self.static).as_posix():
                         hashlib.sha256(path.read_bytes()).hexdigest()[:10]
                         for path in sorted(self.static.rglob("*")) if path.is_file()}

    def url(self, url_path: str) -> str:
        """'theme/css/site.css' -> 'theme/css/site.css?v=<its version>'."""
        if not url_path.startswith(THEME_URL_PREFIX):
            raise AssetMissing(f"{url_path!r}: only files below theme/ (the theme's static folder) are fingerprinted")
        if url_path not in self.versions:
            raise AssetMissing(f"{url_path!r}: there is no {self.static / url_path.removeprefix(THEME_URL_PREFIX)}")
        return f"{url_path}?v={self.versions[url_path]}"
