"""Results kept between runs, keyed by what produced them (the file's bytes, the checker's
version, its configuration): an unchanged key means an unchanged result, not checked again."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (e.g. the 32 MB vnu.jar)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ResultCache:
    """A JSON file {name: {"key": …, "result": …}}; read once, written once per run.

    A missing or unreadable file is an empty cache (everything is checked again)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            entries = {}
        self._entries = entries if isinstance(entries, dict) else {}

    def get(self, name: str, key: str):
        entry = self._entries.get(name)
        return entry["result"] if isinstance(entry, dict) and entry.get("key") == key else None

    def entries(self) -> list[tuple[str, dict]]:
        """(name, {"key", "result"}) of every well-formed entry."""
        return [(name, entry) for name, entry in self._entries.items()
                if isinstance(entry, dict) and {"key", "result"} <= set(entry)]

    def put(self, name: str, key: str, result) -> None:
        self._entries[name] = {"key": key, "result": result}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(self._entries, sort_keys=True, ensure_ascii=False), encoding="utf-8"
        )
        tmp.replace(self.path)


def merge_caches(sources: list[Path], into: Path) -> list[Path]:
    """Merge the result caches of several runs (CI's audit shards) into the caches under `into`:
    for each `<folder>/<name>.json` of a source, its entries join `into/<folder>/<name>.json`.
    Entries are keyed by what produced them, so a merged entry is used only for the same
    bytes. Returns the cache files written."""
    written = []
    for relative in sorted({path.relative_to(source) for source in sources for path in source.rglob("*.json")}):
        merged = ResultCache(into / relative)
        for source in sources:
            for name, entry in ResultCache(source / relative).entries():
                merged.put(name, entry["key"], entry["result"])
        merged.save()
        written.append(into / relative)
    return written
