"""A new office's site, made by `new-site` from the installed wheel, passes its own whole
`make test` out of the box (build, links, national rules, HTML, axe-core and the national rules in
Chromium, the golden record), and its `make publish` deploys only after the two-pass release audit:
the statement built from that build's full audit, the build audited again. A failure touches
nothing live. (The golden record's upgrade policy: tests/build/test_engine_wheel_built.py.)"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from engine_support import build_wheel, install_engine, make, new_office

from household_engine import __version__

PUBLIC_ORIGIN = "https://daya.household-office.tw"


@pytest.fixture(scope="module")
def tested_site(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """(site, its venv's python, its first `make test`)."""
    wheel = build_wheel(tmp_path_factory.mktemp("dist"))
    python, plugins = install_engine(wheel, tmp_path_factory.mktemp("venv"))
    site = new_office(python, plugins, tmp_path_factory.mktemp("office") / "daya")
    return site, python, make(site, python, "test")


def test_a_new_site_passes_its_whole_make_test_out_of_the_box(tested_site):
    site, _, tested = tested_site
    assert tested.returncode == 0, tested.stdout[-6000:] + tested.stderr[-3000:]
    for passed in ("link check: no problems", "national rules (lint): no problems", "HTML validation: no problems",
                   "accessibility audit: no problems"):
        assert passed in tested.stdout, passed
    audited = re.search(r"audit: (\d+) page\(s\) found; axe-core [\d.]+: (\d+) audited, 0 from cache, 0 in error; "
                        r"national rules .*?: (\d+) audited, 0 from cache, 0 in error", tested.stdout)
    assert audited and len(set(audited.groups())) == 1 and int(audited.group(1)) > 100, tested.stdout[-3000:]
    assert re.search(r"^golden: wrote \d+ files to golden/ .*no record before", tested.stdout, re.M), tested.stdout
    assert (site / "golden" / "ENGINE").read_text(encoding="utf-8") == f"household-engine {__version__}\n"


def test_make_publish_deploys_the_statement_of_its_own_audit_and_a_failure_touches_nothing_live(
        tested_site, tmp_path):
    site, python, _ = tested_site
    settings = site / "publishconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace("https://office.example", PUBLIC_ORIGIN),
                        encoding="utf-8")
    git = ["git", "-C", str(site), "-c", "user.name=IT", "-c", "user.email=it@office.invalid"]
    for command in (["init", "-q"], ["add", "content", "golden", "Makefile", "pelicanconf.py", "publishconf.py",
                                     "requirements.txt"], ["commit", "-qm", "The office's site"]):
        assert subprocess.run([*git, *command], capture_output=True).returncode == 0, command
    commit = subprocess.run([*git, "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True).stdout.strip()
    target = tmp_path / "www"
    published = make(site, python, "publish", "STAGING=1", f"DEPLOY_TARGET={target}")
    assert published.returncode == 0, published.stdout[-6000:] + published.stderr[-3000:]
    steps = [match.group(1) for match in re.finditer(
        r"-m (site_publish go-live|site_build build|site_checks audit|site_publish deploy)\b[^\n]*?"
        r"(?=\n)", published.stdout)]
    assert steps == ["site_publish go-live", "site_build build", "site_checks audit", "site_build build",
                     "site_checks audit", "site_publish deploy"], steps
    assert published.stdout.count("accessibility audit: no problems") == 2
    assert "--record reports/release/" in published.stdout and "--expect-record reports/release/" in published.stdout
    statement = (target / "current" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert '<dl class="audit-record">' in statement and re.search(r"中文：\d+ 頁", statement), "the record, shown"
    live = (target / "current").resolve()
    assert re.fullmatch(rf"\d{{8}}T\d{{6}}Z-{commit}", live.name), f"named by the site's commit: {live.name}"

    page = site / "content" / "pages" / "privacy.zh-tw.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n請見[申請書](/forms/no-such-form/)。\n", encoding="utf-8")
    try:
        failed = make(site, python, "publish", "STAGING=1", f"DEPLOY_TARGET={target}")
    finally:
        page.write_text(text, encoding="utf-8")
    assert failed.returncode != 0 and "content/pages/privacy.zh-tw.md" in failed.stdout + failed.stderr
    assert "site_publish deploy" not in failed.stdout
    assert (target / "current").resolve() == live and len(list((target / "releases").iterdir())) == 1
