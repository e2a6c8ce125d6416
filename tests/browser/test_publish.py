"""`make publish` and `make rollback` on a copy of the fixture site, to a local target: a release
and the `current` link; rollback; a planted accessibility fault, a planted ID number or an
unconfirmed office value stop the publish and leave `current` as it was; staging shows its
banner on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from publish_support import current, make, publishable_copy, releases

from support import html_pages, parse

pytestmark = pytest.mark.browser  # every test here publishes, and the publishing gate audits in Chromium

RELEASE = re.compile(r"^releases/\d{8}T\d{6}Z-[0-9a-f]{12}(-dirty)?(-\d+)?$")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture site published once to a fresh target."""
    work = tmp_path_factory.mktemp("publish")
    site = publishable_copy(work)
    result = make("publish", site, work, work / "target")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return site, work, work / "target", result


def test_a_publish_makes_a_release_and_points_current_at_it(published):
    _site, _work, target, result = published
    link = current(target)
    assert link and RELEASE.match(link), link
    assert releases(target) == [link.removeprefix("releases/")]
    live = target / "current"
    assert (live / "index.html").is_file() and (live / "index.html.gz").is_file()
    assert "Sitemap: https://www.fixture-office.gov.tw/sitemap.xml" in (live / "robots.txt").read_text()
    assert f"is live ({target}/current)" in result.stdout


def test_every_gate_ran_before_the_deploy(published):
    out = published[3].stdout
    order = ["go-live: no problems", "passed", "link check: no problems", "HTML validation: no problems",
             "accessibility audit: no problems", "deploy: "]
    positions = [out.find(marker) for marker in order]
    assert -1 not in positions and positions == sorted(positions), positions
    assert "national rules 115.11 AA" in out


def test_the_statement_shows_the_audit_that_gated_this_release(published):
    _site, _work, target, _result = published
    statement = (target / "current/accessibility/index.html").read_text(encoding="utf-8")
    assert "115.11" in statement


def test_rollback_switches_back_and_a_second_rollback_says_there_is_nothing_older(published):
    site, work, target, _result = published
    first = current(target)
    again = make("publish", site, work, target)
    assert again.returncode == 0, again.stdout[-3000:]
    second = current(target)
    assert second != first and len(releases(target)) == 2
    back = make("rollback", site, work, target)
    assert back.returncode == 0, back.stdout + back.stderr
    assert current(target) == first
    refused = make("rollback", site, work, target)
    assert refused.returncode != 0 and "nothing to go back to" in refused.stdout
    assert current(target) == first


def fails_and_leaves_current(site: Path, work: Path, target: Path, **variables) -> str:
    before, kept = current(target), releases(target)
    result = make("publish", site, work, target, **variables)
    assert result.returncode != 0, result.stdout[-3000:]
    assert current(target) == before and releases(target) == kept
    return result.stdout


@pytest.fixture
def live_target(published, tmp_path):
    """A copy of the published target (a live site to protect)."""
    import shutil

    target = tmp_path / "target"
    shutil.copytree(published[2], target, symlinks=True)
    return target


def test_a_planted_accessibility_fault_stops_the_publish(live_target, tmp_path):
    site = publishable_copy(tmp_path)
    guide = site / "content/guides/birth.zh-tw.md"
    guide.write_text(guide.read_text(encoding="utf-8") + '\n<p><input type="text" name="q"></p>\n', encoding="utf-8")
    out = fails_and_leaves_current(site, tmp_path, live_target)
    assert "guides/birth/index.html: axe [label]" in out
    assert "deploy: " not in out


def test_a_planted_id_number_stops_the_publish(live_target, tmp_path):
    site = publishable_copy(tmp_path)
    news = site / "content/news/2026-11-01-opening.zh-tw.md"
    news.write_text(news.read_text(encoding="utf-8") + "\n聯絡人身分證字號 B120863256。\n", encoding="utf-8")
    out = fails_and_leaves_current(site, tmp_path, live_target)
    assert "personal-data" in out and "B120863256" not in out


def test_an_unverified_office_value_stops_a_production_publish_and_names_it(live_target, tmp_path):
    site = publishable_copy(tmp_path, verified=False)
    out = fails_and_leaves_current(site, tmp_path, live_target)
    [line] = [line for line in out.splitlines() if "go-live [unverified]" in line]
    assert re.match(r"^\S*content/office\.toml:\d+: go-live \[unverified\]: \[\w+\] is not confirmed", line), line


def test_a_placeholder_host_stops_a_production_publish(live_target, tmp_path):
    site = publishable_copy(tmp_path, origin="https://example.gov.tw")
    out = fails_and_leaves_current(site, tmp_path, live_target)
    assert "go-live [placeholder-host]: the public host name example.gov.tw is a placeholder" in out


def test_a_staging_publish_shows_the_banner_on_every_page_and_passes_the_gate(tmp_path):
    site = publishable_copy(tmp_path, verified=False)
    target = tmp_path / "staging"
    result = make("publish", site, tmp_path, target, STAGING="1")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "staging: " in result.stdout and "accessibility audit: no problems" in result.stdout
    live = target / "current"
    pages = html_pages(live)
    assert pages
    for page in pages:
        banner = parse(page).select_one("header .staging-banner")
        assert banner is not None, page
        assert banner.get_text(" ", strip=True).startswith(
            ("Staging: details not yet confirmed.", "測試版：資料尚未確認。"))
    assert "Disallow: /" in (live / "robots.txt").read_text()
