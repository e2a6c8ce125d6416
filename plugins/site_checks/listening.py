"""The rules a page's transcript must keep (docs/listening.md): what no markup checker hears.

- `skip-link`: the first phrase after "document" is a link to a place on the same page, and
  following it (Enter: focus moves to the target, the reader follows) the first thing said
  after the landmark's name is the page's one `h1`;
- `repeated`: no phrase said twice in a row, and no landmark or region followed by a heading
  of the same name (the "region, Forms / heading, Forms" echo);
- `unnamed`: no heading without words, no landmark of a kind a page may have several of
  (navigation, search, region, form, complementary) without a name, and banner, main and
  contentinfo at most once each;
- `long-run`: nothing in <main> read as a run of more than 40 characters without a space or a
  Chinese character (a checksum, a long address typed out);
- `external-unsaid`: every link to another site says so in words, in the page's language;
- `control-name`: every link, button and field has a name with a letter or a digit in it
  (":::" or "→" alone is not a name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlsplit

from .findings import PageFinding
from .transcripts import STAGE, Step, Transcript

LANDMARKS = {"banner", "main", "contentinfo", "navigation", "search", "region", "form", "complementary"}
ONCE_ONLY = {"banner", "main", "contentinfo"}
CONTAINERS = LANDMARKS | {"group", "list", "table", "figure", "dialog"}
CONTROLS = {"link", "button", "textbox", "searchbox", "checkbox", "radio", "combobox", "listbox", "spinbutton",
            "slider", "switch", "menuitem", "tab", "option"}
LONG_RUN = 40
# A run is broken by white space and by Chinese, Japanese and full-width characters (each is a word).
RUN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]{" + str(LONG_RUN + 1) + ",}")
HEADING = re.compile(r"^heading, (?P<name>.*), level (?P<level>\d)$")


def has_words(text: str) -> bool:
    """A letter or a digit of any script."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)


def first_name(step: Step) -> str:
    """The accessible name alone: the words after the role, up to the first ', '."""
    return step.name.split(", ", 1)[0]


def is_landmark_start(step: Step) -> bool:
    return step.role in LANDMARKS


def finding(page: str, rule: str, message: str, fix: str, element: str = "") -> PageFinding:
    return PageFinding(STAGE, page, element, message, fix, rule)


def skip_link(transcript: Transcript) -> list[PageFinding]:
    page, steps = transcript.name, transcript.steps
    first = steps[1] if len(steps) > 1 else None
    if first is None or first.role != "link" or not first.href.startswith("#"):
        said = first.phrase if first else "nothing"
        return [finding(page, "skip-link", f'the first thing said is "{said}", not a link to the main content',
                        'make the first element of <body> the skip link, <a href="#main">')]
    h1s = [step.phrase for step in steps if HEADING.match(step.phrase) and step.phrase.endswith(", level 1")]
    if len(h1s) != 1:
        return [finding(page, "skip-link", f"the page has {len(h1s)} level-1 headings, so following the skip "
                        "link cannot land on the page's one h1", "give the page exactly one <h1>")]
    skip = transcript.skip
    heard = [phrase for phrase in skip.get("heard", []) if phrase.split(", ", 1)[0] not in LANDMARKS]
    if not skip.get("focusable") or not heard or heard[0] != h1s[0]:
        return [finding(page, "skip-link", f"following the skip link ({first.href}) the reader says "
                        f'"{" / ".join(skip.get("heard", [])) or "nothing"}", not the h1 "{h1s[0]}"',
                        "point the skip link at an element that takes focus (tabindex=\"-1\") just before the "
                        "h1, with nothing read between them", first.phrase)]
    return []


def repeated(transcript: Transcript) -> list[PageFinding]:
    found = []
    for before, after in zip(transcript.steps, transcript.steps[1:], strict=False):
        heading = HEADING.match(after.phrase)
        echo = (before.role in CONTAINERS and heading is not None
                and first_name(before) == heading.group("name"))
        if before.phrase == after.phrase or echo:
            found.append(finding(transcript.name, "repeated", f'"{before.phrase}" then "{after.phrase}": '
                                 "the same words twice in a row",
                                 "leave the region unnamed (a plain <section> or <div>) where its heading "
                                 "already says it, or remove the repeated text", after.phrase))
    return found


def unnamed(transcript: Transcript) -> list[PageFinding]:
    found, seen = [], {}
    for step in transcript.steps:
        if step.role == "heading" and not has_words(first_name(step)):
            found.append(finding(transcript.name, "unnamed", f'a heading without words: "{step.phrase}"',
                                 "write the heading's text, or remove the empty heading", step.phrase))
        if not is_landmark_start(step):
            continue
        seen[step.role] = seen.get(step.role, 0) + 1
        if step.role not in ONCE_ONLY and not has_words(first_name(step)):
            found.append(finding(transcript.name, "unnamed", f'a {step.role} landmark without a name: '
                                 f'"{step.phrase}"', "name it (aria-label or aria-labelledby), or, for a "
                                 "<section>, leave out the landmark if its heading is enough", step.phrase))
    found += [finding(transcript.name, "unnamed", f"{count} {role} landmarks: a page has one",
                      f"keep one <{'header' if role == 'banner' else 'footer' if role == 'contentinfo' else 'main'}> "
                      "at the top level of <body>")
              for role, count in seen.items() if role in ONCE_ONLY and count > 1]
    return found


def long_runs(transcript: Transcript) -> list[PageFinding]:
    found = []
    for step in transcript.steps:
        run = RUN.search(step.phrase) if step.main else None
        if run:
            found.append(finding(transcript.name, "long-run", f"read aloud character by character: "
                                 f'"{run.group()[:60]}…" ({len(run.group())} characters without a space)',
                                 "do not show checksums, long addresses or codes inline: link them with words, or "
                                 "put them in a file linked once", step.phrase))
    return found


def is_external(href: str, own_hosts: set[str]) -> bool:
    parts = urlsplit(href)
    return parts.scheme in ("http", "https", "") and bool(parts.netloc) and parts.hostname not in own_hosts


def external_unsaid(transcript: Transcript, cue: str, own_hosts: set[str]) -> list[PageFinding]:
    return [finding(transcript.name, "external-unsaid", f'a link to another site that does not say so: "{step.phrase}" '
                    f"({step.href})", f'end the link\'s text with "{cue}" (the external-link cue, added by the '
                    "build to Markdown links and by the external_link macro in templates)", step.phrase)
            for step in transcript.steps
            if step.role == "link" and is_external(step.href, own_hosts) and cue not in step.phrase]


def control_names(transcript: Transcript) -> list[PageFinding]:
    return [finding(transcript.name, "control-name", f'a {step.role} without a name in words: "{step.phrase}"',
                    "give it a name a listener understands (its text, a <label>, or aria-label); keep symbols "
                    "such as ::: visible but hidden from the name (aria-hidden)", step.phrase)
            for step in transcript.steps if step.role in CONTROLS and not has_words(first_name(step))]


def check(transcript: Transcript, cue_of: Callable[[str], str], own_hosts: set[str]) -> list[PageFinding]:
    """Every rule's findings on one page; `cue_of(html_lang)` is the external-link cue of a language."""
    return [*skip_link(transcript), *repeated(transcript), *unnamed(transcript), *long_runs(transcript),
            *external_unsaid(transcript, cue_of(transcript.lang), own_hosts), *control_names(transcript)]
