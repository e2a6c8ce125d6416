"""Checks over every built page of the real site and of the fixture site."""

from __future__ import annotations

import gzip
import re
import statistics
from urllib.parse import urlparse

import pytest

from support import HTML_LANG, html_pages, page_language, parse

FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"
REQUESTING = {  # elements that make the browser fetch something, and the attribute
    "img": "src", "script": "src", "iframe": "src", "video": "src", "audio": "src",
    "source": "src", "track": "src", "embed": "src", "object": "data",
}
FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "manifest", "modulepreload"}


@pytest.fixture(params=["real_site", "fixture_site"])
def site(request):
    return request.getfixturevalue(request.param)


def pages_of(site):
    pages = html_pages(site.output)
    assert len(pages) > 5, "the build wrote almost no pages"
    return [(page, parse(page)) for page in pages]


def test_html_lang_matches_language_folder(site):
    for page, doc in pages_of(site):
        expected = HTML_LANG[page_language(site.output, page)]
        assert doc.html.get("lang") == expected, f"{page}: <html lang> should be {expected}"


def test_one_h1_and_one_main(site):
    for page, doc in pages_of(site):
        assert len(doc.find_all("h1")) == 1, f"{page}: needs exactly one <h1>"
        assert len(doc.find_all("main")) == 1, f"{page}: needs exactly one <main>"


def test_skip_link_first_and_accesskeys_present(site):
    for page, doc in pages_of(site):
        first = doc.select_one(FOCUSABLE)
        assert first is not None and first.get("href") == "#main-heading", f"{page}: skip link is not first"
        target = doc.select_one("main#main > h1#main-heading[tabindex='-1']")
        assert target is not None, f"{page}: the skip link's target (the h1, focusable) is missing"
        for key, place in (("U", "header"), ("C", "main"), ("Z", "footer")):
            anchor = doc.select_one(f"{place} a[accesskey='{key}']")
            assert anchor is not None and anchor.get_text() == ":::", f"{page}: accesskey {key} missing"
            assert anchor.select_one("[aria-hidden='true']").get_text() == ":::", f"{page}: ::: is read out"
            assert any(char.isalpha() for char in anchor.get("aria-label", "")), f"{page}: accesskey {key} unnamed"
            assert anchor.get("title") == anchor["aria-label"], f"{page}: accesskey {key}: title and name differ"


def switch_links(doc):
    return doc.select("nav.language-switch a[hreflang]")


def test_counterpart_links_are_reciprocal(site):
    out = site.output
    for page, doc in pages_of(site):
        if page.name == "404.html":
            continue
        own_url = "/" + page.relative_to(out).as_posix().removesuffix("index.html")
        links = switch_links(doc)
        assert links, f"{page}: no language switch"
        for link in links:
            assert link.get("lang") == link.get("hreflang"), f"{page}: switch link needs lang = hreflang"
            target = out / link["href"].lstrip("/") / "index.html"
            assert target.is_file(), f"{page}: counterpart {link['href']} does not exist"
            back = [a["href"] for a in switch_links(parse(target))]
            assert own_url in back, f"{target} does not link back to {own_url}"


def test_alternate_links_cover_languages_and_x_default(site):
    for page, doc in pages_of(site):
        if doc.select_one("meta[name=robots][content=noindex]") or page.name == "404.html":
            continue
        alternates = {link["hreflang"]: link["href"] for link in doc.select("link[rel=alternate][hreflang]")}
        assert "x-default" in alternates, f"{page}: no x-default alternate"
        assert doc.html["lang"] in alternates, f"{page}: no alternate for its own language"
        for link in switch_links(doc):
            counterpart = parse(site.output / link["href"].lstrip("/") / "index.html")
            translated = counterpart.select_one("meta[name=robots][content=noindex]") is None
            assert (link["hreflang"] in alternates) == translated, \
                f"{page}: alternate for {link['hreflang']} should be there exactly when it is translated"
            if translated:
                assert alternates[link["hreflang"]].endswith(link["href"]), f"{page}: alternate URL"


def test_no_inline_script_or_style(site):
    for page, doc in pages_of(site):
        for script in doc.find_all("script"):
            inline = not script.get("src")
            assert not inline or script.get("type") == "application/ld+json", f"{page}: inline script"
        assert not doc.find_all("style"), f"{page}: <style> element"
        assert not doc.select("[style]"), f"{page}: style= attribute"
        assert not [a for tag in doc.find_all(True) for a in tag.attrs if a.startswith("on")], \
            f"{page}: inline event handler"


def is_off_site(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.scheme in ("http", "https") or parsed.netloc or url.startswith("//"))


def test_no_off_site_requests(site):
    for page, doc in pages_of(site):
        for tag, attr in REQUESTING.items():
            for element in doc.find_all(tag):
                url = element.get(attr)
                assert not (url and is_off_site(url)), f"{page}: <{tag}> fetches {url}"
        for link in doc.find_all("link"):
            if FETCHED_LINK_RELS & set(link.get("rel", [])):
                assert not is_off_site(link["href"]), f"{page}: <link> fetches {link['href']}"
    for css in site.output.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "http:" not in text and "https:" not in text and "@import" not in text, f"{css}"


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def closest_lang(node) -> str:
    for parent in node.parents:
        if parent.has_attr("lang"):
            return parent["lang"]
    return ""


def test_no_unmarked_chinese_on_english_pages(site):
    checked = 0
    for page, doc in pages_of(site):
        if doc.html.get("lang") != "en":
            continue
        checked += 1
        for text in doc.find_all(string=CJK):
            if text.parent.name in ("script", "style"):
                continue
            assert closest_lang(text).startswith("zh"), f"{page}: Chinese text without lang: {text.strip()[:40]!r}"
        title = doc.title.get_text()
        assert not CJK.search(title), f"{page}: Chinese in <title>: {title}"
    assert checked > 5, "no English page was checked"


def test_site_map_page_lists_every_page_home_and_menu_first(real_site):
    for prefix in ("", "en/"):
        doc = parse(real_site.output / prefix / "sitemap/index.html")
        listed = [a["href"] for a in doc.select("main ul.sitemap-list")[0].select("a")]
        menu = [a["href"] for a in doc.select("nav.main-nav .menu-wide a")]
        assert listed[0] == f"/{prefix}" and listed[1:1 + len(menu)] == menu
        pages = {"/" + p.relative_to(real_site.output).as_posix().removesuffix("index.html")
                 for p in (real_site.output / prefix).glob("*/index.html")
                 if p.parent.name not in ("news", "en", "review")}  # the staff review page: in no site map
        assert pages <= set(listed), pages - set(listed)


def test_median_page_with_its_css_is_under_20_kb_gzip(real_site):
    css = sum(len(gzip.compress(p.read_bytes())) for p in real_site.output.rglob("*.css"))
    sizes = [len(gzip.compress(p.read_bytes())) + css for p in html_pages(real_site.output)]
    assert statistics.median(sizes) < 20 * 1024, f"median page weight {statistics.median(sizes)} bytes"


def test_navigation_states_current_page_once_per_menu(site):
    for page, doc in pages_of(site):
        own = "/" + page.relative_to(site.output).as_posix().removesuffix("index.html")
        for menu in doc.select("nav.main-nav .menu-narrow ul, nav.main-nav .menu-wide ul"):
            current = menu.select("[aria-current]")
            assert len(current) <= 1, f"{page}: {len(current)} current items in one menu"
            for link in current:
                assert link["aria-current"] == "page" and link["href"] == own, f"{page}: wrong current item"
            marked = [a["href"] for a in menu.select("a") if a["href"] == own]
            assert len(marked) == len(current), f"{page}: its own menu item is not marked current"
        crumbs = doc.select("nav.breadcrumbs li")
        if crumbs:
            assert crumbs[-1].get("aria-current") == "page" and not crumbs[-1].find("a"), f"{page}: last crumb"


def test_alternates_are_absolute_and_exactly_the_real_versions_and_x_default(site):
    for page, doc in pages_of(site):
        links = [(link["hreflang"], link["href"]) for link in doc.select("link[rel=alternate][hreflang]")]
        if page.name == "404.html":
            continue
        languages = [lang for lang, _ in links]
        assert languages[-1] == "x-default" and languages.count("x-default") == 1, f"{page}: {languages}"
        assert set(languages) <= {"zh-Hant-TW", "en", "x-default"}, f"{page}: {languages}"
        assert all(href.startswith(("http://", "https://")) for _, href in links), f"{page}: relative alternate"
        switch = doc.select_one("nav.language-switch a[hreflang]")
        english = doc if doc.html["lang"] == "en" else parse(site.output / switch["href"].lstrip("/") / "index.html")
        real = english.select_one("h1").get_text() != "Available in Chinese only"  # not a placeholder
        assert ("en" in languages) == real, f"{page}: {languages}"


def test_template_text_is_marked_when_in_the_other_language(site):
    """The language lint, run over whole built pages (header, menus, footer and all)."""
    from lxml import html

    from content_lint.issues import LintContext
    from content_lint.language import check

    for page, doc in pages_of(site):
        lang = "en" if doc.html["lang"] == "en" else "zh-tw"
        issues = check(html.fromstring(page.read_bytes()).body, LintContext(lang))
        assert issues == [], f"{page}: {[i.message for i in issues]}"
