"""Which page links a file that has a problem: a mistake in an attachment of content/files/ (a
Word file the personal-data guard cannot read, a number inside a PDF) is named with the file
and, in its message, the Markdown file and line that link it, so the author knows which page
offers it: `content/files/x.docx: personal-data [unreadable]: … (linked from
content/pages/forms.zh-tw.md:12). Fix: …`."""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath

from problems import Problem
from sources.paths import display_path


def links_to(entries, address: str) -> list[str]:
    """`path:line` of every entry whose Markdown writes `address` (its first line with it)."""
    found = []
    for entry in entries:
        text = entry.source.text
        offset = text.find(address)
        if offset >= 0:
            found.append(f"{entry.path}:{text.count(chr(10), 0, offset) + 1}")
    return found


def with_linking_pages(problems: list[Problem], entries, files_root: Path) -> list[Problem]:
    """The problems, each of a file under `files_root` saying which pages link it."""
    root = display_path(files_root)
    named = []
    for problem in problems:
        relative = PurePosixPath(problem.path).relative_to(root) if problem.path.startswith(root + "/") else None
        pages = links_to(entries, f"/files/{relative}") if relative is not None else []
        if pages:
            problem = dataclasses.replace(problem, message=f"{problem.message.rstrip(' .')} "
                                                           f"(linked from {', '.join(pages)})")
        named.append(problem)
    return named
