"""The engine's Pelican settings, the same for every office's site. A site's pelicanconf.py
starts with `from household_engine.settings import *` and adds only its own: its name, where it
lives (SITE_ORIGIN, SITEURL), its content and office data, its caches and its layers
(CONTENT_MODEL_LAYERS = [str(paths.NATIONAL)]). Every setting is checked at start-up by
plugins/site_settings (declared.py), wherever it was written.
"""

import sys
from pathlib import Path

from jinja2 import StrictUndefined
from markdown.extensions.toc import slugify_unicode

from household_engine import paths

TIMEZONE = "Asia/Taipei"
DEFAULT_LANG = "zh-tw"

THEME = str(paths.THEME)
PLUGIN_PATHS = [str(paths.PLUGINS)]
# Plugins share libraries that are not plugins (problems, content_model): the plugins folder
# is importable in the build as it is in the tests (pyproject's pythonpath).
if PLUGIN_PATHS[0] not in sys.path:
    sys.path.insert(0, PLUGIN_PATHS[0])
# Always explicit (an unset PLUGINS loads every installed namespace plugin), and in this order:
# site_settings first (every plugin's settings checked before anything runs), template_env
# (every generator's Jinja environment), content_model before the plugins that
# read its `site_index` (see docs/architecture.md; each plugin checks what it needs at start-up).
PLUGINS = ["site_settings", "template_env", "content_model", "office_data", "audit_record", "site_outputs"]

# All content (pages, news, guides, …) is read by the content_model plugin, by kind, from the
# folders declared in plugins/content_model/kinds.py; Pelican's own generators read nothing.
PAGE_PATHS: list[str] = []
ARTICLE_PATHS: list[str] = []
# Images and downloads: content/files/ is copied to /files/ as it is.
STATIC_PATHS = ["files"]
READERS = {"html": None}  # content is Markdown only

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
# content_model (read by several plugins): the site's languages, the primary one first, at "/".
SITE_LANGUAGES = {
    "zh-tw": {"html_lang": "zh-Hant-TW", "prefix": "", "name": "中文"},
    "en": {"html_lang": "en", "prefix": "en", "name": "English"},
}
# forms: the national form definitions. A site with forms of its own (or overriding a national
# one) sets FORMS_DIR to its own folder and FORMS_LAYERS = [str(paths.FORMS)] beneath it.
FORMS_DIR = str(paths.FORMS)
FORMS_LAYERS: list[str] = []
# template_env: where the gettext catalogs live; source strings are English.
TEMPLATE_ENV_LOCALE_DIR = str(paths.LOCALE)
TEMPLATE_ENV_SOURCE_LANG = "en"
# audit_record: the record of the full audit that gated this build. Empty here: only the
# publishing gate (`make audit-release`) passes one (--set AUDIT_RECORD_FILE=…), so a preview
# or test build never shows a result that was not measured on it.
AUDIT_RECORD_FILE = ""


def site_files(root: Path) -> dict[str, str]:
    """The settings that name a site's own files, in its folder `root` (the same layout for every
    office): a site's pelicanconf.py adds them with `globals().update(site_files(ROOT))`."""
    return {
        # content_model, personal-data guard: values that look personal but may be published, with reasons.
        "PERSONAL_DATA_ALLOWLIST": str(root / ".ci" / "personal-data-allowlist.toml"),
        # content_model: where rendered and checked content is kept between builds ("" turns it off).
        "CONTENT_MODEL_CACHE_DIR": str(root / ".cache" / "content"),
        # forms: where generated files are kept between builds.
        "FORMS_CACHE_DIR": str(root / ".cache" / "forms"),
        # office_data: the one data file with the office's name, address, phone, hours…
        "OFFICE_DATA_FILE": str(root / "content" / "office.toml"),
        # audit_record: the checks people do by hand, shown on the accessibility statement.
        "AUDIT_RECORD_MANUAL_CHECKS": str(root / "content" / "data" / "manual-checks.yaml"),
        # site_search (the index step of site_build): the npm packages, pinned in package-lock.json,
        # that hold Pagefind and its extended binary (docs/search.md). The build fails if missing.
        "SEARCH_NODE_MODULES": str(root / "node_modules"),
    }
