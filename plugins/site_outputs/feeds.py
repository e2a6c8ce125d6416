"""One Atom feed of news per language, with absolute URLs from SITE_ORIGIN."""

from __future__ import annotations

import io

from feedgenerator import Atom1Feed


def feed_path(lang: str) -> str:
    return f"feeds/{lang}.atom.xml"


def atom_feed(index, lang: str, origin: str, title: str) -> bytes:
    """The Atom document for one language; its `updated` is the newest item's date."""
    items = index.news(lang)
    home = index.find("page", "", "home", lang)
    feed = Atom1Feed(
        title=title,
        link=f"{origin}/{home.url if home else ''}",
        description="",
        language=index.html_lang(lang),
        feed_url=f"{origin}/{feed_path(lang)}",
        feed_guid=f"{origin}/{feed_path(lang)}",
        author_name=title,
    )
    for item in items:
        feed.add_item(
            title=item.title,
            link=f"{origin}/{item.url}",
            unique_id=f"{origin}/{item.url}",
            description=item.summary,
            pubdate=item.date,
            updateddate=getattr(item, "modified", None) or item.date,
        )
    buffer = io.StringIO()
    feed.write(buffer, "utf-8")
    return buffer.getvalue().encode("utf-8")
