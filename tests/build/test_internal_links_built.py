"""A link inside the site that leads nowhere stops `make build` itself (not only `make check`),
named at the Markdown file and line that wrote it, and nothing is published."""

from __future__ import annotations

import pytest

from support import build_fixture_copy, copy_fixture_site, problem_lines
from support import plant_paragraph as plant

BIRTH = "content/guides/birth.zh-tw.md"


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def test_a_broken_internal_link_is_one_line_at_its_markdown_line(site, tmp_path):
    line = plant(site / BIRTH, "另見[死亡登記](/guides/brith/)與[死亡登記](/guides/brith/)。")
    build = build_fixture_copy(site, tmp_path / "out")
    [problem] = problem_lines(build)
    assert problem.startswith(f"{BIRTH}:{line}: links [link-internal]: the link '/guides/brith/' leads to no page"), \
        problem
    assert "Fix: correct the address" in problem
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("siteurl", ["", "/longjing"])
def test_links_to_pages_translations_forms_and_parts_build_clean(site, tmp_path, siteurl):
    plant(site / BIRTH, "見[英文版](/en/guides/birth/)、[申請書](/forms/birth-application/)、"
                        "[無障礙說明](/en/accessibility/)（尚未翻譯）與[本頁步驟](/guides/birth/#steps)。")
    build = build_fixture_copy(site, tmp_path / "out", SITEURL=siteurl)
    assert build.returncode == 0, build.log
