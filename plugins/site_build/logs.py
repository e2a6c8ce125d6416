"""Pelican's own log messages during a build: warnings and errors become one-line problems (a
build with any fails, like `--fatal warnings`), each message once; the rest is quiet."""

from __future__ import annotations

import logging

from problems import Problem, one_line

STAGE = "build"


class ProblemCollector(logging.Handler):
    """Collects WARNING and above as Problems, each distinct message once."""

    def __init__(self, where: str):
        super().__init__(level=logging.WARNING)
        self.where = where
        self.problems: dict[str, Problem] = {}

    def emit(self, record: logging.LogRecord) -> None:
        message = one_line(record.getMessage())
        if message not in self.problems:
            self.problems[message] = Problem(self.where, None, STAGE, record.name, message,
                                             "correct what the message names; docs/content-guide.md "
                                             "lists the rules")


def collecting(where: str) -> ProblemCollector:
    """Route every log record of this process to a fresh collector (and nowhere else)."""
    collector = ProblemCollector(where)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(collector)
    root.setLevel(logging.WARNING)
    logging.captureWarnings(True)
    return collector
