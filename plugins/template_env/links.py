"""Links to other sites say so in words, in the page's language: "（外部網站）" / " (external site)"
at the end of the link's text (docs/listening.md). Links open in the same tab, as every other
link does: the Back button brings people back, and nothing opens a window without saying so.

Declared here once; templates call `external_cue()`, the law-article links and the content's
Markdown links get it from `external_cue(catalog)`, and the listening check (site_checks)
fails a page with a link to another site that does not say it."""

from __future__ import annotations

import gettext
import re
from urllib.parse import urlsplit

from markupsafe import Markup


def external_cue(catalog: gettext.NullTranslations) -> str:
    """' (external site)' in English, '（外部網站）' in Chinese."""
    return catalog.gettext(" (%(text)s)") % {"text": catalog.gettext("external site")}


def is_external(href: str) -> bool:
    """An absolute http(s) address: content and templates link this site from its root."""
    parts = urlsplit(href.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# A link in rendered HTML with its text: links never nest, so its text ends at the next </a>.
LINK = re.compile(r"""(<a\s[^>]*?\bhref=(["'])(?P<href>[^"']*)\2[^>]*>)(?P<text>.*?)(</a>)""", re.S)


def with_external_cues(html: Markup, cue: str) -> Markup:
    """Rendered HTML with the cue at the end of every link to another site (once)."""
    def cued(match: re.Match) -> str:
        text = match.group("text")
        if not is_external(match.group("href")) or text.endswith(str(escape_cue(cue))):
            return match.group(0)
        return f"{match.group(1)}{text}{escape_cue(cue)}{match.group(5)}"

    return Markup(LINK.sub(cued, str(html)))


def escape_cue(cue: str) -> Markup:
    return Markup.escape(cue)
