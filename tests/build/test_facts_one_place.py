"""A fee changed in its one place changes on every page and form that states it, in Chinese and in
English, and nowhere is it typed by hand.

In a copy of the real site, the re-issue fee of the national ID card (NT$200, the only fact of
that amount) is changed in content/data/facts.yaml and nowhere else. Every page that showed
NT$200 in the real build (found by reading the built pages, not from a list) shows the new amount
instead, in both languages; so do the form's PDF and ODT files, the guides' open data and the
staff review page; the old amount is left nowhere. The content and form sources hold the new
amount only in facts.yaml."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from support import ROOT, run_pelican

FACT, OLD, NEW = "id-card-reissue", 200, 260
TEXT = {"zh-tw": "新臺幣{:,}元", "en": "NT${:,}"}
FORM = "id-card-application"


def language_of(path: Path) -> str:
    """The language of a built file, from its path below the output folder."""
    return "en" if path.parts[0] == "en" or path.stem.endswith("-en") else "zh-tw"


def squeezed(text: str) -> str:
    return "".join(text.split())


def states(text: str, amount: int, lang: str) -> bool:
    """True if the text states the amount as that language writes it (not as part of a larger one)."""
    written = squeezed(TEXT[lang].format(amount))
    return re.search(re.escape(written) + r"(?![\d,])", squeezed(text)) is not None


def page_texts(output: Path) -> dict[Path, str]:
    return {path.relative_to(output): path.read_text(encoding="utf-8") for path in sorted(output.rglob("*.html"))}


def form_texts(output: Path) -> dict[Path, str]:
    """The text of each file of the form: pdftotext for a PDF, the XML of an ODT."""
    found = {}
    for path in sorted((output / "forms" / FORM).glob("*.*")):
        if path.suffix == ".pdf":
            found[path.relative_to(output)] = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                                             capture_output=True, text=True, check=True).stdout
        elif path.suffix == ".odt":
            with zipfile.ZipFile(path) as odt:
                found[path.relative_to(output)] = re.sub(r"<[^>]+>", "", odt.read("content.xml").decode("utf-8"))
    return found


@pytest.fixture(scope="module")
def changed(real_site, tmp_path_factory):
    """The real site copied, the one fee changed in facts.yaml, built (forms from a copy of the cache)."""
    work = tmp_path_factory.mktemp("one-place")
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    facts = content / "data/facts.yaml"
    text = facts.read_text(encoding="utf-8")
    block = re.search(rf"\n  {FACT}:\n(?:    .*\n)+", text).group(0)
    assert f"    amount: {OLD}\n" in block
    changed_block = block.replace(f"    amount: {OLD}\n", f"    amount: {NEW}\n")
    facts.write_text(text.replace(block, changed_block), encoding="utf-8")
    cache = work / "forms-cache"
    if (ROOT / ".cache/forms").is_dir():  # reuse the forms that do not change (hard links)
        shutil.copytree(ROOT / ".cache/forms", cache, copy_function=lambda src, dst: Path(dst).hardlink_to(src))
    build = run_pelican(content, ROOT / "pelicanconf.py", work / "output",
                        extra_settings={"FORMS_CACHE_DIR": str(cache), "CONTENT_MODEL_CACHE_DIR": str(work / "cc")})
    assert build.returncode == 0, build.log
    return build.output, content


def test_every_page_that_stated_the_fee_states_the_new_one_in_both_languages(real_site, changed):
    output, _ = changed
    before, after = page_texts(real_site.output), page_texts(output)
    stating = [path for path, text in before.items() if states(text, OLD, language_of(path))]
    slugs = {path.parent.as_posix() for path in stating}
    # the guide, the FAQ, the fee news, the form's page and the staff review page, in both languages
    assert {"guides/id-card", "en/guides/id-card", "faq", "en/faq", "news/fee-reminder", "en/news/fee-reminder",
            f"forms/{FORM}", f"en/forms/{FORM}", "review", "en/review"} <= slugs
    for path in stating:
        lang = language_of(path)
        assert states(after[path], NEW, lang), f"{path} does not show the new fee"
    assert [path for path, text in after.items() if states(text, OLD, language_of(path))] == []


def test_every_file_of_the_form_states_the_new_fee(real_site, changed):
    output, _ = changed
    before, after = form_texts(real_site.output), form_texts(output)
    assert len(after) == 8 and set(before) == set(after)  # blank and example, PDF and ODT, zh and en
    for path, text in after.items():
        lang = language_of(path)
        assert states(before[path], OLD, lang), f"{path} did not state the fee before"
        assert states(text, NEW, lang) and not states(text, OLD, lang), path


def test_the_open_data_carries_the_new_fee(changed):
    output, _ = changed
    guides = json.loads((output / "guides.json").read_text(encoding="utf-8"))
    fees = [fee for item in guides["items"] for fee in item["fees"] if fee["fact"] == FACT]
    assert fees and {fee["amount"] for fee in fees} == {NEW}
    assert f": {NEW} " in (output / "guides.csv").read_text(encoding="utf-8-sig")


def test_the_new_amount_is_typed_in_one_place_only(changed):
    _, content = changed
    typed = [path for folder in (content, ROOT / "forms") for path in folder.rglob("*")
             if path.suffix in (".md", ".yaml") and re.search(rf"(?<![\d,]){NEW}(?![\d,])", path.read_text("utf-8"))]
    assert typed == [content / "data/facts.yaml"]
