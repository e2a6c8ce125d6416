"""The settings of the project's plugins, declared ONCE: who reads each, its default, its shape.

A setting whose default is REQUIRED must be in the settings file. A name that starts with a
plugin's prefix but is not declared here is a typo (`AUDIT_RECORD_FIEL`), and an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from content_lint import CHECKS as LINT_CHECKS

REQUIRED = object()  # must be in the settings file
OPTIONAL = object()  # may be left out; then the plugin uses its own rule
# Prefixes of the project's own settings (and the plugin that owns each).
PREFIXES = ("SITE_", "PERSONAL_DATA_", "FORMS_", "TEMPLATE_ENV_", "OFFICE_DATA_", "AUDIT_RECORD_",
            "CONTENT_LINT_", "CONTENT_MODEL_", "SEARCH_")
PATH_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


def origin_problem(value) -> str | None:
    """SITE_ORIGIN: `scheme://host[:port]`, http or https, nothing after the host."""
    if not isinstance(value, str):
        return f"it is {value!r}, not text"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return f"{value!r} is not a URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{value!r} has no http:// or https:// and host name"
    if parts.path or parts.query or parts.fragment or "@" in parts.netloc or value.endswith(("?", "#")):
        return f"{value!r} has something after the host name (a path, '/', '?' or '#')"
    return None


def site_path_problem(value) -> str | None:
    """SITEURL: the sub-path the site is served under: '' at a host's root, else '/a/b'."""
    if value == "":
        return None
    if not isinstance(value, str) or "://" in value or value.startswith("//"):
        return f"{value!r} is not a path: the scheme and host go in SITE_ORIGIN"
    segments = value.split("/")
    if segments[0] != "" or not all(PATH_SEGMENT.fullmatch(s) for s in segments[1:]):
        return f"{value!r} is not '' or a path like '/longjing' (a leading '/', no trailing '/')"
    return None


def file_problem(value) -> str | None:
    if not isinstance(value, str) or not value or not Path(value).is_file():
        return f"there is no file {value!r}"
    return None


def folder_problem(value) -> str | None:
    if not isinstance(value, str) or not value or not Path(value).is_dir():
        return f"there is no folder {value!r}"
    return None


def optional_file_problem(value) -> str | None:
    return None if value == "" else file_problem(value)


def path_problem(value) -> str | None:
    return None if isinstance(value, str) and value else f"{value!r} is not a path"


def optional_path_problem(value) -> str | None:
    return None if value == "" else path_problem(value)


def boolean_problem(value) -> str | None:
    return None if isinstance(value, bool) else f"{value!r} is not True or False"


def text_problem(value) -> str | None:
    return None if isinstance(value, str) else f"{value!r} is not text"


LANGUAGE_KEYS = {"html_lang", "prefix", "name"}


def languages_problem(value) -> str | None:
    """SITE_LANGUAGES: {lang: {html_lang, prefix, name}}, lower-case keys, the first at '/'
    (prefix '') and the others at distinct prefixes."""
    if not isinstance(value, dict) or not value or not all(isinstance(spec, dict) for spec in value.values()):
        return "it is not a non-empty dict {lang: {html_lang, prefix, name}}"
    for lang, spec in value.items():
        if lang != lang.lower() or LANGUAGE_KEYS - set(spec):
            return f"[{lang!r}]: the key must be lower-case and needs {sorted(LANGUAGE_KEYS)}"
    prefixes = [spec["prefix"] for spec in value.values()]
    if prefixes[0] != "" or len(set(prefixes)) != len(prefixes):
        return "the first language has the prefix '' and the others distinct prefixes"
    return None


def checks_problem(value) -> str | None:
    if not isinstance(value, (list, tuple)) or not all(isinstance(name, str) for name in value):
        return f"{value!r} is not a list of check names"
    unknown = [name for name in value if name not in LINT_CHECKS]
    return f"unknown check(s) {unknown}; known: {', '.join(LINT_CHECKS)}" if unknown else None


def folders_problem(value) -> str | None:
    """A list of existing folders (may be empty)."""
    if not isinstance(value, list | tuple):
        return f"{value!r} is not a list of folders"
    return next((found for found in map(folder_problem, value) if found), None)


def empty_list_problem(value) -> str | None:
    return None if list(value or []) == [] else f"it is {value!r}, not []"


@dataclass(frozen=True)
class Setting:
    name: str
    owner: str  # the plugin that reads it
    default: object  # the value when left out; REQUIRED or OPTIONAL
    problem: Callable[[object], str | None]  # what is wrong with a value, or None
    fix: str  # what to write


@dataclass(frozen=True)
class Relation:
    """A rule between settings, checked once each of them has a good value of its own."""

    names: tuple[str, ...]  # the first is the one the problem is reported on
    problem: Callable[[dict], str | None]
    fix: str


SETTINGS: tuple[Setting, ...] = (
    Setting("SITE_SETTINGS_FILE", "site_settings (where a problem's line is looked up)", "pelicanconf.py",
            text_problem, "leave it out: the build sets it to the settings file it read"),
    Setting("SITE_ORIGIN", "site_outputs, templates", REQUIRED, origin_problem,
            "write the scheme and host only, e.g. SITE_ORIGIN = \"https://www.example.gov.tw\" "
            "(a sub-path goes in SITEURL)"),
    Setting("SITEURL", "templates, content_model", "", site_path_problem,
            "write '' when the site is at the host's root, or the sub-path, e.g. SITEURL = \"/longjing\""),
    Setting("SITE_ORIGIN_UNVERIFIED", "site_publish (go-live gate)", "", text_problem,
            "write why the host name is not confirmed, or '' once it is"),
    Setting("SITE_STAGING", "templates (staging banner), site_outputs", False, boolean_problem,
            "write True or False (make publish STAGING=1 sets it)"),
    Setting("SITE_COMPONENT_EXAMPLES", "site_outputs (component examples, for tests/browser/test_components.py)",
            False, boolean_problem, "write True or False (only the component test sets it)"),
    Setting("SITE_LANGUAGES", "content_model, templates", REQUIRED, languages_problem,
            "write {lang: {html_lang, prefix, name}}, the primary language first with prefix ''"),
    Setting("PAGE_PATHS", "content_model (it reads every kind's folder itself)", [], empty_list_problem,
            "write PAGE_PATHS = []"),
    Setting("ARTICLE_PATHS", "content_model (it reads every kind's folder itself)", [], empty_list_problem,
            "write ARTICLE_PATHS = []"),
    Setting("PERSONAL_DATA_ALLOWLIST", "personal_data", REQUIRED, file_problem,
            "name the allow-list file, e.g. .ci/personal-data-allowlist.toml"),
    Setting("FORMS_DIR", "forms", REQUIRED, folder_problem, "name the folder of form definitions, e.g. forms"),
    Setting("FORMS_LAYERS", "forms (form definitions beneath the site's own FORMS_DIR, lowest first)", [],
            folders_problem, "list the engine's form definitions, e.g. [household_engine.paths.FORMS]"),
    Setting("FORMS_CACHE_DIR", "forms", REQUIRED, path_problem, "name a folder for generated files, e.g. .cache/forms"),
    Setting("TEMPLATE_ENV_LOCALE_DIR", "template_env", REQUIRED, folder_problem,
            "name the folder of the gettext catalogs, e.g. i18n"),
    Setting("TEMPLATE_ENV_SOURCE_LANG", "template_env", "en", text_problem, "write the language of the msgids, en"),
    Setting("OFFICE_DATA_FILE", "office_data", REQUIRED, file_problem,
            "name the office data file, e.g. content/office.toml"),
    Setting("AUDIT_RECORD_FILE", "audit_record", "", optional_file_problem,
            "leave it '' (only make audit-release passes a record), or name an existing record"),
    Setting("AUDIT_RECORD_MANUAL_CHECKS", "audit_record", REQUIRED, file_problem,
            "name the manual checks file, e.g. content/data/manual-checks.yaml"),
    Setting("SEARCH_NODE_MODULES", "site_build (the search index step)", REQUIRED, folder_problem,
            "name the node_modules folder with Pagefind (make node-deps installs it), e.g. node_modules"),
    Setting("CONTENT_MODEL_LAYERS", "content_model (content layers beneath the site's own, lowest first)", [],
            folders_problem, "list the engine's national content folder, e.g. [household_engine.paths.NATIONAL]"),
    Setting("CONTENT_MODEL_CACHE_DIR", "content_model (rendered and checked content between builds)", "",
            optional_path_problem, "name a folder, e.g. .cache/content, or write '' for no cache"),
    Setting("CONTENT_LINT_CHECKS", "content_lint", OPTIONAL, checks_problem,
            "leave it out (every check), or list check names"),
)

def primary_language_problem(settings) -> str | None:
    """The language at '/' (the first of SITE_LANGUAGES) is DEFAULT_LANG."""
    first = next(iter(settings["SITE_LANGUAGES"]))
    default = settings.get("DEFAULT_LANG")
    return None if first == default else f"the first language {first!r} is not DEFAULT_LANG {default!r}"


RELATIONS: tuple[Relation, ...] = (
    Relation(("DEFAULT_LANG", "SITE_LANGUAGES"), primary_language_problem,
             "put the language served at '/' first in SITE_LANGUAGES, and set DEFAULT_LANG to it"),
)
