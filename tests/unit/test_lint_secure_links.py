"""content_lint.secure_links: a link to a government site uses https://, unless marked checked."""

import pytest

from content_lint.issues import LintContext
from content_lint.secure_links import check
from content_lint.tree import parse


def issues(html):
    return check(parse(html), LintContext("zh-tw"))


@pytest.mark.parametrize("href, host", [
    ("http://www.ris.gov.tw/app/portal/", "www.ris.gov.tw"), ("HTTP://law.moj.gov.tw/", "law.moj.gov.tw"),
    ("http://www.gov.uk/", "www.gov.uk"), ("http://www.gov.taipei/", "www.gov.taipei"),
])
def test_an_http_link_to_a_government_site_is_reported(href, host):
    [issue] = issues(f'<p><a href="{href}">戶政司</a></p>')
    assert issue.rule == "link-http" and host in issue.message and "https://" in issue.fix
    assert issue.needles[0] == f"({href}"


@pytest.mark.parametrize("html", [
    '<p><a href="https://www.ris.gov.tw/">戶政司</a></p>',
    '<p><a href="http://www.example.com/">a shop</a></p>',  # not a government site
    '<p><a href="http://government.example.org/">x</a></p>',
    '<p><a class="no-https" href="http://old.example.gov.tw/">舊系統</a></p>',  # checked: serves no https
    '<p><a href="/guides/birth/">出生登記</a></p>',
])
def test_secure_other_and_marked_links_stay_quiet(html):
    assert issues(html) == []
