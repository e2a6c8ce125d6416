"""Glossary: an English page uses the one English term the glossary (content/data/glossary.yaml)
settles for each Chinese term, never a variant it lists under `avoid`. Matching ignores case
and spacing, takes whole words (and their plural) only, and skips text marked as another
language and code. It also runs on titles and summaries, which are plain text."""

from __future__ import annotations

import re

from .issues import Issue, LintContext, Occurrences
from .language import declared_lang, text_nodes


def variant_pattern(variant: str) -> re.Pattern:
    """The variant as whole words, in any case and spacing, also in the plural (-s, -es)."""
    words = r"\s+".join(re.escape(word) for word in variant.split())
    return re.compile(rf"(?<![A-Za-z0-9-]){words}(?:e?s)?(?![A-Za-z0-9-])", re.I)


def avoided(terms) -> list[tuple[re.Pattern, str, object]]:
    """(pattern, variant, term) for every avoided variant, the longest first."""
    pairs = [(variant, term) for term in terms for variant in term.avoid]
    return [(variant_pattern(v), v, t) for v, t in sorted(pairs, key=lambda p: -len(p[0]))]


def check(soup, context: LintContext) -> list[Issue]:
    """An issue for each avoided English variant on an English page."""
    if not context.english or not context.glossary:
        return []
    issues, occurrences = [], Occurrences()
    patterns = avoided(context.glossary)
    for node in text_nodes(soup):
        lang = declared_lang(node)
        if lang is not None and not lang.startswith("en"):
            continue
        text = str(node)
        for pattern, variant, term in patterns:
            for match in pattern.finditer(text):
                issues.append(Issue(
                    "glossary", f"{match.group(0)!r} is a variant the glossary avoids for {term.zh}",
                    f"write {term.en!r} (content/data/glossary.yaml, term `{term.id}`).",
                    (variant_pattern(variant),), occurrences.next(variant.lower())))
            text = pattern.sub(lambda m: "\0" * len(m.group(0)), text)  # a longer variant wins
    return issues
