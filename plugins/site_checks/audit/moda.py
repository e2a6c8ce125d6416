"""Taiwan's national rules: MODA 網站無障礙規範 115.11 at level AA, checked by the a11y-moda
package (an unofficial community tool; the official checker is MODA's Freego).

Each page is fetched over HTTP from the local server, as the browser sees it (root-relative
CSS loads), by a11y-moda's static scanner (`--no-render`). The pages are the audit's own
list, so every built page is scanned, 404 pages included (a11y-moda's `site` command would
find pages through sitemap.xml and stop at 30). A code of the 115.11 table that fails
blocks; a11y-moda's own audit items (spec "local", e.g. H309204) are reported, never block;
codes 115.11 retired are left out. A page that could not be fetched, or on which a rule
crashed, is an error: it was not checked.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from importlib.metadata import version

from bs4 import BeautifulSoup

SPEC = "115.11"
LOCAL = "local"  # a11y-moda's own audit items, not codes MODA publishes
LEVEL = "AA"
NOT_RUN_NOTE = "LLM_NOT_CONFIGURED"  # rules that need a language model; counted as not run
BLOCKED = "BLOCKED_PRIVATE_REQUESTS"  # the page's CSS or scripts were not loaded: not a real check
CRASH_PREFIX = "檢測發生異常"  # a rule raised: a11y-moda turns it into a caveat
HELP_URL = "https://accessibility.moda.gov.tw/"


def moda_version() -> str:
    return version("a11y-moda")


def checks_run() -> list[str]:
    """The 115.11 codes a scan at level AA runs here (those that need a language model don't)."""
    from a11y_moda.models import Level
    from a11y_moda.rules import all_rules

    return sorted(
        rule.meta.rule_id
        for rule in all_rules(Level[LEVEL])
        if rule.meta.spec == SPEC and not rule.uses_llm
    )


def options_fingerprint() -> str:
    """What, besides the page and the tool's version, decides a result (for the cache key)."""
    return f"spec={SPEC} level={LEVEL} render=no"


@contextlib.contextmanager
def private_hosts_allowed():
    """a11y-moda refuses 127.0.0.1 unless told (its CLI's --allow-private-hosts): while scanning."""
    before = os.environ.get("A11Y_ALLOW_PRIVATE_HOSTS")
    os.environ["A11Y_ALLOW_PRIVATE_HOSTS"] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("A11Y_ALLOW_PRIVATE_HOSTS", None)
        else:
            os.environ["A11Y_ALLOW_PRIVATE_HOSTS"] = before


def element_lines(html: str, snippet: str) -> list[int]:
    """The lines of the elements whose markup starts like `snippet` (`str(tag)[:300]`)."""
    if not snippet.startswith("<"):
        return []
    soup = BeautifulSoup(html, "html.parser")
    return [
        tag.sourceline
        for tag in soup.find_all(True)
        if tag.sourceline and str(tag).startswith(snippet)
    ]


def slim_issue(issue) -> dict:
    return {
        "code": issue.rule_id,
        "wcag": issue.guideline,
        "desc": issue.desc,
        "message": issue.message,
        "snippet": issue.snippet,
        "status": issue.status,
        "spec": getattr(issue, "spec", SPEC),
    }


def page_error(report) -> str:
    """Why a page was not really checked, or ''."""
    if report.fetch_error:
        return f"a11y-moda could not fetch the page: {report.fetch_error}"
    for issue in report.issues:
        if issue.rule_id == BLOCKED:
            return f"a11y-moda blocked the page's own requests: {issue.snippet}"
        if issue.message.startswith(CRASH_PREFIX):
            return f"a11y-moda rule {issue.rule_id} crashed: {issue.message}"
    return ""


def result_of(report, html: str) -> dict:
    """One page's result: the 115.11 and local issues, each with its line; or the error."""
    error = page_error(report)
    if error:
        return {"error": error, "issues": []}
    issues, seen = [], {}
    for issue in report.issues:
        spec = getattr(issue, "spec", SPEC)
        if issue.rule_id == NOT_RUN_NOTE or spec not in (SPEC, LOCAL):
            continue
        slim = slim_issue(issue)
        place = (issue.rule_id, issue.snippet)
        occurrence = seen[place] = seen.get(place, -1) + 1
        lines = element_lines(html, issue.snippet) if issue.status == "fail" else []
        slim["line"] = (
            lines[occurrence] if occurrence < len(lines) else (lines[0] if lines else None)
        )
        issues.append(slim)
    return {"error": "", "issues": issues}


def scan_pages(
    pages: dict[str, str], html: dict[str, bytes], done: Callable[[str], None]
) -> dict[str, dict]:
    """{page name: result} for {page name: URL}; `html` holds each page's bytes (for lines)."""
    from a11y_moda.models import Level
    from a11y_moda.scanner import scan_page

    results = {}
    with private_hosts_allowed():
        for name, url in pages.items():
            try:
                report = scan_page(url, level=Level[LEVEL], render=False)
                results[name] = result_of(report, html[name].decode("utf-8", "replace"))
            except Exception as error:  # the tool itself failed on this page: an error, not a pass
                results[name] = {
                    "error": f"a11y-moda failed: {type(error).__name__}: {error}",
                    "issues": [],
                }
            done(name)
    return results


def is_blocking(issue: dict) -> bool:
    return issue["status"] == "fail" and issue["spec"] == SPEC and not issue.get("allowed")


def is_custom_item(issue: dict) -> bool:
    return issue["status"] == "fail" and issue["spec"] == LOCAL
