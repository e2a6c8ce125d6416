"""Skip pages already audited: each engine's result is keyed by the page's HTML, the site's CSS
and JS, the engine's version and its configuration."""

from __future__ import annotations

from pathlib import Path

from sources.digest import content_key

ASSET_SUFFIXES = (".css", ".js")


def assets_fingerprint(site: Path) -> str:
    """One hash over every stylesheet and script of the site (any change re-audits all pages)."""
    parts: list[bytes | str] = []
    for path in sorted(p for p in site.rglob("*") if p.suffix in ASSET_SUFFIXES and p.is_file()):
        parts += [path.relative_to(site).as_posix(), path.read_bytes()]
    return content_key(*parts)


def page_key(page_bytes: bytes, assets: str, engine: str, rules: str) -> str:
    """The cache key of one page for one engine: unchanged key means unchanged audit result."""
    return content_key(page_bytes, assets, engine, rules)
