"""The fast, source-level pass of Taiwan's national rules for `make check`: a11y-moda's `lint`
over the built HTML files (no browser, no server, about 0.1 s a page).

It sees the markup only (no CSS, no rendering), so it is a first warning, not the gate: the
audit (`make audit`) scans every page over HTTP. A failure of a 115.11 code is a problem with
the page and line; a11y-moda's own audit items and retired codes are left out.
"""

from __future__ import annotations

from pathlib import Path

from .audit import moda
from .findings import CheckCannotRun, PageFinding
from .pages import html_pages, page_name

STAGE = "moda"


def lint_findings(site: Path) -> list[PageFinding]:
    """Every failure of a 115.11 code that a11y-moda's lint finds in the built pages."""
    from a11y_moda.lint.runner import lint_files
    from a11y_moda.models import Level

    pages = html_pages(site)
    if not pages:
        raise CheckCannotRun(
            site, STAGE, "there are no built HTML pages here", "run `make build` first"
        )
    report = lint_files(pages, level=Level[moda.LEVEL])
    found = []
    for result in report.files:
        name = page_name(site.resolve(), Path(result.path).resolve())
        if result.fetch_error:
            raise CheckCannotRun(
                name,
                STAGE,
                f"a11y-moda could not lint the page: {result.fetch_error}",
                "run `python -m a11y_moda lint` on the page to see why",
            )
        found += [
            PageFinding(
                STAGE,
                name,
                issue.snippet,
                f"WCAG {issue.guideline}: {issue.message.rstrip('。. ')}",
                f"{issue.desc} (a11y-moda rules show {issue.rule_id})",
                issue.rule_id,
                moda.HELP_URL,
                line=issue.line or None,
            )
            for issue in result.issues
            if issue.status == "fail" and issue.spec == moda.SPEC
        ]
    return found
