"""Support for the engine's tests (tests/build/test_engine_wheel_built.py and
tests/browser/test_new_site_gate.py): the wheel built and installed offline into a fresh venv,
a new office's site made by that installed engine, and the site's own Makefile run as its IT
staff run it."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from household_engine import __version__
from support import ROOT

NAME_ZH, NAME_EN = "臺中市大雅區戶政事務所", "Daya District Household Registration Office, Taichung City"


def run(args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "300", **(env or {})})


def build_wheel(folder: Path) -> Path:
    """The engine's wheel, built offline into `folder`."""
    done = run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "--no-index",
                "-w", str(folder), "-q"], ROOT)
    assert done.returncode == 0, done.stderr
    (found,) = folder.glob("household_engine-*.whl")
    return found


def install_engine(wheel: Path, venv: Path) -> tuple[Path, Path]:
    """(python, the installed engine's plugins folder) of a fresh venv at `venv` holding the wheel,
    installed offline (its dependencies are this venv's, through a .pth file)."""
    assert run([sys.executable, "-m", "venv", "--without-pip", str(venv)], ROOT).returncode == 0
    python = venv / "bin" / "python"
    purelib = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                       venv).stdout.strip())
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index", "--no-deps", "-q",
                str(wheel)], venv)
    assert done.returncode == 0, done.stderr
    shown = run([str(python), "-c", "from household_engine import paths, __version__; "
                 "print(paths.INSTALLED, __version__, paths.PLUGINS, sep='\\n')"], venv)
    installed, version, plugins = shown.stdout.split("\n")[:3]
    assert (installed, version) == ("True", __version__), shown.stderr
    assert Path(plugins).is_relative_to(purelib)
    return python, Path(plugins)


def new_office(python: Path, plugins: Path, site: Path) -> Path:
    """A new office's site made by the installed engine's `new-site`, set up as its `make` would
    (its venv is `python`'s, marked as set up; node_modules and the forms cache are this checkout's)."""
    made = run([str(python), "-m", "site_build", "new-site", str(site), "--name-zh", NAME_ZH, "--name-en", NAME_EN,
                "--city-zh", "臺中市", "--city-en", "Taichung City"], site.parent, {"PYTHONPATH": str(plugins)})
    assert made.returncode == 0, made.stdout + made.stderr
    (python.parent.parent / ".stamp").touch()
    (site / "node_modules").symlink_to(ROOT / "node_modules")  # Pagefind, axe-core, vnu: as `npm ci` installs them
    (ROOT / ".cache" / "forms").mkdir(parents=True, exist_ok=True)
    (site / ".cache").mkdir()
    (site / ".cache" / "forms").symlink_to(ROOT / ".cache" / "forms", target_is_directory=True)  # the forms made once
    return site


def make(site: Path, python: Path, *goals: str) -> subprocess.CompletedProcess:
    """The site's own Makefile, with `python`'s venv (set up already: neither it nor node_modules is remade)."""
    venv = python.parent.parent
    return run(["make", "--no-print-directory", *goals, f"VENV={venv}", "-o", f"{venv}/.stamp",
                "-o", "node_modules/.stamp"], site)
