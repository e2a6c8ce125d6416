"""One Atom feed per language for every kind that declares a feed (kinds.Feed: news at
feeds/<lang>.atom.xml, disclosures at feeds/disclosures-<lang>.atom.xml), with absolute URLs."""

from __future__ import annotations

import datetime
import io
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed

# The `updated` of a feed with no item yet (a new office's news): a fixed moment, never the
# build's clock, so that two builds of the same content are the same bytes.
NEVER_UPDATED = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class ReproducibleAtomFeed(Atom1Feed):
    """feedgenerator's Atom feed, whose `updated` is never the clock's (it is for a feed with no item)."""

    def latest_post_date(self) -> datetime.datetime:
        return super().latest_post_date() if self.items else NEVER_UPDATED


def moment(day: datetime.date, timezone: str) -> datetime.datetime:
    """Midnight of a day in the site's time zone (Atom needs a full date-time)."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=ZoneInfo(timezone))


def atom_feed(index, kind, lang: str, origin: str, title: str, timezone: str) -> bytes:
    """The Atom document of one kind's items in one language; `updated` is the newest item's date
    (NEVER_UPDATED while there is none)."""
    items = sorted((i for i in index.all_items() if i.lang == lang and i.kind is kind),
                   key=lambda i: (i.date, i.slug), reverse=True)
    address = f"{origin}/{kind.feed.file(lang)}"
    feed = ReproducibleAtomFeed(
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
