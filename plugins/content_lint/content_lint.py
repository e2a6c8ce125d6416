"""Content lint: check every page's and news item's rendered body for accessibility mistakes
an author can make in Markdown (alt text, link text, headings, tables, media, downloads,
language of parts), and stop the build listing each as `path:line: message Fix: …`.

Each item is checked at `content_object_init`; the problems of one build are kept in the
context and raised together as one ContentLintError at `all_generators_finalized`.
Needs `bilingual` loaded first (for display_path and Problem); `table_captions` must run first.

Setting: CONTENT_LINT_CHECKS, the names of the check families to run (default: all).
"""

from __future__ import annotations

from pathlib import Path

from bilingual.content_index import Problem, display_path
from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article, Page

from . import downloads, headings, images, language, link_text, media, tables
from .issues import Issue
from .locate import locate

CHECKS = {
    "images": images.check,
    "link_text": link_text.check,
    "headings": headings.check,
    "tables": tables.check,
    "media": media.check,
    "downloads": downloads.check,
    "language": language.check,
}
CONTEXT_KEY = "content_lint_problems"


class ContentLintError(Exception):
    """Rendered content breaks the content rules; the message lists each problem as path:line."""

    exitcode = 2


class ContentLintSettingsError(Exception):
    """A CONTENT_LINT_* setting is malformed."""


def selected_checks(settings) -> list:
    """The check functions CONTENT_LINT_CHECKS names, in that order (default: all)."""
    names = settings.get("CONTENT_LINT_CHECKS", list(CHECKS))
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise ContentLintSettingsError(
            f"CONTENT_LINT_CHECKS must be a list of check names, not {names!r}.")
    unknown = [name for name in names if name not in CHECKS]
    if unknown:
        raise ContentLintSettingsError(
            f"CONTENT_LINT_CHECKS: unknown check(s) {unknown}; known: {', '.join(CHECKS)}.")
    return [CHECKS[name] for name in names]


def lint_html(html: str, lang: str, checks: list) -> list[Issue]:
    """Every issue the checks find in one item's body HTML."""
    soup = BeautifulSoup(html, "lxml")
    return [issue for check in checks for issue in check(soup, lang)]


def problems_in(source_path: str, html: str, lang: str, checks: list) -> list[Problem]:
    """The issues of one item, each placed on a line of its Markdown source."""
    issues = lint_html(html, lang, checks)
    if not issues:
        return []
    path = Path(source_path)
    lines = locate(path.read_text(encoding="utf-8"), issues)
    shown = display_path(path)
    return [Problem(shown, line, issue.message, issue.fix) for issue, line in zip(issues, lines)]


def summary(problems: list[Problem]) -> str:
    listing = "\n".join(f"  {problem}" for problem in problems)
    return f"{len(problems)} content lint problem(s):\n{listing}"


def check_settings(pelican) -> None:
    """initialized: fail early on a bad CONTENT_LINT_CHECKS."""
    selected_checks(pelican.settings)


def lint_item(content) -> None:
    """content_object_init: check a page or news item and keep its problems in the context."""
    if not isinstance(content, (Page, Article)):
        return
    checks = selected_checks(content.settings)
    found = problems_in(content.source_path, content._content or "", content.lang, checks)
    content._context.setdefault(CONTEXT_KEY, []).extend(found)


def report(generators) -> None:
    """all_generators_finalized: raise one ContentLintError listing every problem of the build."""
    problems = generators[0].context.get(CONTEXT_KEY, [])
    if problems:
        raise ContentLintError(summary(problems))


def register():
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(lint_item)
    signals.all_generators_finalized.connect(report)
