"""What a Markdown author writes that the renderer and the lint both read: the caption prefixes,
the files folder, and the download formats a link names."""

from __future__ import annotations

# The caption prefixes, by the language they are written in (either works on any page).
CAPTION_PREFIXES = {"zh-tw": "表：", "en": "Table:"}
FILES_FOLDER = "files"  # below the content folder; served at /files/
# Downloads: the extension, and the format name a link shows.
DOWNLOAD_FORMATS = {
    ".pdf": "PDF", ".odt": "ODT", ".ods": "ODS", ".odp": "ODP", ".doc": "DOC", ".docx": "DOCX",
    ".xls": "XLS", ".xlsx": "XLSX", ".csv": "CSV", ".json": "JSON", ".zip": "ZIP", ".txt": "TXT",
}
