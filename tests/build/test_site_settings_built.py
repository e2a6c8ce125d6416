"""Settings checked once at start-up (plugins/site_settings): shapes, files, typos, the origin."""

from __future__ import annotations

from support import build_fixture_copy, copy_fixture_site, problem_lines


def test_a_build_with_a_bad_origin_stops_with_one_line_naming_the_setting(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    build = build_fixture_copy(site, tmp_path / "out", SITE_ORIGIN="https://fixture.example/")
    [line] = problem_lines(build)
    assert line.startswith("overrideconf.py:5: settings [SITE_ORIGIN]: 'https://fixture.example/' has something "
                           "after the host name")
    assert not (tmp_path / "out").exists()


def test_no_build_writes_the_preview_server_s_address(real_site):
    for name in ("sitemap.xml", "robots.txt", "feeds/en.atom.xml", "guides.json", "index.html"):
        text = (real_site.output / name).read_text(encoding="utf-8")
        assert "127.0.0.1" not in text, name
    assert "http://local-build.invalid/sitemap.xml" in (real_site.output / "robots.txt").read_text()


