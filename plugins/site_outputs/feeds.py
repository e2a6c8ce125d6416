"""One Atom feed per language for every kind that declares a feed (kinds.Feed: news at
feeds/<lang>.atom.xml, disclosures at feeds/disclosures-<lang>.atom.xml), with absolute URLs."""

from __future__ import annotations

import datetime
import io
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed


def moment(day: datetime.date, timezone: str) -> datetime.datetime:
    """Midnight of a day in the site's time zone (Atom needs a full date-time)."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=ZoneInfo(timezone))


def atom_feed(index, kind, lang: str, origin: str, title: str, timezone: str) -> bytes:
    """The Atom document of one kind's items in one language; `updated` is the newest item's date."""
    items = sorted((i for i in index.all_items() if i.lang == lang and i.kind is kind),
                   key=lambda i: (i.date, i.slug), reverse=True)
    address = f"{origin}/{kind.feed.file(lang)}"
    feed = Atom1Feed(
        title=title,
        link=f"{origin}/{index.page('home', lang).url}",
        description="",
        language=index.html_lang(lang),
        feed_url=address,
        feed_guid=address,
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
