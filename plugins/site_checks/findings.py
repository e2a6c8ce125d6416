"""One shape for every problem any post-build check finds, so all checks report alike."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """A problem on a built page: where, which element, what is wrong, and how to fix it."""

    check: str  # "links", "html", "axe"
    page: str  # path of the page relative to the site root, e.g. "en/about/index.html"
    element: str  # a CSS selector, a line:column, or the offending markup (short)
    message: str
    fix: str
    rule: str = ""  # the rule id, where the check has rules (axe, vnu)
    help_url: str = ""

    def __str__(self) -> str:
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.page}: {self.check}{rule}: {self.message} Element: {self.element} Fix: {self.fix}"

    def as_dict(self) -> dict:
        return asdict(self)


def print_findings(findings: list[Finding], label: str) -> int:
    """Print each finding on its own line and a summary; return the exit code (1 if any)."""
    for finding in sorted(findings):
        print(finding)
    print(f"{label}: {len(findings)} problem(s)" if findings else f"{label}: no problems")
    return 1 if findings else 0
