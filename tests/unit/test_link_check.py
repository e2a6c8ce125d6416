"""The link check (plugins/site_checks/links.py) on small synthetic sites and on the real site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_checks.findings import CheckCannotRun
from site_checks.links import check_links, served_file, srcset_urls
from support import ROOT

ORIGIN = "https://www.example.gov.tw"


def html(body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>t</title>{head}'
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """A built site in `root`: robots.txt naming ORIGIN, plus the given files."""
    files = {"robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {ORIGIN}/sitemap.xml\n", **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def sitemap(*urls: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(urls) + "\n</urlset>\n"
    )


CLEAN_SITE = {
    "index.html": html(
        '<a href="#intro">Intro</a> <h2 id="intro">Intro</h2> <a href="#top">Top</a>'
        '<a href="/en/">English</a> <a href="/en">English, no slash</a>'
        '<a href="en/about/#history">History</a> <a href="/files/form.pdf">Form (PDF)</a>'
        '<a href="/%E4%B8%AD%E6%96%87/">中文</a> <a href="/中文/#%E7%AF%80">節</a>'
        f'<a href="?page=2">Page 2</a> <a href="{ORIGIN}/en/about/">On the origin</a>',
        head=f'<link rel="stylesheet" href="/theme/site.css">'
        f'<link rel="alternate" hreflang="en" href="{ORIGIN}/en/">',
    ),
    "en/index.html": html(
        '<a href="about/">About</a> <a href="./about/index.html">About (file)</a>'
        '<a href="../">中文</a> <a name="old-anchor"></a> <a href="#old-anchor">Old</a>'
        '<img src="../img/logo.png" srcset="../img/logo.png 1x, /img/logo@2x.png 2x" alt="">'
        '<form action="/en/"><button>Go</button></form>'
    ),
    "en/about/index.html": html(
        '<h2 id="history">History</h2> <a href="../../files/form.pdf">Form</a>'
        '<a href="https://moi.gov.tw/">MOI</a> <a href="http://localhost:8000/x">Local</a>'
        '<a href="mailto:office@example.gov.tw?subject=Hello">Mail</a>'
        '<a href="tel:+886-4-2635-0000">Call</a> <a href="//cdn.example.org/a.js">CDN</a>'
        '<img src="data:image/gif;base64,R0lGOD" alt="">'
    ),
    "中文/index.html": html('<h2 id="節">節</h2> <a href="../en/about/#history">History</a>'),
    "theme/site.css": "body { margin: 0 }\n",
    "img/logo.png": b"\x89PNG\r\n",
    "img/logo@2x.png": b"\x89PNG\r\n",
    "files/form.pdf": b"%PDF-1.4\n",
    "sitemap.xml": sitemap(
        f'<url><loc>{ORIGIN}/en/about/</loc><xhtml:link rel="alternate" '
        f'hreflang="en" href="{ORIGIN}/en/about/" /></url>'
    ),
}


def findings_on(tmp_path: Path, files: dict[str, str]) -> list:
    """The findings of CLEAN_SITE with some pages replaced or added."""
    return check_links(write_site(tmp_path, {**CLEAN_SITE, **files}))


def on_bad_page(tmp_path: Path, body: str, head: str = "") -> list:
    """The findings of CLEAN_SITE plus bad/index.html with this body."""
    return findings_on(tmp_path, {"bad/index.html": html(body, head=head)})


def one_finding(findings: list, page: str = "bad/index.html"):
    assert len(findings) == 1, "\n".join(map(str, findings))
    assert findings[0].page == page and findings[0].check == "links"
    return findings[0]


def test_clean_synthetic_site_has_no_findings(tmp_path):
    assert check_links(write_site(tmp_path, CLEAN_SITE)) == []


def test_broken_internal_link(tmp_path):
    finding = one_finding(on_bad_page(tmp_path, '<a href="/en/nope/">x</a>'))
    assert finding.element == '<a href="/en/nope/">'
    assert "/en/nope/" in finding.message
    assert finding.fix == "Link to an existing page, or create /en/nope/."


def test_missing_fragment_on_the_same_page(tmp_path):
    finding = one_finding(on_bad_page(tmp_path, '<a href="#nowhere">x</a>'))
    assert finding.element == '<a href="#nowhere">'
    assert 'this page has id="nowhere"' in finding.message


def test_missing_fragment_on_another_page(tmp_path):
    body = '<a href="/en/about/#history">ok</a> <a href="../en/about/#future">x</a>'
    finding = one_finding(on_bad_page(tmp_path, body))
    assert finding.element == '<a href="../en/about/#future">'
    assert 'No element on /en/about/ has id="future"' in finding.message


def test_fragment_ids_are_case_sensitive_and_a_name_counts(tmp_path):
    body = '<a href="/en/#old-anchor">ok</a> <a href="/en/about/#History">x</a>'
    finding = one_finding(on_bad_page(tmp_path, body))
    assert finding.element == '<a href="/en/about/#History">'


def test_bare_hash_and_empty_href(tmp_path):
    body = '<a href="#">x</a> <a href="">y</a> <img src="" alt="">'
    findings = on_bad_page(tmp_path, body)
    assert [f.element for f in findings] == ['<a href="#">', '<a href="">', '<img src="">']
    assert "goes nowhere" in findings[0].message and "<button>" in findings[0].fix
    assert "empty" in findings[1].message


def test_missing_download_and_image(tmp_path):
    body = (
        '<a href="/files/missing.pdf">PDF</a> <img src="/img/none.png" alt="">'
        '<img src="/img/logo.png" srcset="/img/logo.png 1x, /img/gone@2x.png 2x" alt="">'
    )
    findings = on_bad_page(tmp_path, body)
    assert [f.element for f in findings] == [
        '<a href="/files/missing.pdf">',
        '<img src="/img/none.png">',
        '<img srcset="/img/gone@2x.png">',
    ]
    assert findings[0].message == "The file /files/missing.pdf does not exist in the built site."


@pytest.mark.parametrize(
    "url",
    [
        "http:/example.com/",
        "https://",
        "https://exa mple.com/",
        "http://example..com/",
        "https://example.com:99999/",
        "http://[::1/",
        "mailto:office",
        "mailto:",
        "tel:call-us",
        "javascript:void(0)",
        "ftp://example.com/file",
    ],
)
def test_malformed_external_url(tmp_path, url):
    finding = one_finding(on_bad_page(tmp_path, f'<a href="{url}">x</a>'))
    assert finding.element == f'<a href="{url}">'


def test_relative_links_resolve_against_the_page_url(tmp_path):
    body = (
        '<a href="../../faq/">ok</a> <a href="../../about/">ok</a> <a href="faq/">x</a>'
        '<a href="../../../../en/faq">ok, above the root is the root</a>'
    )
    files = {
        "en/news/item/index.html": html(body),
        "en/faq/index.html": html("FAQ"),
        "en/about/index.html": html('<h2 id="history">History</h2>'),
    }
    finding = one_finding(findings_on(tmp_path, files), page="en/news/item/index.html")
    assert finding.element == '<a href="faq/">'
    assert finding.fix == "Link to an existing page, or create /en/news/item/faq/."


def test_base_href_changes_relative_resolution(tmp_path):
    body = '<a href="about/">ok</a> <a href="x/">x</a>'
    finding = one_finding(on_bad_page(tmp_path, body, head='<base href="/en/">'))
    assert finding.element == '<a href="x/">' and finding.fix.endswith("create /en/x/.")


def test_folder_without_slash_needs_an_index(tmp_path):
    body = '<a href="/en/about">ok</a> <a href="/img">x</a> <a href="/en/about/index.html/">x</a>'
    findings = on_bad_page(tmp_path, body)
    assert [f.element for f in findings] == ['<a href="/img">', '<a href="/en/about/index.html/">']


def test_absolute_urls_on_the_site_origin_are_internal(tmp_path):
    head = f'<link rel="alternate" hreflang="en" href="{ORIGIN}/en/gone/">'
    body = f'<a href="{ORIGIN.upper().replace("HTTPS", "https")}:443/en/about/#history">ok</a>'
    finding = one_finding(on_bad_page(tmp_path, body, head=head))
    assert finding.element == f'<link href="{ORIGIN}/en/gone/">'


def test_sitemap_urls_must_be_pages_on_the_origin(tmp_path):
    xml = sitemap(
        f"<url><loc>{ORIGIN}/en/about/</loc>"
        f'<xhtml:link rel="alternate" href="{ORIGIN}/en/nope/" /></url>',
        "<url><loc>https://elsewhere.example/en/about/</loc></url>",
    )
    findings = findings_on(tmp_path, {"sitemap.xml": xml})
    assert [(f.page, f.element) for f in findings] == [
        ("sitemap.xml", f"<xhtml:link href> {ORIGIN}/en/nope/"),
        ("sitemap.xml", "<loc> https://elsewhere.example/en/about/"),
    ]


def test_explicit_origin_overrides_robots_txt(tmp_path):
    bad = html('<a href="http://localhost:8000/x">x</a>')
    site = write_site(tmp_path, {**CLEAN_SITE, "bad/index.html": bad})
    findings = check_links(site, origin="http://localhost:8000")
    found = [(f.page, f.element) for f in findings]
    assert ("bad/index.html", '<a href="http://localhost:8000/x">') in found


def test_repeated_link_on_a_page_is_reported_once(tmp_path):
    body = '<a href="/en/nope/">x</a> <a href="/en/nope/">x</a>'
    one_finding(on_bad_page(tmp_path, body))


def test_srcset_candidates():
    assert srcset_urls("a.png, b.png 2x,c.png 480w , data:image/png;base64,AA 3x") == [
        "a.png",
        "b.png",
        "c.png",
        "data:image/png;base64,AA",
    ]
    assert srcset_urls("a.png,, b.png") == ["a.png", "b.png"]


def test_served_file_is_what_a_static_server_sends(tmp_path):
    site = write_site(tmp_path, CLEAN_SITE)
    assert served_file(site, "/") == site / "index.html"
    assert served_file(site, "/en") == site / "en/index.html"
    assert served_file(site, "/en/about/index.html") == site / "en/about/index.html"
    assert served_file(site, "/files/form.pdf/") is None
    assert served_file(site, "/%2e%2e/etc/passwd") is None


def test_missing_site_raises(tmp_path):
    with pytest.raises(
        CheckCannotRun, match=r"output: links \[cannot-run\]: there is no built site here"
    ):
        check_links(tmp_path / "output")


def test_finding_names_the_line_of_the_element_in_the_built_page(tmp_path):
    finding = one_finding(on_bad_page(tmp_path, '<p>fine</p>\n<p>\n<a href="/en/nope/">x</a></p>'))
    lines = (tmp_path / "bad/index.html").read_text(encoding="utf-8").splitlines()
    assert '<a href="/en/nope/">' in lines[finding.line - 1]
    assert str(finding) == (
        f"bad/index.html:{finding.line}: links: The link goes to /en/nope/, but the site has no such page. "
        'Element: <a href="/en/nope/">. Fix: Link to an existing page, or create /en/nope/.'
    )


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """`python -m site_checks …` as CI runs it: output piped, a 40-column terminal claimed."""
    return subprocess.run(
        [sys.executable, "-m", "site_checks", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "40", "PYTHONPATH": str(ROOT / "plugins")},
        timeout=120,
    )


def settings_for(folder: Path, origin: str = ORIGIN, path: str = "") -> Path:
    """A settings file: the project's, with this origin and sub-path."""
    settings = folder / "linkconf.py"
    settings.write_text(
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(ROOT / 'content')!r}\nSITE_ORIGIN = {origin!r}\nSITEURL = {path!r}\n",
        encoding="utf-8",
    )
    return settings


def test_one_fault_prints_one_unwrapped_line_and_a_summary(tmp_path):
    long_name = "a-page-with-a-rather-long-folder-name-that-would-wrap"
    write_site(
        tmp_path, {**CLEAN_SITE, f"{long_name}/index.html": html('<a href="/en/nope/">x</a>')}
    )
    conf = tmp_path.with_name(tmp_path.name + "-conf")
    conf.mkdir()
    result = run_cli("links", "--site", str(tmp_path), "--settings", str(settings_for(conf)))
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"{long_name}/index.html:5: links: The link goes to /en/nope/, but the site has no such page. "
        'Element: <a href="/en/nope/">. Fix: Link to an existing page, or create /en/nope/.',
        "link check: 1 problem(s) in 1 file(s)",
    ]


def test_a_check_that_cannot_run_fails_with_one_line(tmp_path):
    result = run_cli("links", "--site", str(tmp_path / "nothing-built"))
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{tmp_path}/nothing-built: links [cannot-run]: there is no built site here. Fix: run `make build` first",
        "link check: could not run, so nothing was checked",
    ]


def test_the_origin_comes_from_the_settings_not_from_robots_txt(tmp_path):
    site = write_site(tmp_path / "site", CLEAN_SITE)
    wrong = settings_for(tmp_path, origin="https://other.example.gov.tw")
    result = run_cli("links", "--site", str(site), "--settings", str(wrong))
    assert result.returncode == 1
    expected = "robots.txt: links: robots.txt must name the sitemap at https://other.example.gov.tw/sitemap.xml"
    assert expected in result.stdout


def test_a_doubled_slash_from_an_origin_ending_in_a_slash_is_caught(tmp_path):
    site = write_site(tmp_path, {**CLEAN_SITE, "x/index.html": html(f'<a href="{ORIGIN}//en/about/">x</a>')})
    [finding] = check_links(site, ORIGIN)
    assert "has an empty segment (//)" in finding.message


def test_under_a_sub_path_links_must_stay_below_it(tmp_path):
    site = write_site(tmp_path, {
        "robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {ORIGIN}/longjing/sitemap.xml\n",
        "index.html": html('<a href="/longjing/en/about/">in</a> <a href="/en/about/">out</a>'),
        "en/about/index.html": html("about"),
    })
    [finding] = check_links(site, ORIGIN, "/longjing")
    assert finding.message.startswith("The link goes to /en/about/, outside the site's sub-path /longjing/")
    assert check_links(site, ORIGIN, "")[0].message.startswith("The link goes to /longjing/en/about/, but")
