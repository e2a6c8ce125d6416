"""Shared helpers of the forms tests: a writable copy of the minimal definition with one change."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import ROOT

MINIMAL = ROOT / "tests" / "fixtures" / "forms" / "minimal"
LANGUAGES = ["zh-tw", "en"]


def minimal_form(forms_dir: Path, form_id: str = "test-form", old: str = "", new: str = "") -> Path:
    """forms_dir/<form_id>/ with the minimal definition, `old` replaced by `new` (which must occur)."""
    folder = forms_dir / form_id
    shutil.copytree(MINIMAL, folder)
    path = folder / "form.yaml"
    text = path.read_text(encoding="utf-8")
    if old:
        assert old in text, f"the fixture has no {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line that contains `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
