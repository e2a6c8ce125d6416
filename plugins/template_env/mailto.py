"""`mailto:` links (RFC 6068) with a subject filled in: every character outside the unreserved
set is percent-encoded as UTF-8, so a Chinese title, `&`, `?`, `#` and spaces reach the mail
program intact (a space is %20, never `+`, which mail programs would show as a plus)."""

from __future__ import annotations

from urllib.parse import quote

from .plain_text import plain


def mailto_href(address: str, subject: str | None = None, body: str | None = None) -> str:
    """The href of a link that opens a new e-mail to `address`, with the subject (and body) given.

    The address keeps its `@`; everything else a mail program would read as syntax is encoded.
    Line breaks in the body are sent as CRLF, as RFC 6068 asks."""
    address, subject, body = plain(address), subject and plain(subject), body and plain(body)
    fields = []
    if subject:
        fields.append(f"subject={quote(subject, safe='')}")
    if body:
        fields.append(f"body={quote(body.replace(chr(13), '').replace(chr(10), chr(13) + chr(10)), safe='')}")
    query = f"?{'&'.join(fields)}" if fields else ""
    return f"mailto:{quote(address, safe='@')}{query}"
