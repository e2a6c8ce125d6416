"""The site as a screen reader says it (docs/listening.md): every page of the built real site,
in both languages, read from start to end by @guidepup/virtual-screen-reader in ONE Node
process (site_checks.transcripts), the search pages as Chromium has them with their results.

- every page keeps the listening rules (site_checks.listening: the skip link first and landing
  on the h1, nothing said twice in a row, nothing unnamed, no 40-character runs in main, links
  to other sites said, controls named in words);
- the transcripts of a page of each kind, in both languages, equal the reviewed files under
  tests/transcripts/ (a change is a readable diff; `make transcripts` writes them anew, on
  purpose, for a person to review);
- each rule fails a page with that mistake planted in it (so the rules can fail).
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from site_checks.browser import chromium
from site_checks.listening import check
from site_checks.transcripts import listen
from site_search.policy import CONTENT_SECURITY_POLICY
from site_settings.site_settings import load_settings, site_settings
from support import ROOT, policy_server
from template_env.catalogs import load_all
from template_env.links import external_cue

pytestmark = pytest.mark.browser
REVIEWED = ROOT / "tests/transcripts"
UPDATE = os.environ.get("TRANSCRIPTS_UPDATE") == "1"  # `make transcripts`
# A page of each kind (issue 22): home, a guide, a form, the forms catalogue, a disclosure with an
# attachment-free body and laws, the search page with results, the contact page.
REVIEWED_PAGES = ("", "guides/transcript/", "forms/transcript-application/", "forms/", "disclosures/applicable-laws/",
                  "search/", "contact/")
SEARCHES = {"zh-tw": "戶籍謄本", "en": "transcript"}  # the query each language's search page is heard with
WAIT_SECONDS = 15
HEX = "0123456789abcdef" * 4


def settings_and_cues():
    """The real site's settings, its languages, and each <html lang>'s external-link cue."""
    settings = load_settings(ROOT / "pelicanconf.py", {})
    languages = settings["SITE_LANGUAGES"]
    catalogs = load_all(ROOT / "i18n", list(languages), "en")  # the msgids are English
    return settings, languages, {spec["html_lang"]: external_cue(catalogs[lang]) for lang, spec in languages.items()}


SETTINGS, LANGUAGES, CUES = settings_and_cues()
SITE = site_settings(dict(SETTINGS))
OWN_HOSTS = {SITE.host}  # a link to the site's own public address is not another site


def page_name(lang: str, path: str) -> str:
    prefix = LANGUAGES[lang]["prefix"]
    return f"{prefix}/{path}index.html".lstrip("/")


def reviewed_file(name: str) -> Path:
    """'en/forms/index.html' -> tests/transcripts/en/forms.txt; 'index.html' -> home.txt."""
    folder = name.removesuffix("index.html").rstrip("/")
    if folder in {spec["prefix"] for spec in LANGUAGES.values()}:  # a language's home page
        folder = f"{folder}/home".lstrip("/")
    return REVIEWED / f"{folder}.txt"


def search_snapshots(output: Path, folder: Path) -> dict[str, Path]:
    """Each language's search page with its results, as Chromium has it (the DOM its scripts made)."""
    snapshots = {}
    with policy_server(output, CONTENT_SECURITY_POLICY) as (base, _), chromium() as driver:
        for lang, query in SEARCHES.items():
            name = page_name(lang, "search/")
            driver.get(f"{base}/{name.removesuffix('index.html')}?q={quote(query)}")
            WebDriverWait(driver, WAIT_SECONDS).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
            snapshot = folder / name.replace("/", "--")
            dom = driver.execute_script("return document.documentElement.outerHTML")
            snapshot.write_text(f"<!DOCTYPE html>\n{dom}", encoding="utf-8")
            snapshots[name] = snapshot
    return snapshots


def planted_pages(output: Path, folder: Path) -> dict[str, Path]:
    """One copy of the English forms page per rule, with that rule's mistake planted in it."""
    page = (output / "en/forms/index.html").read_text(encoding="utf-8")
    in_main = '<main id="main" '
    plants = {
        "skip-link": page.replace(re.search(r'<a class="skip-link"[^>]*>[^<]*</a>', page).group(), ""),
        "repeated": page.replace("</main>", '<section aria-label="Opening hours"><h2>Opening hours</h2>'
                                 "<p>Monday to Friday.</p></section></main>"),
        "unnamed": page.replace("</main>", "<nav><ul><li><a href='/'>Home</a></li></ul></nav></main>"),
        "long-run": page.replace("</main>", f"<p>SHA-256 <code>{HEX}</code></p></main>"),
        "external-unsaid": page.replace("</main>", '<p><a href="https://www.ris.gov.tw/">Apply online</a></p></main>'),
        "control-name": page.replace("</main>", '<p><a href="#main-heading">:::</a></p></main>'),
    }
    pages = {}
    for rule, html in plants.items():
        assert html != page and in_main in html, f"the {rule} plant did not change the page"
        path = folder / f"planted-{rule}.html"
        path.write_text(html, encoding="utf-8")
        pages[f"planted/{rule}/index.html"] = path
    return pages


@pytest.fixture(scope="module")
def heard(real_site, tmp_path_factory):
    """{page name: Transcript} of every built page, and of the planted copies: one Node process."""
    output = real_site.output
    folder = tmp_path_factory.mktemp("listening")
    snapshots = {**search_snapshots(output, folder), **planted_pages(output, folder)}
    names = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html")) + sorted(
        name for name in snapshots if name.startswith("planted/"))
    return listen(output, ROOT / "node_modules", snapshots=snapshots, only=names, base_path=SITE.path)


def test_every_page_keeps_the_listening_rules(heard, real_site):
    pages = [name for name in heard if not name.startswith("planted/")]
    assert len(pages) == len(list(real_site.output.rglob("*.html"))) > 100
    found = [str(finding.problem()) for name in pages for finding in check(heard[name], CUES.__getitem__, OWN_HOSTS)]
    assert found == []


@pytest.mark.parametrize("rule", ["skip-link", "repeated", "unnamed", "long-run", "external-unsaid", "control-name"])
def test_each_rule_fails_a_page_with_its_mistake_planted(heard, rule):
    findings = check(heard[f"planted/{rule}/index.html"], CUES.__getitem__, OWN_HOSTS)
    assert {finding.rule for finding in findings} == {rule}, [str(finding.problem()) for finding in findings]


@pytest.mark.parametrize("name", [page_name(lang, path) for path in REVIEWED_PAGES for lang in LANGUAGES])
def test_the_transcript_equals_the_reviewed_file(heard, name):
    text = heard[name].text()
    reviewed = reviewed_file(name)
    if UPDATE:
        reviewed.parent.mkdir(parents=True, exist_ok=True)
        reviewed.write_text(text, encoding="utf-8")
    assert reviewed.is_file(), f"{reviewed.relative_to(ROOT)} is missing. Fix: run `make transcripts` and review it"
    expected = reviewed.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                        str(reviewed.relative_to(ROOT)), f"{name} as heard now", n=2))
    assert text == expected, (f"{name} sounds different from its reviewed transcript. Fix: if the change is "
                              f"meant, run `make transcripts` and commit the files with the change\n{diff}")
