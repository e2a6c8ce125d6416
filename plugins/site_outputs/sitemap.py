"""sitemap.xml with hreflang alternates (written here because pelican-sitemap writes `ref=`)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
EXCLUDED_SLUGS = {"404"}


def alternates(index, item) -> list[tuple[str, str]]:
    """(hreflang, url) for every real language version of an item, plus x-default."""
    versions = [
        (index.html_lang(lang), index.counterpart(item, lang).url)
        for lang in index.languages
        if index.counterpart(item, lang) is not None and index.is_translated(item, lang)
    ]
    primary = index.counterpart(item, index.primary)
    return versions + [("x-default", primary.url)]


def sitemap_xml(index, origin: str) -> bytes:
    """The sitemap document: one <url> per real page or news item in every language."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for lang in index.languages:
        for item in index.pages(lang) + index.news(lang):
            if item.slug in EXCLUDED_SLUGS:
                continue
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{origin}/{item.url}"
            changed = getattr(item, "modified", None) or item.date
            ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = changed.date().isoformat()
            for hreflang, href in alternates(index, item):
                ET.SubElement(url, f"{{{XHTML_NS}}}link",
                              {"rel": "alternate", "hreflang": hreflang, "href": f"{origin}/{href}"})
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(origin: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n"
