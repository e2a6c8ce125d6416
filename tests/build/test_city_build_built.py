"""A city build (`python -m site_build build-all`, make build-all): every office's site under a
folder or named in a list, the first alone, then side by side, with one forms cache, so the
national forms are made once for the whole city; one result line per site, in the sites' order;
a site's mistake (even a crash of its process) is reported with its own path and never stops the
others; the exit status says that one failed. (The audit: tests/browser/test_city_audit.py.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from site_build.new_site import Office, new_site
from support import ROOT

OWN_PAGES = ("privacy.zh-tw", "privacy.en", "open-data.zh-tw", "open-data.en")
NODE = ["--set", f"SEARCH_NODE_MODULES={json.dumps(str(ROOT / 'node_modules'))}"]


def build_all(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "site_build", "build-all", *args, *NODE], cwd=cwd,
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, "COLUMNS": "300", "PYTHONPATH": str(ROOT / "plugins")})


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Four offices, the first (alphabetically) with a news item missing its date, the last one's
    process killed while it reads its settings; a fresh forms cache; two at a time."""
    root = tmp_path_factory.mktemp("city")
    for slug, zh in (("a-broken", "甲"), ("b-daya", "大雅"), ("c-wuqi", "梧棲"), ("d-crash", "乙")):
        new_site(root / "sites" / slug, Office(f"臺中市{zh}區戶政事務所", f"{slug} District Household Registration "
                                               "Office", "臺中市", "Taichung City"))
    (root / "sites/a-broken/content/news/late.zh-tw.md").write_text(
        "---\ntitle: 公告\nslug: late\nlang: zh-tw\nsummary: 一則公告。\n---\n內容。\n", encoding="utf-8")
    with (root / "sites/d-crash/pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write("\nimport os, signal\nos.kill(os.getpid(), signal.SIGKILL)  # a crash, not a mistake\n")
    return root, build_all(root, "--sites", "sites", "--cache", str(root / "city-cache"), "--workers", "2")


def test_each_site_gets_one_result_line_and_a_failure_stops_none(city):
    root, done = city
    results = [line for line in done.stdout.splitlines() if line.startswith("city: sites/")]
    assert [line.split()[1] for line in results] == ["sites/a-broken", "sites/b-daya", "sites/c-wuqi",
                                                     "sites/d-crash"], done.stdout
    assert "FAILED" in results[0] and " ok: " in results[1] and " ok: " in results[2] and "FAILED" in results[3]
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1].startswith("city: 4 site(s), 2 built, 2 failed (sites/a-broken, sites/d-crash)")
    assert "sites/a-broken/content/news/late.zh-tw.md:2: header [missing-key]" in done.stdout
    assert not (root / "sites/a-broken/output").exists()
    for site in ("b-daya", "c-wuqi"):
        assert (root / "sites" / site / "output/en/guides/birth/index.html").is_file()


def test_a_crashed_office_is_its_own_failure_with_its_lines_before_it(city):
    _, done = city
    lines = done.stdout.splitlines()
    crashed = lines.index(next(line for line in lines if line.startswith("city: sites/d-crash FAILED")))
    assert "stopped by signal 9" in lines[crashed - 1], done.stdout
    assert not any("d-crash" in line for line in lines[:crashed - 1]), "its lines come just before its own line"


def test_an_office_is_built_exactly_as_it_is_built_alone(city, tmp_path):
    root, _ = city
    alone = tmp_path / "alone"
    done = subprocess.run([sys.executable, "-m", "site_build", "build", "--settings", "sites/c-wuqi/pelicanconf.py",
                           "--content", "sites/c-wuqi/content", "--output", str(alone),
                           "--set", f"FORMS_CACHE_DIR={json.dumps(str(root / 'city-cache/forms'))}", *NODE],
                          cwd=root, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    assert done.returncode == 0, done.stdout + done.stderr
    city_files = sorted(p.relative_to(root / "sites/c-wuqi/output") for p in (root / "sites/c-wuqi/output").rglob("*")
                        if p.is_file())
    assert city_files == sorted(p.relative_to(alone) for p in alone.rglob("*") if p.is_file())
    differ = [str(name) for name in city_files
              if (root / "sites/c-wuqi/output" / name).read_bytes() != (alone / name).read_bytes()]
    assert not differ, differ


def test_the_national_forms_and_pages_are_made_once_for_the_city(city):
    _, done = city
    built = [re.search(r"(\d+) form files made, (\d+) of (\d+) content files rendered", line).groups()
             for line in done.stdout.splitlines() if " ok: " in line]
    (forms_1, rendered_1, files_1), (forms_2, rendered_2, _) = [tuple(map(int, b)) for b in built]
    assert forms_1 > 20 and forms_2 == 0, done.stdout  # the first good site made them; the next took them
    assert rendered_1 == files_1 > 50, done.stdout
    assert rendered_2 == len(OWN_PAGES), "only the office's own pages (its name is in them) are rendered again"


def test_a_list_file_names_the_sites_and_a_wrong_entry_is_one_line(city, tmp_path):
    root, _ = city
    (root / "offices.txt").write_text("# the city's offices\nsites/b-daya\nsites/nowhere\n", encoding="utf-8")
    done = build_all(root, "--list", "offices.txt", "--cache", str(root / "city-cache"))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith("sites/nowhere: build-all [not-a-site]: there is no pelicanconf.py")
    assert "city: sites/b-daya" not in done.stdout, "nothing is built while the list is wrong"


def test_an_office_with_details_of_its_own_takes_the_national_pages_from_the_city_and_is_still_checked(city):
    """The shared content cache is not keyed by the office's details: an office whose details differ
    from the others' renders only its own pages; the office-details lint still runs on every page,
    national ones from the cache included (here its directions are a sentence a national guide has)."""
    root, _ = city
    site = root / "other-sites" / "e-lin"
    new_site(site, Office("臺中市丙區戶政事務所", "E District Household Registration Office", "臺中市",
                          "Taichung City"))
    office = site / "content" / "office.toml"
    text = office.read_text(encoding="utf-8")
    assert text.count('[directions]\nzh-tw = "（待本所確認後公布）"') == 1
    office.write_text(text.replace('[directions]\nzh-tw = "（待本所確認後公布）"',
                                   '[directions]\nzh-tw = "登記本身不收規費。"'), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "site_build", "build", "--settings", str(site / "pelicanconf.py"),
                           "--content", str(site / "content"), "--output", str(site / "output"),
                           "--set", f"FORMS_CACHE_DIR={json.dumps(str(root / 'city-cache/forms'))}",
                           "--set", f"CONTENT_MODEL_CACHE_DIR={json.dumps(str(root / 'city-cache/content'))}", *NODE],
                          cwd=root, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    counted = re.search(r"content: (\d+) files, (\d+) rendered and checked", done.stderr)
    assert counted and int(counted.group(1)) > 50, done.stderr
    assert int(counted.group(2)) == len(OWN_PAGES), done.stderr  # the national pages came from the city's cache
    found = [line for line in done.stdout.splitlines() if "[office-details]" in line]
    assert done.returncode == 2 and found, done.stdout + done.stderr
    assert all("guides/" in line.split(":", 1)[0] and "directions" in line for line in found), found
