"""What the site search needs besides the HTML pages (docs/search.md): the Pagefind custom records
of the form downloads and how many pages and records each language's index must hold (made by
site_build from the build's SiteIndex), and the Content-Security-Policy the search runs under.
A library, not a Pelican plugin."""

from .records import download_records, search_manifest

__all__ = ["download_records", "search_manifest"]
