"""The favicon and touch icon (SVG with PNG fallbacks), and a console without errors or warnings
on every page of the real site (every page type) and on the fixture's placeholder page."""

from __future__ import annotations

import re
import shutil
import struct
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest

from site_checks.browser import chromium, serve
from site_checks.pages import html_pages, page_name, page_url
from support import ROOT, parse

pytestmark = pytest.mark.browser
ICONS = ROOT / "theme/static/icons"
FIRST_PAGE_SETTLE_SECONDS = (
    1.0  # the browser asks for the site's icon once, just after the first load
)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def console_messages(site: Path, names: list[str]) -> dict[str, list[str]]:
    """{page: console errors and warnings} for pages opened one after another in a new browser."""
    found: dict[str, list[str]] = {}
    with serve(site) as base, chromium(console_log=True) as driver:
        for number, name in enumerate(names):
            driver.get(base + page_url(name))
            if number == 0:
                time.sleep(FIRST_PAGE_SETTLE_SECONDS)
            entries = [
                f"{e['level']}: {e['message']}"
                for e in driver.get_log("browser")
                if e["level"] in ("SEVERE", "WARNING")
            ]
            if entries:
                found[name] = entries
    return found


def test_icons_exist_in_svg_and_png_at_the_sizes_linked():
    svg = ElementTree.parse(ICONS / "favicon.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 64 64"
    style = svg.find("{http://www.w3.org/2000/svg}style").text
    assert "prefers-color-scheme: dark" in style and "forced-colors: active" in style
    assert png_size(ICONS / "favicon-32.png") == (32, 32)
    assert png_size(ICONS / "apple-touch-icon.png") == (180, 180)


SAMPLE_ICON = """
const done = arguments[arguments.length - 1];
const image = new Image();
image.onload = () => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, 64, 64);
  const at = (x, y) => Array.from(context.getImageData(x, y, 1, 1).data);
  done({tile: at(6, 32), house: at(20, 40)});
};
image.onerror = () => done(null);
image.src = '/theme/icons/favicon.svg';
"""
CHROME_BACKGROUND = {"light": (255, 255, 255), "dark": (32, 33, 36)}  # a browser's tab strip


def luminance(rgb) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("scheme", "features"),
    [
        ("light", []),
        ("dark", [{"name": "prefers-color-scheme", "value": "dark"}]),
        ("light", [{"name": "forced-colors", "value": "active"}]),
    ],
    ids=["light", "dark", "forced-colours"],
)
def test_the_icon_has_contrast_in_every_colour_mode(real_site, scheme, features):
    """The house on its tile 4.5:1 or more; the tile against the browser's own bar 3:1 or more."""
    with serve(real_site.output) as base, chromium() as driver:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})
        driver.get(base + "/")
        colours = driver.execute_async_script(SAMPLE_ICON)
    assert colours and colours["tile"][3] == colours["house"][3] == 255, colours
    assert contrast(colours["tile"], colours["house"]) >= 4.5, colours
    assert contrast(colours["tile"], CHROME_BACKGROUND[scheme]) >= 3, colours


def test_every_page_links_the_icons(real_site):
    for page in html_pages(real_site.output):
        head = parse(page).head
        linked = {
            (link["rel"][0], link.get("type", "")): link["href"]
            for link in head.select("link[rel~=icon], link[rel=apple-touch-icon]")
        }
        # each URL carries the fingerprint of the file (?v=…), so it may be cached for long
        assert all(re.fullmatch(r"[^?]+\?v=[0-9a-f]{10}", href) for href in linked.values()), linked
        icons = {key: href.split("?")[0] for key, href in linked.items()}
        assert icons == {
            ("icon", "image/png"): "/theme/icons/favicon-32.png",
            ("icon", "image/svg+xml"): "/theme/icons/favicon.svg",
            ("apple-touch-icon", ""): "/theme/icons/apple-touch-icon.png",
        }, page
        for href in icons.values():
            assert (real_site.output / href.lstrip("/")).is_file(), href


def test_no_page_logs_a_console_error_or_warning(real_site, fixture_site, tmp_path):
    names = [page_name(real_site.output, page) for page in html_pages(real_site.output)]
    assert {"index.html", "404.html", "en/accessibility/index.html", "en/news/index.html"} <= set(
        names
    )
    assert console_messages(real_site.output, names) == {}
    assert (
        console_messages(
            fixture_site.output, ["en/notice/index.html", "en/guides/birth/index.html"]
        )
        == {}
    )


def test_the_console_check_catches_a_missing_icon(real_site, tmp_path):
    """Without the icon links the browser asks for /favicon.ico, gets a 404 and logs an error."""
    site = Path(shutil.copytree(real_site.output, tmp_path / "site"))
    page = site / "index.html"
    page.write_text(
        "\n".join(
            line for line in page.read_text(encoding="utf-8").splitlines() if "icon" not in line
        ),
        encoding="utf-8",
    )
    found = console_messages(site, ["index.html"])
    assert list(found) == ["index.html"] and "favicon.ico" in found["index.html"][0]
