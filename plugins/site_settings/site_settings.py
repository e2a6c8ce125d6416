"""Check every plugin's settings once, at start-up (Pelican's `initialized`), before anything is
read: defaults from `declared.SETTINGS` are filled in on this build's own copy of the settings,
every value is checked for its shape, and a misspelt name is caught. All problems are reported
together, each on one line naming the setting; the build does not start.

The checked values the gate and the deploy need (origin, sub-path, the public address, staging)
are `SiteSettings`, from a build's settings or from a settings file (`load`).
"""

from __future__ import annotations

import difflib
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals

from problems import Problem, ProblemsFound
from site_context import SITE
from sources.paths import display_path

from .declared import OPTIONAL, PREFIXES, RELATIONS, REQUIRED, SETTINGS

DECLARED = {setting.name: setting for setting in SETTINGS}
# Host names that are never a public site: a local build's, or a placeholder.
LOCAL_HOSTS = re.compile(r"(^|\.)(localhost|invalid|test|example|local)$|^127\.|^\[?::1\]?$|^0\.0\.0\.0$")
PLACEHOLDER_LABEL = re.compile(r"(^|\.)example(\.|$)")


class SiteSettingsError(ProblemsFound):
    """One or more settings are missing, misspelt or malformed: a Problem each, at the line of
    the settings file that assigns it."""


@dataclass(frozen=True)
class SiteSettings:
    """Where the site lives: origin `https://host`, sub-path `/longjing` or ''."""

    origin: str
    path: str
    staging: bool
    origin_unverified: str

    @property
    def base_url(self) -> str:
        """The public address of the site's root, without a trailing '/'."""
        return self.origin + self.path

    @property
    def host(self) -> str:
        return urlsplit(self.origin).hostname or ""  # lower-case, without port or [ ] (IPv6)

    @property
    def is_local(self) -> bool:
        """A local build's or a placeholder's origin: such a build is never published."""
        return bool(LOCAL_HOSTS.search(self.host))

    @property
    def is_placeholder(self) -> bool:
        return bool(PLACEHOLDER_LABEL.search(self.host))


def misspelt(settings) -> list[tuple[str, str, str]]:
    """Names with a plugin's prefix that no plugin reads (a typo means a setting silently unused)."""
    found = []
    for name in sorted(settings):
        if name.startswith(PREFIXES) and name not in DECLARED:
            close = difflib.get_close_matches(name, DECLARED, n=1)
            hint = f"did you mean {close[0]}?" if close else "no plugin reads it"
            found.append((name, f"unknown setting ({hint})",
                          f"rename it to {close[0]}" if close
                          else "remove it (plugins/site_settings/declared.py lists them)"))
    return found


def fill_defaults(settings) -> None:
    """Put each declared default into this build's own copy of the settings, where it is left out."""
    for setting in SETTINGS:
        if setting.name not in settings and setting.default not in (REQUIRED, OPTIONAL):
            settings[setting.name] = setting.default


def setting_problems(settings) -> list[tuple[str, str, str]]:
    """(name, message, fix) of every setting that is misspelt, missing, malformed or at odds
    with another (the defaults filled in first)."""
    problems = misspelt(settings)
    for setting in SETTINGS:
        if setting.name not in settings:
            if setting.default is REQUIRED:
                problems.append((setting.name, f"missing (read by {setting.owner})", setting.fix))
        elif (problem := setting.problem(settings[setting.name])) is not None:
            problems.append((setting.name, problem, setting.fix))
    bad = {name for name, _message, _fix in problems}
    for relation in RELATIONS:
        if not bad & set(relation.names) and (problem := relation.problem(settings)) is not None:
            problems.append((relation.names[0], problem, relation.fix))
    return problems


def site_settings(settings) -> SiteSettings:
    """The checked settings of a build (defaults filled in); raises SiteSettingsError with every
    problem, each at its line of the settings file the build read (SITE_SETTINGS_FILE)."""
    fill_defaults(settings)
    problems = setting_problems(settings)
    if problems:
        settings_file = Path(settings["SITE_SETTINGS_FILE"])
        raise SiteSettingsError([Problem(display_path(settings_file), line_of(settings_file, name), "settings", name,
                                         message, fix) for name, message, fix in problems])
    return SiteSettings(settings["SITE_ORIGIN"], settings["SITEURL"], settings["SITE_STAGING"],
                        settings["SITE_ORIGIN_UNVERIFIED"])


class SettingsFileError(ProblemsFound):
    """The settings file itself cannot be run (a typo, a bad import)."""

    def __init__(self, problem: Problem):
        super().__init__([problem])


def load_settings(settings_file: Path, overrides: dict) -> dict:
    """Pelican's settings from the file (the one reader of a settings file: it also records
    which file, SITE_SETTINGS_FILE, so that a problem names its line); a file that does not run
    is one Problem with its line (SettingsFileError), never a traceback."""
    from pelican.settings import read_settings

    try:
        return read_settings(str(settings_file), override={**overrides, "SITE_SETTINGS_FILE": str(settings_file)})
    except Exception as error:
        line = getattr(error, "lineno", None) if isinstance(error, SyntaxError) else None
        for frame in traceback.extract_tb(error.__traceback__):
            if Path(frame.filename).resolve() == settings_file.resolve():
                line = frame.lineno
        raise SettingsFileError(Problem(display_path(settings_file), line, "settings", type(error).__name__,
                                        str(error), "correct this line of the settings file")) from None


def read(settings_file: Path, overrides: dict | None = None) -> tuple[SiteSettings, dict]:
    """The checked settings of a settings file, as a build with it would see them, and all of
    them (defaults filled in); raises SettingsFileError or SiteSettingsError."""
    settings = load_settings(settings_file, overrides or {})
    return site_settings(settings), settings


def load(settings_file: Path, overrides: dict | None = None) -> SiteSettings:
    return read(settings_file, overrides)[0]


def line_of(settings_file: Path, name: str) -> int | None:
    """The line that assigns `name` in a settings file, if it does so directly."""
    try:
        lines = settings_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    pattern = re.compile(rf"^{re.escape(name)}\s*[:=]")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), None)


def check_settings(pelican) -> None:
    """initialized: every setting checked, defaults filled in, and the checked site (origin,
    sub-path, public base URL) offered to every generator's context as `site`."""
    pelican.settings[SITE] = site_settings(pelican.settings)


def register():
    signals.initialized.connect(check_settings)
