"""The `mailto` filter (template_env/mailto.py): a link that opens a new e-mail with the subject
filled in. Read back as a mail program reads it (RFC 6068: split at `?`, fields at `&`, each
percent-decoded as UTF-8), the subject is exactly what was given, whatever it holds."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from markupsafe import Markup, escape

from template_env.mailto import mailto_href


def read_back(href: str) -> tuple[str, dict[str, str]]:
    """(address, {field: value}) as a mail program reads a mailto: URL."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    fields = {name: values[0] for name, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path), fields


@pytest.mark.parametrize("subject", [
    "網頁問題回報：出生登記（https://www.example.gov.tw/guides/birth/）",
    "Problem with the page: Fees & fines? #1 (100% sure) a+b=c",
    "國民身分證 初領/補領/換領 — “quotes” and 'apostrophes'",
])
def test_the_subject_reaches_the_mail_program_intact(subject):
    href = mailto_href("office@example.gov.tw", subject)
    address, fields = read_back(href)
    assert address == "office@example.gov.tw"
    assert fields == {"subject": subject}
    assert href.isascii() and " " not in href and "+" not in href.split("?", 1)[1]


def test_a_template_s_escaped_subject_is_sent_as_the_reader_sees_it():
    """A subject made in an autoescaped template is Markup (`&` is `&amp;`): the mail gets `&`."""
    subject = Markup("Problem: %s") % "Fees & fines <2026>"
    assert "&amp;" in subject
    _, fields = read_back(mailto_href(escape("office@example.gov.tw"), subject))
    assert fields["subject"] == "Problem: Fees & fines <2026>"


def test_a_body_keeps_its_lines_as_crlf_and_the_address_its_at_sign():
    href = mailto_href("a.b@example.gov.tw", "s", "line 1\nline 2")
    assert href.startswith("mailto:a.b@example.gov.tw?subject=s&body=")
    assert read_back(href)[1]["body"] == "line 1\r\nline 2"
    assert mailto_href("office@example.gov.tw") == "mailto:office@example.gov.tw"
