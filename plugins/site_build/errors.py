"""Turn an exception that ends a build into one-line problems: every stage reports a mistake in
the content, a setting or a data file as `ProblemsFound` (with its Problems), and a template
error is placed on its template's file and line; anything else is a bug in our code and keeps
its traceback."""

from __future__ import annotations

from pathlib import Path

import jinja2

from content_model.writing import template_place
from problems import Problem, ProblemsFound, one_line


def template_problem(error: jinja2.TemplateError) -> Problem:
    """A template error placed on its template file and line (from the error or the traceback)."""
    if getattr(error, "template_file", None) is None:
        template_place(error)  # from its traceback, unless a writing process already did
    name = getattr(error, "filename", None) or getattr(error, "template_file", None)
    line = getattr(error, "lineno", None) or getattr(error, "template_line", None)
    shown = Path(name).as_posix() if name else "theme/templates"
    rule = type(error).__name__
    return Problem(shown, line, "template", rule, one_line(str(error)),
                   "correct the template (a misspelt variable or an unclosed tag)")


def problems_of(error: BaseException) -> list[Problem] | None:
    """The problems an exception stands for, or None if it is a bug (show its traceback)."""
    if isinstance(error, ProblemsFound):
        return list(error.problems)
    if isinstance(error, jinja2.TemplateError):
        return [template_problem(error)]
    return None
