"""`make new KIND=… SLUG=…` (content_model.scaffold): every kind of kinds.py with a content folder,
and forms. Each scaffold left as written stops the build with one line per empty value; filled
in with sample text, it builds without a problem and its pages are written."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from content_model.scaffold import kind_names, new_files
from support import build_fixture_copy, copy_fixture_site, problem_lines

TODAY = datetime.date(2026, 11, 30)
LANGUAGES = ["zh-tw", "en"]
# Sample values by key, as an author would fill them in (the fixture's reference data).
SAMPLES = {"topic": "general", "law": "household-registration-act", "articles": "48", "sources": "L1",
           "status": "ask", "amount": "0", "id": "applicant-name", "type": "text", "size": "12",
           "required": "true", "category": "organisation",  # category: the disclosures kind (wip/disclosures)
           "fee": "registration", "reviewed": "2026-11-30"}
TEXT = {"zh-tw": "範例說明文字。", "en": "Sample text for this entry."}


def opens_block(lines: list[str], n: int) -> bool:
    """True if line n (`key:`) starts a mapping or list: the next value line is deeper or a '- '."""
    indent = len(lines[n]) - len(lines[n].lstrip())
    following = [line for line in lines[n + 1:] if line.strip() and not line.lstrip().startswith("#")]
    if not following:
        return False
    deeper = len(following[0]) - len(following[0].lstrip())
    return deeper > indent or (deeper == indent and following[0].lstrip().startswith("- "))


def fill(text: str, lang: str) -> str:
    """Every empty value of a scaffold filled in: by its key, else with text in `lang`."""
    lines, done, parent = text.splitlines(), [], ""
    for n, line in enumerate(lines):
        match = re.fullmatch(r"(\s*)(- )?(?:([\w-]+):)?\s*(\"\")?", line)
        if line.lstrip().startswith("#") or line == "---" or not match or not (match[3] or match[4]):
            done.append(line)
            continue
        indent, dash, key, empty = match.groups()
        if key and not empty and opens_block(lines, n):
            parent = key  # what the items below are
            done.append(line)
            continue
        name = key or parent
        if key in LANGUAGES:
            value = f'"{TEXT[key]}"'
        elif name == "example":
            value = "{zh-tw: 王小明, en: WANG Hsiao-ming}"
        else:
            value = SAMPLES.get(name, f'"{TEXT[lang]}"')
        done.append(f"{indent}{dash or ''}{key + ': ' if key else ''}{value}")
    return "\n".join(done) + "\n"


def scaffold(site: Path, kind: str, slug: str) -> dict[Path, str]:
    files = new_files(kind, slug, site / "content", site / "forms", LANGUAGES, TODAY)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return files


@pytest.mark.parametrize("kind", kind_names())
def test_a_scaffold_as_written_stops_the_build_naming_each_empty_value(kind, tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    files = scaffold(site, kind, "new-item")
    build = build_fixture_copy(site, tmp_path / "out")
    problems = problem_lines(build)
    assert problems and all(re.match(r"^\S+:\d+: ", line) for line in problems), problems
    named = {line.split(":", 1)[0] for line in problems}
    # (a form that does not load also makes the guides that name forms report it)
    assert named & {path.relative_to(site).as_posix() for path in files}, named


@pytest.mark.parametrize("kind", kind_names())
def test_a_filled_in_scaffold_builds_without_problems(kind, tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    files = scaffold(site, kind, "new-item")
    for path, text in files.items():
        lang = next((lang for lang in LANGUAGES if path.name.endswith(f".{lang}.md")), "zh-tw")
        path.write_text(fill(text, lang), encoding="utf-8")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.stdout + "\n".join(p.read_text() for p in files)
    written = [p for p in (tmp_path / "out").rglob("index.html") if "new-item" in p.parent.name]
    assert len(written) == 2, written  # one page per language


def test_a_new_guide_is_not_counted_as_reviewed_until_someone_reviews_it(tmp_path):
    """`make new` leaves `reviewed:` empty; filled in otherwise, the guide builds with one warning
    per language that it was never reviewed (not an error, not a crash)."""
    site = copy_fixture_site(tmp_path / "site")
    files = scaffold(site, "guide", "new-item")
    for path, text in files.items():
        assert re.search(r"^reviewed:$", text, re.M), text  # empty: nothing new counts as reviewed
        lang = next(lang for lang in LANGUAGES if path.name.endswith(f".{lang}.md"))
        filled = fill(text, lang).replace("reviewed: 2026-11-30", "reviewed:")
        assert re.search(r"^reviewed:$", filled, re.M)
        path.write_text(filled, encoding="utf-8")
    build = build_fixture_copy(site, tmp_path / "out")
    assert build.returncode == 0, build.log
    never = [line for line in build.log.splitlines() if "[never-reviewed]" in line]
    assert sorted(line.split(":")[1].strip() for line in never) == [
        "content/guides/new-item.en.md", "content/guides/new-item.zh-tw.md"], build.log
    assert all(line.startswith("warning: ") for line in never)


