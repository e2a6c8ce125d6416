"""Every application guide of the real site, as built: the same parts in the same order, and
the facts on the page equal to the data in the guide's header (and equal between zh and en)."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_model.reference import load_reference
from content_model.schemas.guide import GuideHeader, agreement
from sources.front_matter import read_source
from support import ROOT

GUIDES = sorted((ROOT / "content/guides").glob("*.md"))
REFERENCE, _ = load_reference(ROOT / "content/data", ["zh-tw", "en"])


def header(path: Path) -> GuideHeader:
    return GuideHeader.model_validate(read_source(path).header)


def test_all_sixteen_services_are_there_in_both_languages():
    slugs = {(p.name.split(".")[0], p.name.split(".")[1]) for p in GUIDES}
    assert len(slugs) == 32 and {lang for _, lang in slugs} == {"zh-tw", "en"}


@pytest.mark.parametrize("zh", [p for p in GUIDES if p.name.endswith(".zh-tw.md")], ids=lambda p: p.name)
def test_the_zh_and_en_facts_of_each_guide_agree(zh):
    assert agreement(header(zh), header(zh.with_name(zh.name.replace(".zh-tw.", ".en.")))) == []


