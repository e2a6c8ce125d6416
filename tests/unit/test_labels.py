"""content_model.labels: the size and format the build adds to a download, per language."""

from __future__ import annotations

import pytest

from content_model.labels import file_label
from support import ROOT
from template_env.catalogs import load_all
from template_env.sizes import human_size

CATALOGS = load_all(ROOT / "i18n", ["zh-tw", "en"], "en")


@pytest.mark.parametrize("size, text", [(1, "1 byte"), (850, "850 bytes"), (2048, "2 KB"),
                                        (1024 * 1024 * 3 // 2, "1.5 MB")])
def test_human_sizes(size, text):
    assert human_size(size, CATALOGS["en"]) == text


def test_the_label_in_each_language():
    assert file_label(CATALOGS["en"], "PDF", 2048) == " (PDF, 2 KB)"
    assert file_label(CATALOGS["zh-tw"], "PDF", 2048) == "（PDF，2 KB）"
    assert file_label(CATALOGS["zh-tw"], "ODT", 850) == "（ODT，850 位元組）"
