"""Turn an exception that ends a build into one-line problems: content mistakes and settings
mistakes become `Problem`s; anything else is a bug in our code and keeps its traceback."""

from __future__ import annotations

from pathlib import Path

import jinja2

from content_model.writing import template_place
from problems import Problem, ProblemsFound, one_line

FIX_MARKER = " Fix: "


def settings_errors() -> tuple[type[Exception], ...]:
    """The exceptions that mean "a setting or a data file is wrong" (not a bug)."""
    from audit_record.audit_record import AuditRecordError
    from content_lint.content_lint import ContentLintSettingsError
    from content_model.settings import SettingsError
    from office_data.office_data import OfficeDataError
    from site_context import MissingContextKey
    from template_env.catalogs import CatalogError

    return (SettingsError, OfficeDataError, AuditRecordError, CatalogError, ContentLintSettingsError,
            MissingContextKey)


def split_fix(text: str, default_fix: str) -> tuple[str, str]:
    message, _, fix = one_line(text).partition(FIX_MARKER)
    return message, fix or default_fix


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


def problems_of(error: BaseException, settings_file: str) -> list[Problem] | None:
    """The problems an exception stands for, or None if it is a bug (show its traceback)."""
    if isinstance(error, ProblemsFound):
        return list(error.problems)
    if hasattr(error, "problem") and isinstance(error.problem, Problem):
        return [error.problem]
    if isinstance(error, jinja2.TemplateError):
        return [template_problem(error)]
    from site_settings import SiteSettingsError, settings_problems

    if isinstance(error, SiteSettingsError):
        return settings_problems(error, Path(settings_file))
    if isinstance(error, settings_errors()):
        message, fix = split_fix(str(error), "correct the setting in the settings file")
        return [Problem(settings_file, None, "settings", type(error).__name__, message, fix)]
    return None
