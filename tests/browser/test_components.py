"""The theme's components, each rendered alone from the examples declared beside it
(theme/templates/components/<component>.examples.yaml, written into `_components/` by a build
with SITE_COMPONENT_EXAMPLES = True; plugins/site_outputs/component_examples.py), in every
language: every component has examples, every macro the page templates use is shown by one,
each example shows something, and each passes axe and the Nu HTML Checker."""

from __future__ import annotations

import re

import pytest

from site_checks.audit.config import load_rules
from site_checks.audit.engine import audit_pages
from site_checks.browser import serve
from site_checks.pages import page_url
from site_checks.vnu import check_html
from site_outputs.component_examples import FOLDER, load_examples
from support import FIXTURE_SITE, ROOT, parse, run_pelican

COMPONENTS = ROOT / "theme" / "templates" / "components"
LANGUAGES = ("zh-tw", "en")
JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
IMPORT = re.compile(r'{%-?\s*from\s+"components/(\w+)\.html"\s+import\s+([\w\s,]+?)\s+with\s+context')


@pytest.fixture(scope="module")
def examples_site(tmp_path_factory):
    """The fixture site built with every component example."""
    output = tmp_path_factory.mktemp("components") / "output"
    build = run_pelican(FIXTURE_SITE / "content", FIXTURE_SITE / "fixtureconf.py", output,
                        extra_settings={"SITE_COMPONENT_EXAMPLES": True})
    assert build.returncode == 0, build.log
    return output


@pytest.fixture(scope="module")
def example_pages(examples_site) -> dict[str, str]:
    """{page name: the example's (component, name, lang)} of every declared example."""
    return {example.file(lang): (example.component, example.spec.name, lang)
            for example in load_examples(COMPONENTS) for lang in LANGUAGES}


def used_macros() -> set[tuple[str, str]]:
    """(component, macro) of every macro a template imports from a component."""
    found = set()
    for template in COMPONENTS.parent.rglob("*.html"):
        for component, names in IMPORT.findall(template.read_text(encoding="utf-8")):
            found.update((component, name.strip()) for name in names.split(","))
    return found


def test_every_macro_the_templates_use_is_shown_by_an_example():
    shown = {(example.component, name) for example in load_examples(COMPONENTS)
             for name in re.findall(r"component\.(\w+)\(", example.spec.render)}
    used = used_macros()
    assert len(used) > 20, used  # the pattern still finds the templates' imports
    assert sorted(used - shown) == []


def test_every_example_is_written_in_every_language_and_shows_something(examples_site, example_pages):
    assert len(example_pages) >= 2 * 11
    for name in example_pages:
        page = parse(examples_site / name)
        assert page.html["lang"] == {"zh-tw": "zh-Hant-TW", "en": "en"}[example_pages[name][2]], name
        if page.head.select('link[rel="alternate"]'):
            continue  # an example of a <head> component
        main = page.select_one("main")
        shown = [child for child in main.find_all(recursive=False) if child.name != "h1"]
        assert shown and main.get_text(strip=True) != main.h1.get_text(strip=True), name


def test_a_real_build_writes_no_component_examples(fixture_site):
    assert not (fixture_site.output / FOLDER).exists()


def test_every_example_passes_axe(examples_site, example_pages):
    rules = load_rules(ROOT / ".ci" / "axe-rules.toml")
    with serve(examples_site) as base:
        results, browser = audit_pages({name: base + page_url(name) for name in example_pages},
                                       ROOT / "node_modules" / "axe-core" / "axe.min.js",
                                       (rules.axe_options(selectors=False), rules.axe_options()), 2, lambda _: None)
    assert browser["chromium"], browser
    assert sorted(results) == sorted(example_pages)
    failing = {name: [v["id"] for v in result["violations"]] for name, result in results.items()
               if result["error"] or result["violations"]}
    assert failing == {}


def test_every_example_passes_the_nu_checker(examples_site, example_pages):
    run = check_html(examples_site, JAR, only=f"{FOLDER}/*")
    assert run.checked >= len(example_pages)
    assert [str(finding) for finding in run.findings] == []
