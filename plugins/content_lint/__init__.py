"""Content lint: accessibility and wording checks of what authors write (a library; the content
model runs it on every build)."""

from .content_lint import CHECKS, OFFICE_CHECK, Linter, LintTarget, selected_checks  # noqa: F401
from .office_shapes import FIELDS as OFFICE_FIELDS  # noqa: F401
from .office_shapes import OfficeDetails  # noqa: F401
