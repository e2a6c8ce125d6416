"""Which content is national, declared ONCE: the files every household registration office
shows the same (the guides, the reference data, the generic pages), as opposed to the office's
own (its news, disclosures, office details, pages that name it).

The engine ships exactly these files as its national content layer (the wheel's build hook,
.ci/hatch_build.py, reads this list), and a build reads exactly these files from a layer beneath
the site's own content (content_model/layers.py). This module imports nothing of the project:
the wheel's build reads it on its own.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

# Patterns over paths relative to a content folder (`*` also crosses `/`).
NATIONAL = (
    "guides/*.md",
    "data/topics.yaml",
    "data/laws.yaml",
    "data/sources.yaml",
    "data/glossary.yaml",
    "data/facts.yaml",
    "data/disclosure-categories.yaml",
    # The pages the templates rely on and the section pages, where they do not name an office
    # (privacy, open data and about name the office: every site writes its own, `new-site` does).
    *(f"pages/{slug}.*.md" for slug in ("home", "404", "sitemap", "accessibility", "contact", "search",
                                         "news", "forms", "guides", "disclosures", "glossary", "faq",
                                         "services", "opinions", "appointments")),
)

# What a new office's site starts from (`python -m site_build new-site`), with the office's name
# put in: the pages that name the office, and the checks people do by hand.
STARTER = ("pages/privacy.*.md", "pages/open-data.*.md", "data/manual-checks.yaml")
# The checks' own files (in .ci/) a new site starts from, as they are: the personal-data
# allow-list (the sample ID number the forms' examples print), the axe-core rules, the audit's
# allow-list (empty), and the script that finds a Python 3.12 or newer for the site's venv.
STARTER_CI = ("personal-data-allowlist.toml", "axe-rules.toml", "audit-allowlist.toml", "find-python")
# The office's name in the starter files, as this repository (the Longjing office's site) writes it.
STARTER_NAMES = {"zh-tw": ("臺中市龍井區戶政事務所",),
                 "en": ("Longjing District Household Registration Office, Taichung City",
                        "Longjing District Household Registration Office")}


def is_national(relative: str) -> bool:
    """True if a file (its path relative to a content folder, with `/`) is national content."""
    return any(fnmatchcase(relative, pattern) for pattern in NATIONAL)
