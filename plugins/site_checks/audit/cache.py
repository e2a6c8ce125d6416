"""Skip pages already audited: results keyed by page HTML, site CSS/JS, axe version and rules."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ASSET_SUFFIXES = (".css", ".js")


def assets_fingerprint(site: Path) -> str:
    """One hash over every stylesheet and script of the site (any change re-audits all pages)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.suffix in ASSET_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def page_key(page_bytes: bytes, assets: str, engine: str, rules: str) -> str:
    """The cache key of one page: unchanged key means unchanged audit result."""
    return hashlib.sha256(b"\0".join([page_bytes, assets.encode(), engine.encode(), rules.encode()])).hexdigest()


class AuditCache:
    """A JSON file {page: {"key": …, "result": …}}; read once, written once per run."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._entries = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            self._entries = {}

    def get(self, page: str, key: str) -> dict | None:
        entry = self._entries.get(page)
        return entry["result"] if entry and entry.get("key") == key else None

    def put(self, page: str, key: str, result: dict) -> None:
        self._entries[page] = {"key": key, "result": result}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._entries, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)
