"""The SHA-256 checksums of the downloads, published once per language as a plain text file
(`SHA256SUMS.txt`, the format `sha256sum --check` reads: the checksum, two spaces, the file's
path from the site root), instead of beside every link where a screen reader reads out 64
hexadecimal characters. Pages that offer downloads link the file once (components/forms.html);
the open data (forms.json/csv, disclosures.json/csv) carries each file's checksum too.

A language's file lists what that language's pages offer: each form's files in that language
and the attachments of that language's items."""

from __future__ import annotations

from dataclasses import dataclass

from .form_items import FILES_URL

FILE_NAME = "SHA256SUMS.txt"


@dataclass(frozen=True)
class Checksums:
    """One language's checksum file: where it is published and what it lists."""

    url: str  # below the site root: 'SHA256SUMS.txt', 'en/SHA256SUMS.txt'
    files: tuple[tuple[str, str], ...]  # (sha256, path from the site root), by path

    @property
    def text(self) -> str:
        return "".join(f"{sha256}  {path}\n" for sha256, path in self.files)

    @property
    def bytes(self) -> int:
        return len(self.text.encode("utf-8"))


def published_files(item) -> list[tuple[str, str]]:
    """(sha256, path from the site root) of every file an item offers for download."""
    forms = [(file.sha256, FILES_URL + file.path) for file in getattr(item, "downloads", None) or ()]
    attached = [(file.sha256, file.path) for file in getattr(item, "attachments", None) or ()]
    return forms + attached


def checksums(items, prefix: str) -> Checksums:
    """The checksum file of the items of one language (`prefix`: the language's URL prefix)."""
    files = sorted({entry for item in items for entry in published_files(item)}, key=lambda entry: entry[1])
    return Checksums(f"{prefix}/{FILE_NAME}" if prefix else FILE_NAME, tuple(files))
