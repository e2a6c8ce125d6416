"""content_lint: placing issues on source lines, checking an item in parts, settings, and whole
builds of the fixture site with one planted mistake each (the real site must be clean)."""

from __future__ import annotations

import pytest

from support import build_fixture_copy, copy_fixture_site, parse
from support import plant_paragraph as plant

# --- needle → line -------------------------------------------------------------------------


# --- one item, in parts ------------------------------------------------------------------------


# --- settings --------------------------------------------------------------------------------


# --- whole builds ----------------------------------------------------------------------------

BIRTH = "content/guides/birth.zh-tw.md"


@pytest.fixture
def site(tmp_path):
    return copy_fixture_site(tmp_path / "site")


def assert_lint_fails(build, line, *fragments, count=1):
    assert build.returncode == 2, build.log
    lines = [x for x in build.log.splitlines() if ": lint [" in x]
    assert len(lines) == count, build.log
    assert lines[0].startswith(f"content/guides/birth.zh-tw.md:{line}: lint ["), build.log
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"


# One planted mistake per case: (what is planted, what the message and fix must say).
PLANTED = {
    "image-markdown": ("![](/files/counter.png)", ["image '/files/counter.png'", "Fix: write what the image shows"]),
    "image-html": ('<img src="/files/counter.png">', ["image '/files/counter.png'", "Fix: write what the image"]),
    "skipped-heading": ("#### 應備文件", ["starts at h4 '應備文件'; a heading level is skipped",
                                       "Fix: make it h3 (`### 應備文件`)"]),
    "video-without-captions": (
        '<video controls src="/files/birth.mp4"></video>\n\n[影片逐字稿](/faq/)',
        ["video '/files/birth.mp4' has no captions track", 'Fix: add `<track kind="captions"']),
    "vague-link-text": ("相關說明請[點此](/faq/)。", [
        "link text '點此' does not say where the link goes", "Fix: use the name of the destination"]),
    "external-download": ("請下載[出生登記申請書](https://www.example.gov.tw/birth-form.pdf)。", [
        "does not state the file's format and size", "Fix: say the format and size"]),
    "unmarked-english": ("請攜帶 your household registration certificate 正本。", [
        "English passage 'your household registration certificate'",
        'Fix: wrap it in `<span lang="en">your household registration certificate']),
    "alt-is-file-name": ("![counter.png](/files/counter.png)", [
        "lint [image-alt]: the alt text 'counter.png' of image '/files/counter.png' is the image's file name",
        "Fix: write what the image shows"]),
    "alt-says-image": ("![圖片](/files/counter.png)", ["lint [image-alt]", "only says that it is an image"]),
    "empty-table-header": ("表：規費\n\n| | |\n|---|---|\n| 出生登記 | 免費 |", [
        "lint [table-header]: a table's header row has only empty cells", "Fix: write in each cell of the first row"]),
    "rows-without-separator": ("| 項目 | 規費 |\n| 出生登記 | 免費 |", [
        "lint [table-separator]: the lines starting '| 項目 | 規費 |' look like a table",
        "Fix: put a line like `|---|---|`"]),
    "http-government-link": ("見[內政部戶政司](http://www.ris.gov.tw/)。", [
        "lint [link-http]: the link to the government site www.ris.gov.tw uses http://", "Fix: write https://"]),
    "office-phone-by-hand": ("請電 (04) 0000-0000 洽詢。", [
        "lint [office-details]: the office's phone number is typed by hand: '(04) 0000-0000'",
        "Fix: delete it and link to the contact page"]),
    "office-hours-by-hand": ("本所週一至週五上午8時至下午5時受理。", [
        "lint [office-details]: the office's opening hours is typed by hand", "(/contact/)"]),
}

# Where the faulty line is below the planted paragraph's first: the header row of empty cells.
LINES_BELOW = {"empty-table-header": 2}

# Near-misses of the checks above, all in one page: each must build clean.
NEAR_MISSES = """![櫃台位置圖：出生登記在2號櫃台](/files/counter.png)

表：規費

| 項目 | 規費 |
|---|---|
| 出生登記 | 免費 |

請選擇 A | B 其中之一。

見[舊系統](http://old.example.gov.tw/){: .no-https}、[戶政司](https://www.ris.gov.tw/)與[商店](http://shop.example.com/)。

市政府服務專線 04-2228-9111，或撥 1999；測試路上另有郵局，測試路2號是圖書館。

週一至週五上午9時至12時另有預約服務。"""


def test_near_misses_of_the_checks_build_clean(site, tmp_path):
    plant(site / BIRTH, NEAR_MISSES)
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    assert ": lint [" not in build.log


@pytest.mark.parametrize("case", PLANTED)
def test_a_planted_mistake_fails_the_build_at_its_line(site, tmp_path, case):
    markup, fragments = PLANTED[case]
    line = plant(site / BIRTH, markup) + LINES_BELOW.get(case, 0)
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, line, *fragments)


def test_the_faulty_one_of_two_same_images_is_named(site, tmp_path):
    first = plant(site / BIRTH, "![櫃台位置](/files/counter.png)")
    second = plant(site / BIRTH, "![](/files/counter.png)")
    assert second > first
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, second, "has empty alt text")


def test_the_faulty_one_of_two_same_tables_is_named(site, tmp_path):
    plant(site / BIRTH, "表：規費\n\n| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    second = plant(site / BIRTH, "| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, second, "a table has no caption")


def test_the_faulty_one_of_two_same_terms_is_named(site, tmp_path):
    plant(site / BIRTH, '請攜帶 <span lang="en">your household registration certificate</span> 正本。')
    second = plant(site / BIRTH, "請攜帶 your household registration certificate 影本。")
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, second, "English passage")


def test_a_header_value_is_checked_on_its_line(site, tmp_path):
    path = site / BIRTH
    text = path.read_text(encoding="utf-8").replace("  - 帶齊文件到戶政事務所。", "  - 帶齊文件，[點此](/faq/)。")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - 帶齊文件，[點此](/faq/)。") + 1
    build = build_fixture_copy(site, tmp_path / "out")
    assert_lint_fails(build, line, "link text '點此'")


def test_a_decorative_image_builds_clean(site, tmp_path):
    plant(site / BIRTH, "![](/files/counter.png){: .decorative}")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    image = parse(tmp_path / "out/guides/birth/index.html").select_one("main img")
    assert image["alt"] == "" and image["class"] == ["decorative"]


def test_every_problem_of_the_build_is_listed_at_once(site, tmp_path):
    first = plant(site / BIRTH, "![](/files/counter.png)")
    second = plant(site / "content/guides/birth.en.md", "See [here](/en/faq/).")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 2
    assert f"content/guides/birth.zh-tw.md:{first}: lint [image-alt]" in build.log
    assert f"content/guides/birth.en.md:{second}: lint [link-vague]: link text 'here'" in build.log
    assert "build: 2 problem(s) in 2 file(s)" in build.log


def test_a_captioned_table_builds_clean(site, tmp_path):
    plant(site / BIRTH, "表：出生登記的規費\n\n| 項目 | 規費 |\n|---|---|\n| 出生登記 | 免費 |")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    table = parse(tmp_path / "out/guides/birth/index.html").select_one("main table")
    assert table.caption.get_text(strip=True) == "出生登記的規費"


def test_checks_can_be_chosen_by_setting(site, tmp_path):
    plant(site / BIRTH, "相關說明請[點此](/guides/birth/)。")  # a page the fixture has: the link itself is fine
    build = build_fixture_copy(site, tmp_path / "out", CONTENT_LINT_CHECKS=["images", "headings"])
    assert build.returncode == 0, build.log


def test_a_bad_setting_stops_the_build_with_one_line(site, tmp_path):
    build = build_fixture_copy(site, tmp_path / "out", CONTENT_LINT_CHECKS=["images", "spelling"])
    assert build.returncode == 2
    [line] = [x for x in build.log.splitlines() if "settings [CONTENT_LINT_CHECKS]" in x]
    assert "'spelling'" in line and "Traceback" not in build.log


def test_the_fixture_and_real_sites_are_clean(fixture_site, real_site):
    assert ": lint [" not in fixture_site.log and ": lint [" not in real_site.log
