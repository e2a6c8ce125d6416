"""The go-live gate: a production publish refuses while the office's details hold a value the
office has not confirmed (`unverified = "…"` in content/office.toml) or while the public host
name is a placeholder or not confirmed (SITE_ORIGIN_UNVERIFIED), or while the server's config
(deploy/nginx.conf) sends another Content-Security-Policy than the one the site declares. Each
is one line with its file, line and key. `make publish STAGING=1` publishes anyway, with a banner on every page."""

from __future__ import annotations

import re
from pathlib import Path

from office_data.office_data import load as load_office
from problems import Problem
from site_search.policy import CONTENT_SECURITY_POLICY
from site_settings import SiteSettings
from site_settings.site_settings import line_of
from sources.paths import display_path

STAGE = "go-live"
STAGING_FIX = "or publish to a staging host with `make publish STAGING=1` (every page then says so)"
CSP_HEADER = re.compile(r'^\s*add_header\s+Content-Security-Policy\s+"([^"]*)"')


def office_problems(office_file: Path, languages: list[str]) -> list[Problem]:
    """One problem per office value marked unverified, at the line of its [table]."""
    office = load_office(office_file, languages)
    return [Problem(office.source, office.lines.get(name), STAGE, "unverified",
                    f"[{name}] is not confirmed by the office: {reason}",
                    f"put in the value the office confirmed and delete its `unverified` line, {STAGING_FIX}")
            for name, reason in office.unverified().items()]


def csp_problems(server_config: Path) -> list[Problem]:
    """The server sends the one policy the site declares (site_search.policy): a copy that has
    drifted in deploy/nginx.conf would break the search or let through what the site forbids."""
    lines = server_config.read_text(encoding="utf-8").splitlines()
    found = [(number, match.group(1)) for number, line in enumerate(lines, 1) if (match := CSP_HEADER.match(line))]
    shown = display_path(server_config)
    if not found:
        return [Problem(shown, None, STAGE, "csp-missing", "the server config sends no Content-Security-Policy",
                        f'add `add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;`')]
    return [Problem(shown, number, STAGE, "csp-differs", "this Content-Security-Policy is not the one the site "
                    "declares in plugins/site_search/policy.py",
                    f'write `add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;`')
            for number, policy in found if policy != CONTENT_SECURITY_POLICY]


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


def go_live_problems(site: SiteSettings, settings_file: Path, office_file: Path, languages: list[str],
                     server_config: Path) -> list[Problem]:
    """Everything that keeps a build from production; [] when it may go live."""
    return host_problems(site, settings_file) + office_problems(office_file, languages) + csp_problems(server_config)
