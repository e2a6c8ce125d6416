"""One Atom feed per language of the items of every kind marked `feed` (news), with absolute URLs."""

from __future__ import annotations

import datetime
import io
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed


def feed_path(lang: str) -> str:
    return f"feeds/{lang}.atom.xml"


def moment(day: datetime.date, timezone: str) -> datetime.datetime:
    """Midnight of a day in the site's time zone (Atom needs a full date-time)."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=ZoneInfo(timezone))


def atom_feed(index, lang: str, origin: str, title: str, timezone: str) -> bytes:
    """The Atom document for one language; its `updated` is the newest item's date."""
    items = sorted((i for i in index.all_items() if i.lang == lang and i.kind.feed),
                   key=lambda i: (i.date, i.slug), reverse=True)
    feed = Atom1Feed(
        title=title,
        link=f"{origin}/{index.page('home', lang).url}",
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
            pubdate=moment(item.date, timezone),
            updateddate=moment(item.updated, timezone),
        )
    buffer = io.StringIO()
    feed.write(buffer, "utf-8")
    return buffer.getvalue().encode("utf-8")
