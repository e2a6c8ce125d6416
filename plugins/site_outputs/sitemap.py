"""sitemap.xml with hreflang alternates (written here because pelican-sitemap writes `ref=`)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(index, origin: str) -> bytes:
    """The sitemap document: one <url> per listed item in every language, with its last change
    and the hreflang alternates of the page (the same list the page's <head> has)."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for lang in index.languages:
        for item in index.listed(lang):
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{origin}/{item.url}"
            if item.updated:  # a guide never reviewed has no date to give
                ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = item.updated.isoformat()
            for hreflang, href in index.alternates(item):
                ET.SubElement(url, f"{{{XHTML_NS}}}link",
                              {"rel": "alternate", "hreflang": hreflang, "href": f"{origin}/{href}"})
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(base_url: str, staging: bool = False) -> str:
    """Robots may read everything (a staging build: nothing), and find the sitemap."""
    rule = "Disallow: /" if staging else "Allow: /"
    return f"User-agent: *\n{rule}\n\nSitemap: {base_url}/sitemap.xml\n"
