"""What the site search indexes besides the HTML pages (docs/search.md).

A Pelican plugin: after the pages are written it writes the search manifest (MANIFEST) into the
output: one Pagefind custom record per form download, and the number of pages and records each
language's index must hold. `site_build` reads it when it builds the Pagefind index of the
fresh folder, then removes it.
"""

from .records import MANIFEST, download_records, search_manifest
from .site_search import register

__all__ = ["MANIFEST", "download_records", "register", "search_manifest"]
