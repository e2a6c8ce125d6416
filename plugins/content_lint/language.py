"""Language of parts: a passage in another language must be marked with `lang`, so that
screen readers switch voice. This is a heuristic over each text node of the rendered body:

- The language of a text node is the `lang` of its closest ancestor that has one; with none,
  it is the item's own language.
- On a zh-tw item, an English passage is a run of 4 or more Latin-script words in a text node
  whose language does not start with "en". A word is `[A-Za-z][A-Za-z'’.-]*` (taken whole, so
  "e-mail" is one word); words are separated by spaces, commas or hyphens. Digits and other
  signs end a run, so "WCAG 2.2 AA", "NT$1,200" or a lone "Cookie" are not reported. Fewer
  than 4 words (names, acronyms, short terms) are left to the author's judgement.
- On an en item, any Chinese character (CJK Unified Ideographs, with Extension A) in a text
  node whose language does not start with "zh" is reported, one issue per run of characters.
- Text inside <code>, <pre>, <kbd>, <samp>, <script> and <style> is skipped, and so are URLs
  (http://, https://, www.) and e-mail addresses.

Each text node is judged on its own: a phrase split by inline markup is judged in parts.
"""

from __future__ import annotations

import re

from sources.scripts import CHINESE_RUN, ENGLISH_RUN

from .issues import Issue, LintContext, Occurrences, shorten
from .tree import prose

# URLs and e-mail addresses, in ASCII only: a Chinese word written right after one is still text.
ADDRESS = re.compile(r"(?:https?://|www\.)[!-~]+"
                     r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def runs(root, run: re.Pattern, marked_prefix: str) -> list[tuple[str, bool]]:
    """(run, is marked) for every run of text matching `run`, in document order; a run is marked
    when its node's language starts with the prefix."""
    found = []
    for text, lang in prose(root):
        marked = lang is not None and lang.startswith(marked_prefix)
        text = ADDRESS.sub("|", text)
        found += [(" ".join(m.group(0).split()), marked) for m in run.finditer(text)]
    return found


def unmarked_issues(root, run: re.Pattern, marked_prefix: str, what: str, lang_attr: str) -> list[Issue]:
    issues, occurrences = [], Occurrences()
    for text, marked in runs(root, run, marked_prefix):
        occurrence = occurrences.next(text)  # counts marked runs too: they are in the source as well
        if not marked:
            issues.append(Issue("language", f"{what} {shorten(text)!r} is not marked as {what.split()[0]}",
                                f'wrap it in `<span lang="{lang_attr}">{shorten(text)}</span>`.', (text,),
                                occurrence))
    return issues


def check(root, context: LintContext) -> list[Issue]:
    """On zh items, unmarked English passages; on en items, unmarked Chinese text."""
    if context.lang.startswith("zh"):
        return unmarked_issues(root, ENGLISH_RUN, "en", "English passage", "en")
    if context.english:
        return unmarked_issues(root, CHINESE_RUN, "zh", "Chinese text", "zh-Hant-TW")
    return []
