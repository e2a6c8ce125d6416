"""The wheel's build hook (hatchling): what goes into the engine's wheel, from the repository's
folders, and the wheel's dependencies, from pyproject's `build` group (declared once there).

household_engine/ holds, beside paths.py: plugins/ (every package but household_engine itself),
theme/, forms/, i18n/ (the .po catalogs; they are compiled in memory at every build), national/
(the files content_model/national.py names) and starter/ (what `new-site` copies, national.STARTER),
and node/ (package.json and its lock: the pinned Pagefind, axe-core and vnu a site installs).
Its dependencies are the `build` group's pins; its `checks` extra, the `checks` group's (the audit).
"""

from __future__ import annotations

import runpy
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

PACKAGE = "household_engine"
SKIPPED = ("__pycache__", ".pytest_cache")
SKIPPED_SUFFIXES = (".pyc", ".mo")


def files(root: Path, folder: str) -> list[Path]:
    return [path for path in sorted((root / folder).rglob("*")) if path.is_file()
            and not any(part in SKIPPED for part in path.parts) and path.suffix not in SKIPPED_SUFFIXES]


def wheel_files(root: Path) -> dict[str, str]:
    """{source path: path in the wheel} of every file the engine ships besides its own module."""
    national = runpy.run_path(str(root / "plugins" / "content_model" / "national.py"))
    mapping = {}
    for folder in ("plugins", "theme", "forms", "i18n"):
        for path in files(root, folder):
            relative = path.relative_to(root).as_posix()
            if not relative.startswith(f"plugins/{PACKAGE}/"):
                mapping[relative] = f"{PACKAGE}/{relative}"
    for path in files(root, "content"):
        relative = path.relative_to(root / "content").as_posix()
        if national["is_national"](relative):
            mapping[f"content/{relative}"] = f"{PACKAGE}/national/{relative}"
        elif any(fnmatchcase(relative, pattern) for pattern in national["STARTER"]):
            mapping[f"content/{relative}"] = f"{PACKAGE}/starter/{relative}"
    for name in ("package.json", "package-lock.json"):
        mapping[name] = f"{PACKAGE}/node/{name}"
    for name in national["STARTER_CI"]:
        mapping[f".ci/{name}"] = f"{PACKAGE}/starter/ci/{name}"
    mapping["deploy/nginx.conf"] = f"{PACKAGE}/deploy/nginx.conf"  # the go-live gate checks the server's headers
    mapping["deploy/release.sh"] = f"{PACKAGE}/deploy/release.sh"  # what `site_publish deploy` runs on the target
    return mapping


class EngineBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        root = Path(self.root)
        for source, target in wheel_files(root).items():
            build_data["force_include"][str(root / source)] = target


class EngineMetadataHook(MetadataHookInterface):
    def update(self, metadata):
        groups = tomllib.loads((Path(self.root) / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
        metadata["dependencies"] = [pin for pin in groups["build"] if isinstance(pin, str)]
        metadata["optional-dependencies"] = {"checks": [pin for pin in groups["checks"] if isinstance(pin, str)]}
