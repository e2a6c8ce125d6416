"""Amounts of money in Chinese text are written the way the counter and the law write them:
新臺幣15元, not NT$15 (English text keeps NT$15)."""

from __future__ import annotations

import re

from .issues import Issue, LintContext, Occurrences
from .tree import texts_in

NT_DOLLARS = re.compile(r"NT\$\s*([\d,]+)")


def text_issues(text: str, context: LintContext, occurrences: Occurrences) -> list[Issue]:
    """The NT$ amounts in one piece of Chinese text."""
    return [Issue("currency", f"the amount {match.group(0)!r} is written in the English way",
                  f"write it as 新臺幣{match.group(1)}元.", (match.group(0),), occurrences.next(match.group(0)))
            for match in NT_DOLLARS.finditer(text)]


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each NT$ amount in Chinese text."""
    if not context.lang.startswith("zh"):
        return []
    occurrences = Occurrences()
    return [issue for text in texts_in(root, "zh") for issue in text_issues(text, context, occurrences)]
