from site_outputs.feeds import feed_path
from site_outputs.sitemap import robots_txt


def test_robots_points_to_the_absolute_sitemap():
    assert robots_txt("https://example.gov.tw") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.gov.tw/sitemap.xml\n")


def test_one_feed_per_language():
    assert feed_path("zh-tw") == "feeds/zh-tw.atom.xml" and feed_path("en") == "feeds/en.atom.xml"
