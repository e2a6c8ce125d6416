"""How an override says which version of the engine's national file it was written from: a
Markdown item in its header (`based_on: <digest>`), a YAML file (a data file, a form's form.yaml)
in a comment of its leading comment block (`# based_on: <digest>`), never as a key, so that no
schema reads it and every line keeps its number. content_model/layers.py checks the digest."""

from __future__ import annotations

import re

from problems import Problem

BASED_ON = "based_on"
# `# based_on: <digest>` (anything after the digest is a remark).
YAML_COMMENT = re.compile(rf"#\s*{BASED_ON}:\s*(\S*)(\s.*)?")
_YAML_KEY = re.compile(rf"^{BASED_ON}\s*:", re.MULTILINE)


def yaml_based_on(text: str) -> tuple[str | None, int]:
    """The `# based_on: <digest>` of a YAML file's leading comment block, and its line (None, 1
    if it has none)."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        if match := YAML_COMMENT.fullmatch(stripped):
            return match.group(1), number
    return None, 1


def key_problem(shown: str, text: str, stage: str) -> Problem | None:
    """A YAML file with `based_on:` written as a top-level key, as in a Markdown header: one
    clear line, instead of what its schema would say of an unknown key."""
    match = _YAML_KEY.search(text)
    if match is None:
        return None
    return Problem(shown, text.count("\n", 0, match.start()) + 1, stage, "based-on-key",
                   f"`{BASED_ON}:` is written as a key; in a YAML file it is a comment",
                   f"make it a comment on the file's first line: `# {BASED_ON}: <digest>`")
