"""Paths as the person running a tool typed them, for messages."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path) -> str:
    """The path as the person running the build typed it: relative to the working folder."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()
