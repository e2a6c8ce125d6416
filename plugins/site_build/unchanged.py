"""Skip a build that would change nothing: when every input of the last good build into the
same folder is unchanged (content and the layers beneath it, forms, theme, plugins, catalogs,
settings, tool versions), its output is still exact, because builds are reproducible (no
randomness). The date is an input too: the checks read it (an allow-list entry that has expired, a stale manual check).

The fingerprint is kept beside the output folder (`.<output>.fingerprint`), never inside it,
so it is never published."""

from __future__ import annotations

import datetime
from importlib import metadata
from pathlib import Path

from sources.digest import content_key, stable_repr

FOLDERS = ("PATH", "THEME", "FORMS_DIR", "TEMPLATE_ENV_LOCALE_DIR")
FILES = ("OFFICE_DATA_FILE", "PERSONAL_DATA_ALLOWLIST", "AUDIT_RECORD_FILE", "AUDIT_RECORD_MANUAL_CHECKS")
SKIPPED_PARTS = ("__pycache__", ".git")


def files_of(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.rglob("*"))
            if path.is_file() and not any(part in SKIPPED_PARTS for part in path.parts)]


def inputs(settings: dict, settings_file: Path) -> list[Path]:
    """Every file a build reads: the folders and files the settings name, the plugins, the
    settings modules beside the settings file, and the search tool's version."""
    folders = [Path(settings[name]) for name in FOLDERS if settings.get(name)]
    folders += [Path(path) for path in settings.get("PLUGIN_PATHS", [])]
    folders += [Path(path) for path in settings.get("CONTENT_MODEL_LAYERS", [])]  # the national content
    folders += [Path(path) for path in settings.get("FORMS_LAYERS", [])]  # the national forms
    files = [Path(settings[name]) for name in FILES if settings.get(name) and Path(settings[name]).is_file()]
    files += sorted(settings_file.resolve().parent.glob("*.py"))
    node_modules = settings.get("SEARCH_NODE_MODULES")
    if node_modules:
        files += sorted(Path(node_modules).glob("pagefind/package.json"))
    return [path for folder in folders if folder.is_dir() for path in files_of(folder)] + files


def inputs_fingerprint(settings: dict, settings_file: Path) -> str:
    """A hash over every input's path and bytes, the settings, the installed packages and today's date."""
    parts = [f"{path}\0".encode() + path.read_bytes() for path in inputs(settings, settings_file)]
    parts.append(datetime.date.today().isoformat())
    parts.append(stable_repr({k: v for k, v in settings.items() if k != "OUTPUT_PATH"}))
    parts += sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return content_key(*parts)


def marker(output: Path) -> Path:
    return output.with_name(f".{output.name}.fingerprint")


def is_unchanged(output: Path, current: str) -> bool:
    """True if `output` was built by a successful build with exactly these inputs."""
    recorded = marker(output)
    return output.is_dir() and recorded.is_file() and recorded.read_text(encoding="utf-8") == current


def remember(output: Path, current: str) -> None:
    marker(output).write_text(current, encoding="utf-8")


def forget(output: Path) -> None:
    marker(output).unlink(missing_ok=True)
