"""Settings for the published site: pelicanconf.py plus the deploy keys only.

`make publish` builds with this file (`make publish STAGING=1` adds SITE_STAGING = True).
Checked at start-up by plugins/site_settings; `python -m site_settings show --settings
publishconf.py` prints what a build with it uses.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

# The public address: scheme and host here, a sub-path (e.g. "/longjing") in SITEURL. Every
# absolute URL (hreflang, Atom feeds, sitemap.xml, robots.txt, open data) is SITE_ORIGIN + SITEURL;
# links inside the pages are SITEURL + "/…", so the same files work on any host.
SITE_ORIGIN = "https://www.hlongjing.taichung.gov.tw"
SITEURL = ""
# The go-live gate refuses a production publish while this says why the host is not confirmed.
SITE_ORIGIN_UNVERIFIED = ("The office's public host name is a guess from the pattern of other Taichung "
                          "district offices (h<district>.taichung.gov.tw); the city has not confirmed it.")
