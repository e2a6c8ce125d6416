"""The link check (plugins/site_checks/links.py) on small synthetic sites and on the real site."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_checks.links import check_links


def test_real_site_has_no_link_problems(real_site):
    findings = check_links(real_site.output)
    assert findings == [], "\n".join(map(str, findings))


def test_real_site_links_are_really_checked(real_site, tmp_path):
    """Deleting one page of the real site breaks the links to it on every other page."""
    site = Path(shutil.copytree(real_site.output, tmp_path / "output"))
    (site / "en" / "faq" / "index.html").unlink()
    findings = check_links(site)
    pages = {f.page for f in findings if f.element == '<a href="/en/faq/">'}
    assert len(pages) > 5 and "sitemap.xml" in {f.page for f in findings}


