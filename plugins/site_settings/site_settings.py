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

from problems import Problem
from sources.paths import display_path

from .declared import OPTIONAL, PREFIXES, REQUIRED, SETTINGS

DECLARED = {setting.name: setting for setting in SETTINGS}
# Host names that are never a public site: a local build's, or a placeholder.
LOCAL_HOSTS = re.compile(r"(^|\.)(localhost|invalid|test|example|local)$|^127\.|^\[?::1\]?$|^0\.0\.0\.0$")
PLACEHOLDER_LABEL = re.compile(r"(^|\.)example(\.|$)")


class SiteSettingsError(Exception):
    """One or more settings are missing, misspelt or malformed: [(name, message, fix)]."""

    def __init__(self, problems: list[tuple[str, str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{name}: {message}. Fix: {fix}" for name, message, fix in problems))


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


def checked(settings) -> list[tuple[str, str, str]]:
    """Fill in defaults (on this build's copy) and return every problem found."""
    problems = misspelt(settings)
    for setting in SETTINGS:
        if setting.name not in settings:
            if setting.default is REQUIRED:
                problems.append((setting.name, f"missing (read by {setting.owner})", setting.fix))
            elif setting.default is not OPTIONAL:
                settings[setting.name] = setting.default
            continue
        if (problem := setting.problem(settings[setting.name])) is not None:
            problems.append((setting.name, problem, setting.fix))
    return problems


def site_settings(settings) -> SiteSettings:
    """The checked settings of a build; raises SiteSettingsError with every problem."""
    problems = checked(settings)
    if problems:
        raise SiteSettingsError(problems)
    return SiteSettings(settings["SITE_ORIGIN"], settings["SITEURL"], settings["SITE_STAGING"],
                        settings["SITE_ORIGIN_UNVERIFIED"])


class SettingsFileError(Exception):
    """The settings file itself cannot be run (a typo, a bad import)."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def load_settings(settings_file: Path, overrides: dict) -> dict:
    """Pelican's settings from the file; a file that does not run is one Problem with its line
    (SettingsFileError), never a traceback."""
    from pelican.settings import read_settings

    try:
        return read_settings(str(settings_file), override=overrides)
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


def settings_problems(error: SiteSettingsError, settings_file: Path) -> list[Problem]:
    """One Problem per bad setting, at the line of the settings file that assigns it."""
    return [Problem(str(settings_file), line_of(settings_file, name), "settings", name, message, fix)
            for name, message, fix in error.problems]


def check_settings(pelican) -> None:
    site_settings(pelican.settings)


def register():
    signals.initialized.connect(check_settings)
