"""Glossary: an English page uses the one English term the glossary (content/data/glossary.yaml)
settles for each Chinese term, never a variant it lists under `avoid`. Matching ignores case
and spacing, takes whole words (and their plural) only, and skips text marked as another
language and code. It also runs on titles and summaries, form texts and the English of the
reference data, which are plain text.

A variant that differs from the term only in its capitals (`National ID Card` for `national ID
card`) is matched with exactly those capitals, so the term itself, capitalised at the start of
a sentence, is not taken for it."""

from __future__ import annotations

import re

from .issues import Issue, LintContext, Occurrences
from .tree import texts_in

WORD = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9]*")


def variant_pattern(variant: str, exact_case: bool = False) -> re.Pattern:
    """The variant as whole words, in any case (or, `exact_case`, only in its own capitals) and
    spacing, also in the plural (-s, -es)."""
    words = r"\s+".join(re.escape(word) for word in variant.split())
    return re.compile(rf"(?<![A-Za-z0-9-]){words}(?:e?s)?(?![A-Za-z0-9-])", 0 if exact_case else re.I)


def same_words(variant: str, term: str) -> bool:
    """True when a variant is the term in other capitals."""
    return " ".join(variant.lower().split()) == " ".join(term.lower().split())


def avoided(terms) -> dict[str, list[tuple[re.Pattern, str, object]]]:
    """{first word, lower-case: [(pattern, variant, term), …] longest first} for every avoided
    variant: a text is read word by word and only the variants that start with that word are
    tried (compiled once per build by the Linter: `LintContext.avoided_terms`)."""
    by_word: dict[str, list] = {}
    pairs = sorted(((variant, term) for term in terms for variant in term.avoid), key=lambda p: -len(p[0]))
    for variant, term in pairs:
        first = re.match(r"[A-Za-z][A-Za-z0-9]*", variant.split()[0])
        key = first.group(0).lower() if first else variant.lower()
        by_word.setdefault(key, []).append((variant_pattern(variant, same_words(variant, term.en)), variant, term))
    return by_word


def text_issues(text: str, context: LintContext, occurrences: Occurrences) -> list[Issue]:
    """The avoided variants in one piece of English text (a longer variant wins)."""
    by_word = context.avoided_terms
    issues, end = [], 0
    for word in WORD.finditer(text):
        if word.start() < end:
            continue
        for pattern, variant, term in by_word.get(word.group(0).lower(), ()):
            match = pattern.match(text, word.start())
            if match:
                end = match.end()
                issues.append(Issue(
                    "glossary", f"{match.group(0)!r} is a variant the glossary avoids for {term.zh}",
                    f"write {term.en!r} (content/data/glossary.yaml, term `{term.id}`).",
                    (pattern,), occurrences.next(variant.lower())))
                break
    return issues


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each avoided English variant on an English page."""
    if not context.english:
        return []
    occurrences = Occurrences()
    return [issue for text in texts_in(root, "en") for issue in text_issues(text, context, occurrences)]
