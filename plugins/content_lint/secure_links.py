"""Secure links: a link to a government site (a host under gov.tw, .gov, gov.uk, gov.taipei …)
is written with https://, never http://: the government sites serve https, and a citizen
following an http:// link can be sent a forged page on the way.

A site that truly serves no https is linked deliberately, marked right after the link:
`[舊系統](http://old.example.gov.tw/){: .no-https}`; the mark shows a reader of the Markdown that
someone checked.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .issues import Issue, LintContext, Occurrences
from .link_text import link_needles, own_text
from .tree import classes, links

DELIBERATE_CLASS = "no-https"
GOVERNMENT_LABEL = "gov"
FIX = ("write https:// instead of http://; only if the site serves no https at all, keep http:// and mark "
       f"the link as checked: `[…](http://…){{: .{DELIBERATE_CLASS}}}`.")


def is_government_host(host: str) -> bool:
    """True for a host whose last or second-last label is `gov`: www.moi.gov.tw, gov.tw,
    example.gov, www.gov.uk, www.gov.taipei."""
    labels = host.lower().rstrip(".").split(".")
    return GOVERNMENT_LABEL in labels[-2:]


def insecure_government_link(href: str) -> str | None:
    """The host of an http:// link to a government site, else None."""
    parts = urlsplit(href.strip())
    if parts.scheme.lower() != "http" or not parts.hostname:
        return None
    return parts.hostname if is_government_host(parts.hostname) else None


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each http:// link to a government site that is not marked `no-https`."""
    issues, occurrences = [], Occurrences()
    for link in links(root):
        href = link.get("href")
        occurrence = occurrences.next(href)
        host = insecure_government_link(href)
        if host is None or DELIBERATE_CLASS in classes(link):
            continue
        needles = (f"({href}", f'"{href}"', href, *link_needles(own_text(link), href))
        issues.append(Issue("link-http", f"the link to the government site {host} uses http://, not https://",
                            FIX, needles, occurrence))
    return issues
