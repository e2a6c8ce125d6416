"""Content lint: accessibility and wording checks of what authors write (a library; the content
model runs it on every build)."""

from .content_lint import CHECKS, Linter, LintTarget, selected_checks  # noqa: F401
