"""What the post-build checks find, rendered through `problems.Problem`, so that every stage
prints `path[:line]: stage [rule]: message. Fix: …` on one line.

A `PageFinding` keeps what the reports need beyond that line (the element, the rule's help page);
`problem()` is the one line. A check that cannot run raises `CheckCannotRun`, which the
command line prints as one line too, and which fails the run: it never passes as "no problems".
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from problems import Problem, ProblemsFound, one_line, print_problems

ELEMENT_LIMIT = 120


def shorten(text: str, limit: int = ELEMENT_LIMIT) -> str:
    """One line of at most `limit` characters, with … when cut."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, order=True)
class PageFinding:
    """A problem on a built page: where, which element, what is wrong, and how to fix it."""

    check: str  # the stage: "links", "html", "axe", "moda"
    page: str  # path of the page relative to the site root, e.g. "en/about/index.html"
    element: str  # a CSS selector or the offending markup (short)
    message: str
    fix: str
    rule: str = ""  # the rule id, where the check has rules (axe, MODA 檢測碼)
    help_url: str = ""
    line: int | None = field(default=None, compare=False)  # the line in the built page, where known

    def problem(self) -> Problem:
        message = one_line(self.message).rstrip(" .")
        if self.element:
            message += f". Element: {shorten(self.element)}"
        return Problem(self.page, self.line, self.check, self.rule, message, self.fix)

    def __str__(self) -> str:
        return str(self.problem())


class CheckCannotRun(ProblemsFound):
    """A check could not run (its tool is missing or crashed, or there is no site): a failure."""

    def __init__(self, where: str, stage: str, message: str, fix: str):
        super().__init__([Problem(str(where), None, stage, "cannot-run", message, fix)])


def print_findings(findings: list[PageFinding], label: str, stream=None) -> int:
    """Print each finding on its own line and a summary; return the exit code (1 if any)."""
    return print_problems([finding.problem() for finding in findings], label, stream)


def print_cannot_run(error: ProblemsFound, label: str, stream=None) -> int:
    """Print why a check could not run, one line each, then the summary; return 2."""
    stream = stream or sys.stdout
    for problem in error.problems:
        print(problem, file=stream)
    print(f"{label}: could not run, so nothing was checked", file=stream, flush=True)
    return 2
