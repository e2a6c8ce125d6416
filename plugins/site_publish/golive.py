"""The go-live gate: a production publish refuses while the office's details hold a value the
office has not confirmed (`unverified = "…"` in content/office.toml) or while the public host
name is a placeholder or not confirmed (SITE_ORIGIN_UNVERIFIED). Each is one line with its file,
line and key. `make publish STAGING=1` publishes anyway, with a banner on every page."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from problems import Problem
from site_settings import SiteSettings
from site_settings.site_settings import line_of

STAGE = "go-live"
STAGING_FIX = "or publish to a staging host with `make publish STAGING=1` (every page then says so)"
TABLE = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
UNVERIFIED_KEY = re.compile(r"^\s*unverified\s*=")


def unverified_lines(text: str) -> dict[str, int]:
    """{table: line of its `unverified` key} in a TOML file's text."""
    table, found = "", {}
    for number, line in enumerate(text.splitlines(), 1):
        if match := TABLE.match(line):
            table = match.group(1)
        elif UNVERIFIED_KEY.match(line):
            found[table] = number
    return found


def office_problems(office_file: Path, shown: str) -> list[Problem]:
    """One problem per office value marked unverified."""
    text = office_file.read_text(encoding="utf-8")
    fields = tomllib.loads(text)
    lines = unverified_lines(text)
    return [Problem(shown, lines.get(name), STAGE, "unverified",
                    f"[{name}] is not confirmed by the office: {value['unverified']}",
                    f"put in the value the office confirmed and delete its `unverified` line, {STAGING_FIX}")
            for name, value in fields.items() if isinstance(value, dict) and "unverified" in value]


def host_problems(site: SiteSettings, settings_file: Path) -> list[Problem]:
    """The public host must be a real, confirmed https host name."""
    shown, line = str(settings_file), line_of(settings_file, "SITE_ORIGIN")
    problems = []
    if site.is_local or site.is_placeholder:
        problems.append(Problem(shown, line, STAGE, "placeholder-host",
                                f"the public host name {site.host} is a placeholder or local",
                                f"set SITE_ORIGIN to the office's real address, {STAGING_FIX}"))
    elif not site.origin.startswith("https://"):
        problems.append(Problem(shown, line, STAGE, "no-https",
                                f"the site would be published at {site.origin}, without https",
                                "set SITE_ORIGIN to its https:// address"))
    if site.origin_unverified:
        problems.append(Problem(shown, line_of(settings_file, "SITE_ORIGIN_UNVERIFIED"), STAGE,
                                "unverified-host",
                                f"the public host name {site.host} is not confirmed: {site.origin_unverified}",
                                f"confirm it and set SITE_ORIGIN_UNVERIFIED = \"\", {STAGING_FIX}"))
    return problems


def go_live_problems(site: SiteSettings, settings_file: Path, office_file: Path, shown_office: str) -> list[Problem]:
    """Everything that keeps a build from production; [] when it may go live."""
    return host_problems(site, settings_file) + office_problems(office_file, shown_office)
