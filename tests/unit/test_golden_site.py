"""The golden record (plugins/site_checks/golden.py): the fixture site's golden site and every
site's `make test` compare a build with it. A change reads as a short diff per file; a site's
record keeps each page's title and <main>, the layout once, and no fingerprint; a difference fails
only when another engine version made the record."""

from __future__ import annotations

from pathlib import Path

from site_checks.__main__ import main
from site_checks.golden import ENGINE, MANIFEST, Record, differences, page_text, read, snapshot, verdict, write

PAGE = """<!doctype html>
<html lang="zh-Hant-TW"><head><title>出生登記 | 本所</title>
    <link rel="stylesheet" href="/theme/css/site.css?v=0123456789"></head>
<body><nav>{nav}</nav>
  <main id="main">
      <h1>出生登記</h1>

      <p>規費 {fee} 元</p>
  </main><footer>本所</footer></body></html>
"""


def site(folder: Path, fee: str = "0", nav: str = "首頁", fingerprint: str = "0123456789") -> Path:
    pages = {"index.html": PAGE, "guides/birth/index.html": PAGE, "en/index.html": PAGE.replace("zh-Hant-TW", "en")}
    for name, html in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(html.format(fee=fee, nav=nav).replace("0123456789", fingerprint), encoding="utf-8")
    (folder / "forms").mkdir(exist_ok=True)
    (folder / "forms" / "a.pdf").write_bytes(b"%PDF-" + fee.encode())
    (folder / "index.html.gz").write_bytes(b"\x1f\x8b")
    return folder


def test_a_change_shows_as_a_readable_diff():
    expected = Record({"index.html": "<h1>出生登記</h1>\n<p>規費 0 元</p>\n"}, {"a.pdf": "3 abc"})
    found = Record({"index.html": "<h1>出生登記</h1>\n<p>規費 30 元</p>\n", "new.html": ""}, {"a.pdf": "4 abd"})
    lines = differences(expected, found)
    assert "added: new.html" in lines and "changed: a.pdf (3 → 4 bytes)" in lines
    assert "-<p>規費 0 元</p>" in lines and "+<p>規費 30 元</p>" in lines


def test_a_long_diff_is_cut_to_its_limit():
    expected = Record({"a.html": "".join(f"{n}\n" for n in range(200))})
    found = Record({"a.html": "".join(f"{n + 1}{'x' * 500}\n" for n in range(200))})
    lines = differences(expected, found, limit=20)
    assert len(lines) == 1 + 20 + 1 and lines[-1].startswith("… ") and "more lines" in lines[-1]
    assert max(len(line) for line in lines) <= 160


def test_a_page_is_its_title_and_main_without_indentation_or_fingerprint():
    text = page_text(PAGE.format(fee="30", nav="首頁"))
    assert text == '<title>出生登記 | 本所</title>\n<main id="main">\n<h1>出生登記</h1>\n<p>規費 30 元</p>\n</main>\n'


def test_a_site_record_keeps_pages_the_layout_once_per_language_and_binary_files_by_hash(tmp_path):
    record = snapshot(site(tmp_path / "a"))
    assert sorted(record.texts) == ["_layout/en.html", "_layout/zh-hant-tw.html", "en/index.html",
                                    "guides/birth/index.html", "index.html"]
    assert list(record.files) == ["forms/a.pdf"] and record.engine
    assert "<nav>首頁</nav>" in record.texts["_layout/zh-hant-tw.html"]
    assert "規費" not in record.texts["_layout/en.html"]
    assert not differences(record, snapshot(site(tmp_path / "b", fingerprint="fedcba9876"))), "a new fingerprint"
    moved = snapshot(site(tmp_path / "c", nav="回首頁"))
    assert [line for line in differences(record, moved) if line.startswith("changed:")] == [
        "changed: _layout/en.html", "changed: _layout/zh-hant-tw.html"]


def test_a_record_is_written_labelled_and_read_back(tmp_path):
    record = snapshot(site(tmp_path / "site"))
    write(tmp_path / "golden", record)
    assert (tmp_path / "golden" / ENGINE).read_text(encoding="utf-8") == f"household-engine {record.engine}\n"
    assert (tmp_path / "golden" / MANIFEST).read_text(encoding="utf-8").startswith("forms/a.pdf 6 ")
    assert read(tmp_path / "golden") == record


def test_content_changes_are_shown_and_pass_an_engine_upgrade_fails_until_accepted(tmp_path):
    record = snapshot(site(tmp_path / "a"))
    changed = snapshot(site(tmp_path / "b", fee="30"))
    same_engine = verdict(record, changed, Path("golden"))
    assert not same_engine.failed and "changed: guides/birth/index.html" in same_engine.lines
    assert "not a failure" in same_engine.lines[-1]
    upgraded = Record(changed.texts, changed.files, engine="99.0")
    after_upgrade = verdict(record, upgraded, Path("golden"))
    assert after_upgrade.failed and "+<p>規費 30 元</p>" in after_upgrade.lines
    assert after_upgrade.lines[-1].startswith(f"golden/{ENGINE}: golden [engine-upgrade]: the output of "
                                              f"household-engine 99.0 differs from the record made by "
                                              f"household-engine {record.engine} (4 changed, 0 added, 0 removed")
    assert "Fix: review the changes, then `make golden`" in after_upgrade.lines[-1]
    unchanged = verdict(record, Record(record.texts, record.files, engine="99.0"), Path("golden"))
    assert not unchanged.failed and unchanged.lines[0].startswith("golden: the build is the record")


def test_the_command_writes_a_missing_record_and_refuses_a_folder_that_is_not_one(tmp_path, capsys):
    built = site(tmp_path / "output")
    assert main(["golden", "--site", str(built), "--record", str(tmp_path / "golden")]) == 0
    assert "wrote 6 files" in capsys.readouterr().out and read(tmp_path / "golden") == snapshot(built)
    assert main(["golden", "--site", str(built), "--record", str(tmp_path / "golden")]) == 0
    assert "the build is the record" in capsys.readouterr().out
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["golden", "--site", str(built), "--record", str(tmp_path / "notes"), "--write"]) == 2
    assert "[cannot-run]" in capsys.readouterr().out and (tmp_path / "notes" / "keep.txt").is_file()
    assert main(["golden", "--site", str(tmp_path / "none"), "--record", str(tmp_path / "golden")]) == 2
