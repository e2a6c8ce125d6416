"""Content lint: check what an author wrote, as rendered to HTML, for the accessibility and
wording mistakes a Markdown author can make (alt text, link text, headings, tables, media,
downloads and images, language of parts, the glossary's avoided terms, http:// links to
government sites, the office's details typed by hand), and report each as
`path:line: lint [rule]: message. Fix: …`.

An item is checked in parts: each header value that may hold inline Markdown (placed on its
key's line) and the body (placed by searching the body for the issue's needle, taking the
occurrence the check names). The content model makes one `Linter` per build.

Setting: CONTENT_LINT_CHECKS, the names of the check families to run (default: all; declared in
site_settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from problems import Problem

from . import (
    currency,
    downloads,
    glossary,
    headings,
    images,
    language,
    link_text,
    media,
    office_details,
    secure_links,
    tables,
)
from .issues import Issue, LintContext, Occurrences
from .locate import locate
from .office_shapes import OfficeDetails
from .tree import parse

STAGE = "lint"
# The checks that also read plain-text values (titles, summaries, form texts), which cannot
# hold markup: each has a `text_issues(text, context, occurrences)` for one piece of text.
OFFICE_CHECK = "office_details"  # the one check that depends on the office (content/office.toml)
PLAIN_TEXT_CHECKS = {"glossary": glossary, "currency": currency, "office_details": office_details}
CHECKS = {
    "images": images.check,
    "link_text": link_text.check,
    "headings": headings.check,
    "tables": tables.check,
    "media": media.check,
    "downloads": downloads.check,
    "language": language.check,
    "glossary": glossary.check,
    "currency": currency.check,
    "secure_links": secure_links.check,
    "office_details": office_details.check,
}


@dataclass(frozen=True)
class LintTarget:
    """One item to check: its source file, language, rendered header values and rendered body."""

    path: str
    source_text: str
    body_line: int  # the file line the body starts on
    lang: str
    heading_start: int
    fields: tuple[tuple[int, str], ...]  # (line of the key, rendered HTML)
    body: str
    plain: tuple[tuple[int, str], ...] = ()  # (line, text) of plain values: title, summary


def selected_checks(settings, only: tuple[str, ...] | None = None) -> list:
    """The check functions CONTENT_LINT_CHECKS names, in that order (default: all), or only those
    of them named in `only`; the names are checked with every other setting at start-up (site_settings)."""
    return [CHECKS[name] for name in settings.get("CONTENT_LINT_CHECKS", list(CHECKS)) if only is None or name in only]


def lint_html(html: str, context: LintContext, checks: list) -> list[Issue]:
    """Every issue the checks find in one piece of rendered HTML."""
    root = parse(html)
    return [issue for check in checks for issue in check(root, context)]


def body_source(target: LintTarget) -> str:
    """The body's text, with the header's lines blanked so line numbers stay those of the file."""
    lines = target.source_text.splitlines(keepends=True)
    return "\n" * (target.body_line - 1) + "".join(lines[target.body_line - 1:])


def plain_issues(target: LintTarget, context: LintContext, checks: list) -> list[Problem]:
    """The plain-text checks over the plain values, each on its own line (no HTML to parse)."""
    modules = [module for name, module in PLAIN_TEXT_CHECKS.items() if CHECKS[name] in checks]
    applies = {glossary: context.english, currency: context.lang.startswith("zh"), office_details: True}
    problems = []
    for module in (m for m in modules if applies[m]):
        occurrences = Occurrences()
        problems += [Problem(target.path, line, STAGE, i.rule, i.message, i.fix)
                     for line, text in target.plain for i in module.text_issues(text, context, occurrences)]
    return problems


def header_source(target: LintTarget) -> str:
    """The header's lines only: where the issues in rendered header values are looked for."""
    return "".join(target.source_text.splitlines(keepends=True)[: target.body_line - 1])


def placed(target: LintTarget, issues: list[Issue], source: str) -> list[Problem]:
    lines = locate(source, issues)
    return [Problem(target.path, line, STAGE, i.rule, i.message, i.fix) for i, line in zip(issues, lines, strict=True)]


def lint_target(target: LintTarget, context: LintContext, checks: list) -> list[Problem]:
    """Every problem of one item, each placed on a line of its source file. The rendered header
    values are checked together, in the order of their lines (one parse), and placed in the
    header; the body is checked and placed in the body."""
    problems = plain_issues(target, context, checks)
    if target.fields:
        html = "".join(f"<p>{html}</p>" for _, html in target.fields)
        problems += placed(target, lint_html(html, context, checks), header_source(target))
    if target.body:
        problems += placed(target, lint_html(target.body, context, checks), body_source(target))
    return problems


class Linter:
    """The content lint of one build: its checks, and one context per (language, heading level)
    made on first use and reused for every item after (the glossary's patterns are compiled once
    per context, not once per file)."""

    def __init__(self, settings, glossary_terms: tuple, files_root: Path, office: OfficeDetails | None = None,
                 only: tuple[str, ...] | None = None):
        """`only`: the names of the checks to run, of those the settings select (default: all of them)."""
        self.checks = selected_checks(settings, only)
        self.avoided_terms = glossary.avoided(glossary_terms)
        self.files_root = files_root
        self.office = office
        self.contexts: dict[tuple, LintContext] = {}

    def context(self, target: LintTarget) -> LintContext:
        key = (target.lang, target.heading_start)
        if key not in self.contexts:
            self.contexts[key] = LintContext(target.lang, target.heading_start, self.files_root,
                                             self.avoided_terms, self.office)
        return self.contexts[key]

    def __call__(self, targets: list[LintTarget]) -> list[Problem]:
        return [problem for target in targets for problem in lint_target(target, self.context(target), self.checks)]
