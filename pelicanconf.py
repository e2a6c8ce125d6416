"""Pelican settings for the office website (local build and preview).

`publishconf.py` imports this file and overrides only deploy keys.
Custom settings are prefixed by the plugin that reads them.
"""

import logging
import sys
from pathlib import Path

from jinja2 import StrictUndefined
from markdown.extensions.toc import slugify_unicode

ROOT = Path(__file__).resolve().parent

SITENAME = "臺中市龍井區戶政事務所"
SITEURL = ""
# Absolute origin used where a full URL is required (Atom feeds, sitemap.xml).
SITE_ORIGIN = "http://127.0.0.1:8000"
PATH = "content"
TIMEZONE = "Asia/Taipei"
DEFAULT_LANG = "zh-tw"

THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
# Plugins share libraries that are not plugins (problems, content_model): the plugins folder
# is importable in the build as it is in the tests (pyproject's pythonpath).
if PLUGIN_PATHS[0] not in sys.path:
    sys.path.insert(0, PLUGIN_PATHS[0])
# Always explicit: an unset PLUGINS loads every installed namespace plugin.
PLUGINS = ["template_env", "office_data", "audit_record", "bilingual", "table_captions",
           "stacked_tables", "content_lint", "site_outputs"]

# Content sources. ARTICLE_PATHS is explicit because the default scans all of content/.
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
ARTICLE_EXCLUDES: list[str] = []
PAGE_EXCLUDES: list[str] = []
READERS = {"html": None}  # content is Markdown only

# URLs are set per item by the `bilingual` plugin from its folder and slug;
# these patterns are the defaults it follows for news items.
ARTICLE_URL = "news/{slug}/"
ARTICLE_SAVE_AS = "news/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/news/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/news/{slug}/index.html"
# Translations pair by folder and slug for pages (the same slug may be used in two
# folders), by slug for news; `bilingual` sets `bilingual_folder` on every item.
PAGE_TRANSLATION_ID = ["bilingual_folder", "slug"]
ARTICLE_TRANSLATION_ID = "slug"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"

# Every output Pelican would render with its fallback "simple" theme is off:
# the theme ships a template for everything that is written.
DIRECT_TEMPLATES: list[str] = []
INDEX_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAGS_SAVE_AS = ""
TAG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# Feeds are written by the `site_outputs` plugin, per language, with absolute URLs.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = False
SLUGIFY_SOURCE = "basename"
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION: list[str] = []
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Pelican's own empty-alt warning names no line and no fix; the content_lint plugin
# reports the same mistake with file, line and fix (and also catches a missing alt).
LOG_FILTER = [(logging.WARNING, "Empty alt attribute for image %s in %s")]

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {
            "slugify": slugify_unicode,
            "permalink": False,
        },
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

JINJA_ENVIRONMENT = {
    "undefined": StrictUndefined,
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
}

# --- plugin settings (prefixed per plugin) ---
# bilingual: the site's languages, first is the primary one at "/".
BILINGUAL_LANGUAGES = {
    "zh-tw": {"html_lang": "zh-Hant-TW", "prefix": "", "name": "中文"},
    "en": {"html_lang": "en", "prefix": "en", "name": "English"},
}
# template_env: where the gettext catalogs live; source strings are English.
TEMPLATE_ENV_LOCALE_DIR = str(ROOT / "i18n")
TEMPLATE_ENV_SOURCE_LANG = "en"
# office_data: the one data file with the office's name, address, phone, hours…
OFFICE_DATA_FILE = str(ROOT / "content" / "office.toml")
# audit_record: the record of the full audit that gated this build. Empty here: only the
# publishing gate (`make audit-release`) passes one (-e AUDIT_RECORD_FILE=…), so a preview
# or test build never shows a result that was not measured on it.
AUDIT_RECORD_FILE = ""
# audit_record: the checks people do by hand, shown on the accessibility statement.
AUDIT_RECORD_MANUAL_CHECKS = str(ROOT / "content" / "data" / "manual-checks.yaml")
