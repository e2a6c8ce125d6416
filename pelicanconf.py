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
# content_model, personal-data guard: values that look personal but may be published, with reasons.
PERSONAL_DATA_ALLOWLIST = str(ROOT / ".ci" / "personal-data-allowlist.toml")
# content_model: where rendered and checked content is kept between builds ("" turns it off).
CONTENT_MODEL_CACHE_DIR = str(ROOT / ".cache" / "content")
# forms: where generated files are kept between builds (the definitions: the engine's FORMS_DIR).
FORMS_CACHE_DIR = str(ROOT / ".cache" / "forms")
# office_data: the one data file with the office's name, address, phone, hours…
OFFICE_DATA_FILE = str(ROOT / "content" / "office.toml")
# audit_record: the checks people do by hand, shown on the accessibility statement.
AUDIT_RECORD_MANUAL_CHECKS = str(ROOT / "content" / "data" / "manual-checks.yaml")
# site_search (the index step of site_build): the npm packages, pinned in package-lock.json, that
# hold Pagefind and its extended binary (docs/search.md). The build fails if they are missing.
SEARCH_NODE_MODULES = str(ROOT / "node_modules")
