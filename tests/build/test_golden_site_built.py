"""The fixture site builds to exactly the golden site (tests/golden/site/, tests/golden_site.py):
any change to a template, a plugin or the fixture's content that alters the output shows here
as a diff, and is accepted on purpose with `make golden`."""

from __future__ import annotations

from golden_site import GOLDEN, differences, golden, snapshot


def test_the_fixture_site_builds_to_the_golden_site(fixture_site):
    expected = golden()
    assert len(expected.texts) > 40 and expected.files, f"no golden site in {GOLDEN}: run `make golden`"
    changes = differences(expected, snapshot(fixture_site.output), limit=60, files=1000)
    assert not changes, "the build differs from tests/golden/site (run `make golden` if it is meant):\n" + \
        "\n".join(changes)
