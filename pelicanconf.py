"""Pelican settings for the office website (local build and preview).

`publishconf.py` imports this file and overrides only deploy keys.
Custom settings are prefixed by the plugin that reads them.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The engine's settings, the same for every office (plugins/household_engine/settings.py: theme,
# plugins, Markdown, Jinja, languages, forms, catalogs); this repository is the engine's home, so
# the engine is its plugins folder, not an installed wheel.
sys.path.insert(0, str(ROOT / "plugins"))

from household_engine.settings import *  # noqa: E402,F403

SITENAME = "臺中市龍井區戶政事務所"
# Where the site lives (checked at start-up by plugins/site_settings): SITE_ORIGIN is the scheme
# and host, used where a full URL is required (hreflang, feeds, sitemap.xml, robots.txt, open
# data); SITEURL is only the sub-path ('' at the host's root, or e.g. "/longjing"), put in front
# of every link in the pages, so that pages link root-relative and the gate audits exactly the
# files that are published. A local build's origin is under .invalid: it can never be published.
SITEURL = ""
SITE_ORIGIN = "http://local-build.invalid"
PATH = "content"
# This site's content holds the national files itself (content_model/national.py names them):
# no layer beneath it. A site made by `new-site` reads the installed engine's national content.
CONTENT_MODEL_LAYERS: list[str] = []

# --- plugin settings of this site (prefixed per plugin) ---
# Its own files, where every office's site has them (household_engine.settings.site_files:
# allow-lists, caches, office.toml, manual checks, node_modules).
globals().update(site_files(ROOT))  # noqa: F405
