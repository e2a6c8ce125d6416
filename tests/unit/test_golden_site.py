"""The fixture site builds to exactly the golden site (tests/golden/site/, tests/golden_site.py):
any change to a template, a plugin or the fixture's content that alters the output shows here
as a diff, and is accepted on purpose with `make golden`."""

from __future__ import annotations

from golden_site import MANIFEST, differences


def test_a_change_shows_as_a_readable_diff():
    expected = {"index.html": "<h1>出生登記</h1>\n<p>規費 0 元</p>\n", MANIFEST: "a.pdf 3 abc\n"}
    found = {"index.html": "<h1>出生登記</h1>\n<p>規費 30 元</p>\n", MANIFEST: "a.pdf 4 abd\n", "new.html": ""}
    lines = differences(expected, found)
    assert "new in the build: new.html" in lines
    assert "-<p>規費 0 元</p>" in lines and "+<p>規費 30 元</p>" in lines
    assert "+a.pdf 4 abd" in lines
