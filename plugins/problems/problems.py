"""One problem, one line: `path[:line]: stage [rule]: message. Fix: …`.

Every stage (header check, lint, build, links, HTML, axe, national rules, forms, personal
data) reports with `Problem`, so a CI log reads the same whatever found the mistake. A
line is never wrapped: whitespace inside a message (a newline in a tool's output) is
collapsed to one space, and nothing here knows the terminal's width.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path


def one_line(text: str) -> str:
    """The text with every run of whitespace (newlines included) made one space."""
    return " ".join(str(text).split())


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake at a place: a source file (with its line where known) or a built page."""

    path: str
    line: int | None
    stage: str  # header, lint, build, links, html, axe, moda, forms, personal-data, …
    rule: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        rule = f" [{self.rule}]" if self.rule else ""
        message = one_line(self.message).rstrip(" .")
        return f"{where}: {self.stage}{rule}: {message}. Fix: {one_line(self.fix)}"


class ProblemsFound(Exception):
    """The one exception for "the input is wrong": it carries every Problem found (not only the
    first). Every tool catches this one type and prints its lines, without a traceback: a
    traceback means a bug in our code, never a mistake in the content, a setting or a data file.
    Stages raise it, or a subclass that names their kind of mistake."""

    exitcode = 2

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(set(problems), key=_reading_order))
        super().__init__(f"{len(self.problems)} problem(s)")

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)

    @property
    def problem(self) -> Problem:
        """The first problem (most stages find one at a time)."""
        return self.problems[0]

    def __reduce__(self):
        """Pickled (sent from a writing process) as its class and problems, whatever the
        subclass's own constructor takes."""
        return _rebuilt, (type(self), self.problems)


def _rebuilt(cls: type[ProblemsFound], problems: tuple[Problem, ...]) -> ProblemsFound:
    error = Exception.__new__(cls)
    ProblemsFound.__init__(error, problems)
    return error


def _reading_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.stage, problem.rule, problem.message)


def write_problems(path: Path, problems: Iterable[Problem]) -> None:
    """Hand problems to another process (the preview reads a build's): JSON, one object each."""
    path.write_text(json.dumps([asdict(problem) for problem in problems], ensure_ascii=False), encoding="utf-8")


def read_problems(path: Path) -> tuple[Problem, ...]:
    """The problems another process wrote with write_problems; none if it wrote no file."""
    if not path.is_file():
        return ()
    return tuple(Problem(**fields) for fields in json.loads(path.read_text(encoding="utf-8")))


def summary_line(problems: tuple[Problem, ...] | list[Problem], label: str) -> str:
    """`label: N problem(s) in M file(s)`, or `label: no problems`."""
    if not problems:
        return f"{label}: no problems"
    files = len({problem.path for problem in problems})
    return f"{label}: {len(problems)} problem(s) in {files} file(s)"


def print_problems(problems: Iterable[Problem], label: str, stream=None) -> int:
    """Print each problem on its own line, then one summary line; return 1 if any, else 0."""
    stream = stream or sys.stdout
    ordered = sorted(set(problems), key=_reading_order)
    for problem in ordered:
        print(problem, file=stream)
    print(summary_line(ordered, label), file=stream, flush=True)
    return 1 if ordered else 0
