"""The benchmark keeps measuring what it says. `make bench` at its smallest size (one form; the
audit over the English news) runs every step, and each count it reports equals what the synthetic
site holds: pages built (one per Markdown file, one per form and language, one per disclosure
category and language), found and audited by axe and by the national rules, checked by the HTML
checker and indexed by the search; on the warm runs nothing is rebuilt or regenerated, and after
a one-page edit exactly that page is built and audited again."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from bench.synthetic import make_site

from content_model.inventory import RESERVED_PAGES
from content_model.kinds import NOT_SEARCHED
from support import ROOT

pytestmark = pytest.mark.browser  # the benchmark audits in Chromium and measures the search there

PAGES, FORMS, AUDITED = 20, 1, "en/news/*"
LANGUAGES = 2
TIMES = ("build_s", "plain_pelican_s", "build_ratio", "rebuild_nochange_s", "rebuild_onepage_s", "forms_cold_s",
         "audit_pages_per_s", "audit_incremental_s", "peak_rss_mb", "page_gzip_kb", "search_index_s",
         "search_query_kb")


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    result = subprocess.run([sys.executable, str(ROOT / "tests/bench/bench_site.py"), "--pages", str(PAGES),
                             "--forms", str(FORMS), "--audit-only", AUDITED],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("bench: "), result.stdout
    return {key: float(value) for key, value in (pair.split("=") for pair in last.removeprefix("bench: ").split())}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, int]:
    """What the benchmark's synthetic site holds, made again with the same sizes and counted here."""
    content = make_site(tmp_path_factory.mktemp("synthetic"), PAGES, FORMS)["content"]
    categories = yaml.safe_load((content / "data/disclosure-categories.yaml").read_text(encoding="utf-8"))
    sources = list(content.rglob("*.md"))
    return {
        # every Markdown file, a page per form and per disclosure category, and the pages the build
        # makes itself (the staff review page), in each language
        "pages": len(sources) + LANGUAGES * (FORMS + len(categories) + len(RESERVED_PAGES)),
        "english_news": len(list((content / "news").glob("*.en.md"))) + 1,  # and the news section page
    }


def test_every_figure_is_there_and_every_time_was_measured(figures):
    assert set(TIMES) <= set(figures), sorted(set(TIMES) - set(figures))
    assert all(figures[key] > 0 for key in TIMES), {key: figures[key] for key in TIMES}
    assert [key for key, value in figures.items() if value == -1] == []  # a count no step printed


def test_the_build_writes_every_page_of_the_synthetic_site_and_keeps_it_when_nothing_changed(figures, site):
    assert figures["pages"] == figures["build_pages_reported"] == site["pages"]
    assert figures["rebuild_nochange_kept"] == 1


def test_forms_are_made_once_each_and_never_again_on_a_warm_build(figures):
    made = FORMS * LANGUAGES * 2 * 2  # blank and example, PDF and ODT
    assert (figures["forms"], figures["forms_files"], figures["forms_cold_regenerated"]) == (FORMS, made, made)
    assert figures["forms_warm_regenerated"] == 0


def test_the_audit_finds_and_audits_every_selected_page_with_both_engines(figures, site):
    pages = site["english_news"]
    assert figures["audit_selected"] == pages
    assert [figures[f"audit_{key}"] for key in ("found", "axe_audited", "moda_audited", "html_found",
                                                 "html_checked")] == [pages] * 5
    assert [figures[f"audit_{key}"] for key in ("axe_cached", "axe_errors", "moda_cached", "moda_errors")] == [0] * 4


def test_a_one_page_edit_rebuilds_and_audits_that_page_only(figures, site):
    pages = site["english_news"]
    assert figures["rebuild_onepage_changed"] == 1
    assert [figures[f"incremental_{key}"] for key in ("found", "axe_audited", "axe_cached", "moda_audited",
                                                       "moda_cached", "html_checked")] == [
        pages, 1, pages - 1, 1, pages - 1, 1]
    assert figures["incremental_axe_errors"] == figures["incremental_moda_errors"] == 0


def test_the_search_indexes_every_page_but_the_unsearched_ones(figures, site):
    # not the 404 and search pages, nor the staff review page (never in the menu, sitemap or search)
    assert figures["search_pages"] == site["pages"] - LANGUAGES * (len(NOT_SEARCHED) + len(RESERVED_PAGES))
