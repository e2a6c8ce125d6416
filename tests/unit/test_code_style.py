"""ruff over the project's Python, with the rules in pyproject.toml ([tool.ruff]): any finding fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT


def test_ruff_finds_nothing():
    ruff = Path(sys.executable).parent / "ruff"
    assert ruff.is_file(), "ruff is not installed. Fix: run `make venv` (it is pinned in pyproject.toml)."
    result = subprocess.run([str(ruff), "check", "--output-format", "concise", "plugins", "tests", "pelicanconf.py",
                             "publishconf.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
