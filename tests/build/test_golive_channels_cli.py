"""The go-live gate, run as `make publish` runs it (python -m site_publish go-live), refuses each
channel the office has not confirmed: on a fixture copy where every other value is confirmed,
each channel marked `unverified` in turn stops the gate with exactly one line, at its table in
content/office.toml; with none marked, the gate lets the site through; a staging publish lists the
channel and goes on."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from publish_support import publishable_copy

from support import ROOT

CHANNELS = ("email", "director_email", "fax", "address", "city_mailbox", "citizen_hotline", "phone",
            "appointments", "surveys", "reply_time")


def go_live(site, *extra):
    return subprocess.run([sys.executable, "-m", "site_publish", "go-live", "--settings", "publishtest.py", *extra],
                          cwd=site, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "COLUMNS": "200"})


def mark_unverified(office, field):
    """Put `unverified = "…"` under [field], as staff would while a value is not confirmed."""
    lines = office.read_text(encoding="utf-8").splitlines(True)
    at = lines.index(f"[{field}]\n")
    lines.insert(at + 1, 'unverified = "planted: not confirmed"\n')
    office.write_text("".join(lines), encoding="utf-8")
    return at + 1


@pytest.fixture(scope="module")
def confirmed(tmp_path_factory):
    site = publishable_copy(tmp_path_factory.mktemp("golive"))
    result = go_live(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "go-live: no problems" in result.stdout
    return site


@pytest.mark.parametrize("field", CHANNELS)
def test_each_unconfirmed_channel_stops_the_gate_with_one_line_at_its_table(confirmed, tmp_path, field):
    site = publishable_copy(tmp_path)
    line = mark_unverified(site / "content/office.toml", field)
    result = go_live(site)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    refused = [row for row in result.stdout.splitlines() if "go-live [" in row]
    assert refused == [f"content/office.toml:{line}: go-live [unverified]: [{field}] is not confirmed by the "
                       "office: planted: not confirmed. Fix: put in the value the office confirmed and delete its "
                       "`unverified` line, or publish to a staging host with `make publish STAGING=1` (every page "
                       "then says so)"], result.stdout


def test_a_staging_publish_names_the_unconfirmed_channel_and_goes_on(tmp_path):
    site = publishable_copy(tmp_path)
    mark_unverified(site / "content/office.toml", "city_mailbox")
    result = go_live(site, "--staging")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "staging: content/office.toml:" in result.stdout and "[city_mailbox] is not confirmed" in result.stdout
