"""The audit end to end: the real site passes both axe and the national rules; the cache skips
unchanged pages; shards cover every page once; and the audit never passes what it did not
check: a broken browser, a page that makes axe throw, a browser that dies mid-run, and a
partial run asked to write the record each fail loudly."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
import shutil
import signal
from pathlib import Path

import pytest

from site_checks.__main__ import main as site_checks
from site_checks.audit import engine
from support import ROOT, run_pelican

PAGE = "en/guides/birth/index.html"
COUNTS = re.compile(r"(\w[\w .()-]*?): (\d+) audited, (\d+) from cache, (\d+) in error")


def run_audit(site, tmp_path, *extra):
    return site_checks(
        [
            "audit",
            "--site",
            str(site),
            "--report-dir",
            str(tmp_path / "report"),
            "--cache-dir",
            str(tmp_path / "cache"),
            *extra,
        ]
    )


def audit_english(*extra, site, tmp_path):
    """Audit only the English pages with one browser: enough to show the cache at work."""
    return run_audit(site, tmp_path, "--only", "en/*", "--workers", "1", *extra)


def counts(printed: str) -> list[tuple[int, int, int]]:
    """(audited, cached, in error) of axe, then of the national rules, from the summary line."""
    found = [tuple(map(int, match[1:])) for match in COUNTS.findall(printed)]
    assert len(found) == 2, printed
    return found


def report(tmp_path) -> dict:
    return json.loads((tmp_path / "report/audit.json").read_text(encoding="utf-8"))


@pytest.fixture
def site_copy(fixture_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_site.output, site)
    return site


@pytest.fixture(scope="module")
def real_audit(real_site, tmp_path_factory):
    """A full audit of the real site that writes the record: (folder, exit code, printed)."""
    folder = tmp_path_factory.mktemp("real-audit")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = run_audit(real_site.output, folder, "--all", "--record", str(folder / "record.json"))
    return folder, code, printed.getvalue()


@pytest.mark.browser
def test_real_site_has_zero_violations_in_both_languages(real_site, real_audit):
    folder, code, printed = real_audit
    assert code == 0, printed
    pages = len(list(real_site.output.rglob("*.html")))
    assert counts(printed) == [(pages, 0, 0), (pages, 0, 0)]
    record = json.loads((folder / "record.json").read_text())
    assert record["violations"] == 0 and record["national"]["failures"] == 0
    assert record["national"]["checks"] > 50 and record["tools"]["a11y-moda"] == "0.6.1"
    assert record["pages_by_lang"]["zh-Hant-TW"] == record["pages_by_lang"]["en"] > 10
    assert sum(record["pages_by_lang"].values()) == pages  # the 404 pages included
    result = report(folder)
    assert result["engine"]["axe"] == "4.14.1" and result["engine"]["chromium"]
    assert "404.html" in result["pages"] and "en/404.html" in result["pages"]


@pytest.mark.browser
def test_release_gate_statement_shows_the_audit_of_the_same_build(
    real_site, real_audit, tmp_path, capsys
):
    """`make audit-release`: build again with the record, audit again (only the statement pages
    changed), and the record must come out the same; a record that differs fails."""
    folder, code, _ = real_audit
    record = folder / "record.json"
    build = run_pelican(
        ROOT / "content",
        ROOT / "pelicanconf.py",
        tmp_path / "output",
        extra_settings={"AUDIT_RECORD_FILE": str(record)},
    )
    assert code == 0 and build.returncode == 0, build.log
    assert "83 項檢測，0 項未通過" in (build.output / "accessibility/index.html").read_text(
        encoding="utf-8"
    )
    assert run_audit(build.output, folder, "--expect-record", str(record)) == 0
    pages = len(list(build.output.rglob("*.html")))
    assert counts(capsys.readouterr().out) == [(2, pages - 2, 0)] * 2
    stale, old = tmp_path / "stale.json", json.loads(record.read_text())
    now = dict(old["pages_by_lang"])
    old["pages_by_lang"]["en"] -= 1  # as if a page was added after the first audit
    stale.write_text(json.dumps(old), encoding="utf-8")
    assert run_audit(build.output, folder, "--expect-record", str(stale)) == 1
    assert (
        f"{stale}: audit [record-mismatch]: the statement was built from a record that differs "
        f"from this audit: pages_by_lang: {old['pages_by_lang']!r} in the record, {now!r} now. "
        "Fix: run `make audit-release` again"
    ) in capsys.readouterr().out


@pytest.mark.browser
def test_unchanged_pages_are_not_audited_again(site_copy, tmp_path, capsys):
    total = len(list((site_copy / "en").rglob("*.html")))
    audit = functools.partial(audit_english, site=site_copy, tmp_path=tmp_path)
    assert audit() == 0
    assert counts(capsys.readouterr().out) == [(total, 0, 0)] * 2
    assert audit() == 0
    assert counts(capsys.readouterr().out) == [(0, total, 0)] * 2
    page = site_copy / PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace("Within 60 days", "Within sixty days"),
        encoding="utf-8",
    )
    assert audit() == 0
    assert counts(capsys.readouterr().out) == [(1, total - 1, 0)] * 2
    assert audit("--all") == 0
    assert counts(capsys.readouterr().out) == [(total, 0, 0)] * 2


@pytest.mark.browser
def test_shards_together_audit_every_page_once(fixture_site, tmp_path, capsys):
    seen = []
    for shard in ("1/2", "2/2"):
        folder = tmp_path / shard.replace("/", "-")
        assert (
            run_audit(
                fixture_site.output, folder, "--shard", shard, "--only", "en/*", "--workers", "1"
            )
            == 0
        )
        capsys.readouterr()
        seen += list(report(folder)["pages"])
    assert sorted(seen) == sorted(
        p.relative_to(fixture_site.output).as_posix()
        for p in (fixture_site.output / "en").rglob("*.html")
    )


def test_expired_allowlist_entry_fails_before_auditing(fixture_site, tmp_path, capsys):
    allow = tmp_path / "allow.toml"
    allow.write_text(
        '[[allow]]\npage = "*"\nrule = "region"\nreason = "old"\nexpires = 2020-01-01\n'
    )
    assert run_audit(fixture_site.output, tmp_path, "--allowlist", str(allow)) == 2
    assert capsys.readouterr().out.splitlines() == [
        f"{allow}: audit [cannot-run]: entry 1 (region on *) expired on 2020-01-01. "
        "Fix: fix the pages, or renew the entry with a new reason and date",
        "accessibility audit: could not run, so nothing was checked",
    ]


# --- a gate that never passes what it did not check ---------------------------------------------


def test_a_browser_that_does_not_start_fails_the_audit(fixture_site, tmp_path, capsys):
    record = tmp_path / "record.json"
    code = run_audit(
        fixture_site.output,
        tmp_path,
        "--all",
        "--browser",
        str(tmp_path / "no-chromium"),
        "--record",
        str(record),
    )
    printed = capsys.readouterr().out.splitlines()
    assert code == 2 and not record.exists()
    assert printed[0].startswith(
        f"{tmp_path}/no-chromium: audit [cannot-run]: Chromium did not start, so no "
        f"page was audited: BrowserUnavailable: {tmp_path}/no-chromium is missing"
    )
    assert printed[1:] == ["accessibility audit: could not run, so nothing was checked"]


AXE_BREAKER = (
    "<script>axe.run = function () { throw new Error('planted: axe breaks here'); };</script>"
)


@pytest.mark.browser
def test_a_page_that_makes_axe_throw_is_reported_and_fails(site_copy, tmp_path, capsys):
    page = site_copy / PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace("</body>", AXE_BREAKER + "</body>"),
        encoding="utf-8",
    )
    assert audit_english(site=site_copy, tmp_path=tmp_path) == 1
    printed = capsys.readouterr().out
    total = len(list((site_copy / "en").rglob("*.html")))
    assert counts(printed)[0] == (total - 1, 0, 1)
    assert f"{PAGE}: axe [audit-error]: the audit could not run: JavascriptException" in printed
    assert "planted: axe breaks here" in printed
    assert report(tmp_path)["pages"][PAGE]["axe"]["error"]
    assert report(tmp_path)["summary"]["complete"] is False
    assert audit_english(site=site_copy, tmp_path=tmp_path) == 1  # an error is never cached
    assert counts(capsys.readouterr().out)[0] == (0, total - 1, 1)


@pytest.mark.browser
def test_a_browser_that_dies_mid_run_fails_the_audit(site_copy, tmp_path, capsys, monkeypatch):
    original = engine.audit_one

    def dies_on_the_birth_page(driver, axe, url, options):
        if url.endswith("/en/guides/birth/"):
            driver.quit()  # the browser is gone, as after a crash
        return original(driver, axe, url, options)

    monkeypatch.setattr(engine, "audit_one", dies_on_the_birth_page)
    assert audit_english(site=site_copy, tmp_path=tmp_path) == 1
    printed = capsys.readouterr().out
    total = len(list((site_copy / "en").rglob("*.html")))
    assert counts(printed)[0] == (total - 1, 0, 1), printed  # a new browser audited the rest
    [line] = [line for line in printed.splitlines() if "[unaudited]" in line]
    assert line.startswith(
        f"{site_copy}: audit [unaudited]: axe-core: 1 of {total} page(s) have no result ({PAGE}): "
        "Chromium stopped during the page's audit ("
    ), line
    assert f"{PAGE}: axe [audit-error]" not in printed  # the page is not blamed for the browser


# --- Chromium really killed mid-run ---------------------------------------------------------------


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (read from /proc): ChromeDriver's Chromium and its helpers."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(") ")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def orphans():
    """The Chromium processes a test left without their ChromeDriver; killed at the end whatever
    happens (the test checks that the audit did it)."""
    left: list[int] = []
    yield left
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def kill_browser_at(monkeypatch, pages_before: int, what: str, every: bool, orphans=None) -> list[str]:
    """From the page after the first `pages_before` audited, SIGKILL the browser's processes
    (`what`: "chromium", its whole process tree, or "chromedriver", the driver alone, which leaves
    Chromium running: its pids go into `orphans`) just before the page loads: once, or (`every`)
    in every browser started after that. Returns the URLs the kills happened on."""
    original, seen, killed = engine.audit_one, [], []

    def audit_one(driver, axe, url, options):
        seen.append(url)
        if len(seen) == pages_before + 1 or (every and len(seen) > pages_before):
            driver_pid = driver.service.process.pid
            browser = descendants(driver_pid)
            assert browser, "no browser process to kill"
            if what == "chromium":
                victims = browser
            else:
                victims = [driver_pid]
                orphans.extend(browser)
            for pid in victims:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            killed.append(url)
        return original(driver, axe, url, options)

    monkeypatch.setattr(engine, "audit_one", audit_one)
    return killed


@pytest.mark.browser
@pytest.mark.parametrize("what", ["chromium", "chromedriver"])
def test_a_browser_killed_once_is_started_again_and_its_page_fails_the_run(
    what, site_copy, tmp_path, capsys, monkeypatch, orphans
):
    killed = kill_browser_at(monkeypatch, 2, what, every=False, orphans=orphans)
    assert audit_english(site=site_copy, tmp_path=tmp_path) == 1
    printed = capsys.readouterr().out
    total = len(list((site_copy / "en").rglob("*.html")))
    [url] = killed
    page = url.split("/", 3)[3] + "index.html"
    assert counts(printed)[0] == (total - 1, 0, 1), printed
    [line] = [line for line in printed.splitlines() if "[unaudited]" in line]
    assert f"axe-core: 1 of {total} page(s) have no result ({page}): Chromium stopped" in line, printed
    assert report(tmp_path)["summary"]["complete"] is False
    assert [pid for pid in orphans if alive(pid)] == []  # a Chromium whose driver died is not left running


@pytest.mark.browser
def test_chromium_killed_for_good_mid_run_fails_the_run_and_writes_no_record(
    fixture_site, tmp_path, capsys, monkeypatch
):
    """Every browser is killed once it reaches the fourth page: after the restarts, the pages
    no browser reached have no result; the run names each cause once and writes no record."""
    killed = kill_browser_at(monkeypatch, 3, "chromium", every=True)
    record = tmp_path / "record.json"
    code = run_audit(fixture_site.output, tmp_path, "--all", "--workers", "1", "--record", str(record))
    printed = capsys.readouterr().out
    total = len(list(fixture_site.output.rglob("*.html")))
    assert code == 1 and not record.exists(), printed
    assert len(killed) == engine.RESTARTS + 1
    lines = [line for line in printed.splitlines() if "[unaudited]" in line]
    assert [line.split(" page(s) have no result")[0] for line in lines] == [
        f"{fixture_site.output}: audit [unaudited]: axe-core: {len(killed)} of {total}",
        f"{fixture_site.output}: audit [unaudited]: axe-core: {total - 3 - len(killed)} of {total}",
    ], printed
    assert "Chromium stopped during the page's audit" in lines[0]
    assert f"Chromium stopped {engine.RESTARTS + 1} times" in lines[1]
    assert counts(printed) == [(3, 0, total - 3), (total, 0, 0)]
    assert "[audit-error]" not in printed  # no page is blamed for the browser: one line per cause
    pages = report(tmp_path)["pages"]
    assert sorted(pages) == sorted(p.relative_to(fixture_site.output).as_posix()
                                   for p in fixture_site.output.rglob("*.html"))
    assert sum(1 for page in pages.values() if page["axe"]["engine"]) == 3


def test_a_partial_run_cannot_write_or_check_the_record(fixture_site, tmp_path, capsys):
    record = tmp_path / "record.json"
    record.write_text('{"kept": true}\n')
    for partial in (["--shard", "1/2"], ["--only", "en/*"]):
        for option in ("--record", "--expect-record"):
            assert run_audit(fixture_site.output, tmp_path, *partial, option, str(record)) == 2
            printed = capsys.readouterr().out
            assert f"{option} needs the full audit, but this run is partial" in printed
    assert record.read_text() == '{"kept": true}\n'
