"""Rule and docs agree: every rule the content lint can report is listed in the content guide's
table of checks (docs/content-guide.md), so a staff member who reads `lint [rule]` finds it."""

import re

from support import ROOT

LINT = ROOT / "plugins/content_lint"


def lint_rules() -> set[str]:
    """Every rule name an Issue of the content lint is made with."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in LINT.glob("*.py"))
    return set(re.findall(r'Issue\(\s*"([a-z]+(?:-[a-z]+)*)"', source))


def test_every_lint_rule_is_in_the_content_guide():
    rules = lint_rules()
    assert {"image-alt", "table-separator", "office-details", "link-http"} <= rules, rules
    guide = (ROOT / "docs/content-guide.md").read_text(encoding="utf-8")
    missing = sorted(rule for rule in rules if not re.search(rf"(?<![\w-]){re.escape(rule)}(?![\w-])", guide))
    assert missing == [], f"add these rules to the table of checks in docs/content-guide.md: {missing}"
