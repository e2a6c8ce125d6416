"""Transcripts: what a screen reader says, phrase by phrase, reading a built page from start to
end (@guidepup/virtual-screen-reader over jsdom, transcripts.mjs; docs/listening.md).

Every page of a job is read in ONE Node process. A page is read as a browser with JavaScript
has it: the built file itself, or (for a page whose scripts change what is there, such as the
search page with its results) a copy of the DOM that Chromium made of it (`snapshots`). jsdom
renders nothing and evaluates no media query, so the site's stylesheets are read here as a
browser of `LISTENING_MEDIA` reads them: the rules of that width kept, the others left out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .findings import CheckCannotRun

SCRIPT = Path(__file__).with_name("transcripts.mjs")
STAGE = "listen"
TIMEOUT_SECONDS = 900
# The browser the pages are listened in: a desktop window (most screen-reader users are on a
# computer), 16 px text, no forced colours, no reduced motion. A media feature the stylesheet
# asks about that is not answered here stops the run (never silently guessed).
LISTENING_MEDIA = {
    "width": 1280,
    "height": 900,
    "fontSize": 16,
    "features": {"forced-colors": "none", "prefers-reduced-motion": "no-preference",
                 "prefers-color-scheme": "light", "prefers-contrast": "no-preference"},
}
END_OF_DOCUMENT = "end of document"


@dataclass(frozen=True)
class Step:
    """One phrase, and where the reader was: the element ('#text' for text), whether it is in
    <main>, and the href of the link it belongs to ('' when none)."""

    phrase: str
    tag: str
    main: bool
    href: str

    @property
    def is_text(self) -> bool:
        return self.tag == "#text"

    @property
    def role(self) -> str:
        """The role the phrase announces ('link', 'heading', 'end of list', …); '' for text."""
        return "" if self.is_text else self.phrase.split(", ", 1)[0]

    @property
    def name(self) -> str:
        """The words after the role: the accessible name, then any description and states."""
        return self.phrase if self.is_text else self.phrase.partition(", ")[2]


@dataclass(frozen=True)
class Transcript:
    """A page as heard: every step, what following its first link led to, its language."""

    name: str  # the page's path in the site, e.g. 'en/forms/index.html'
    lang: str  # <html lang>
    steps: tuple[Step, ...]
    skip: dict = field(default_factory=dict)  # {href, target, focusable, heard}

    @property
    def phrases(self) -> list[str]:
        return [step.phrase for step in self.steps]

    def text(self) -> str:
        """The reviewed form: one phrase a line (a line break inside a phrase becomes a space)."""
        return "".join(" ".join(phrase.split()) + "\n" for phrase in self.phrases)


def node_job(pages: dict[str, Path], site: Path, base_path: str, node_modules: Path) -> dict:
    return {"nodeModules": str(node_modules.resolve()), "site": str(site.resolve()), "basePath": base_path,
            "media": LISTENING_MEDIA, "pages": [{"name": name, "file": str(path.resolve())}
                                                for name, path in sorted(pages.items())]}


def listen(site: Path, node_modules: Path, snapshots: dict[str, Path] | None = None, only: list[str] | None = None,
           base_path: str = "") -> dict[str, Transcript]:
    """{page name: Transcript} of every HTML page of the built `site` (or the names in `only`);
    a page in `snapshots` is read from that file (Chromium's DOM of it) instead of its own.
    Raises CheckCannotRun when Node, jsdom or the screen reader is missing, or a page could not
    be read through."""
    node = shutil.which("node")
    if node is None:
        raise CheckCannotRun("node", STAGE, "Node.js is not installed: pages are listened to with Node",
                             "run `make test` (it installs the Debian packages nodejs and npm)")
    names = only if only is not None else sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    pages = {name: (snapshots or {}).get(name, site / name) for name in names}
    result = subprocess.run([node, str(SCRIPT)], input=json.dumps(node_job(pages, site, base_path, node_modules)),
                            capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise CheckCannotRun(SCRIPT.name, STAGE, f"listening stopped (exit {result.returncode}): "
                             f"{(result.stderr or result.stdout)[-400:]}",
                             "run `npm ci --ignore-scripts`, then try again") from None
    if "problem" in report:
        problem = report["problem"]
        raise CheckCannotRun(SCRIPT.name, STAGE, f"{problem['rule']}: {problem['message']}", problem["fix"])
    failed = [page for page in report["pages"] if "error" in page]
    if failed:
        raise CheckCannotRun(failed[0]["name"], STAGE, f"the page could not be listened to: {failed[0]['error']}"
                             + (f" (and {len(failed) - 1} more page(s))" if len(failed) > 1 else ""),
                             "open the page in a browser; a page that never ends or cannot be parsed is a bug")
    return {page["name"]: Transcript(page["name"], page["lang"], tuple(Step(**step) for step in page["steps"]),
                                     page["skip"])
            for page in report["pages"]}
