"""`python -m site_build forms` (make forms): check and generate every form alone, without the
rest of the site, with the same facts as the build; problems one per line, or a summary."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from content_model.facts import Resolver
from content_model.form_items import form_resolver
from content_model.reference import load_reference
from forms.definitions import load_definitions
from forms.generate import generate
from personal_data import ALLOWLIST_FILE, load_allowlist
from problems import ProblemsFound, print_problems
from template_env.catalogs import load_all

LANGUAGES = ("zh-tw", "en")
LOCALE_DIR = Path(__file__).resolve().parents[2] / "i18n"



def facts_resolver(content: Path):
    """The content model's placeholder resolver over content/data/facts.yaml: the same facts as the build."""
    reference, problems = load_reference(content / "data", list(LANGUAGES))
    if problems:
        raise ProblemsFound(problems)
    return form_resolver(Resolver(reference.facts, load_all(LOCALE_DIR, list(LANGUAGES), "en")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build forms", description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=Path, default=Path("forms"), help="the folder of form definitions")
    parser.add_argument("--out", type=Path, default=Path("output/forms"), help="where the files go")
    parser.add_argument("--cache", type=Path, default=Path(".cache/forms"), help="the generation cache")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="the content folder: its data/facts.yaml gives the facts the texts name")
    args = parser.parse_args(argv)
    try:
        allowlist = load_allowlist(Path(ALLOWLIST_FILE), datetime.date.today())
        forms = load_definitions(args.forms, LANGUAGES, allowlist=allowlist, resolve=facts_resolver(args.content))
        report = generate(forms, args.out, args.cache, args.workers, LANGUAGES)
    except ProblemsFound as found:
        return print_problems(found.problems, "forms") and ProblemsFound.exitcode
    print(f"forms: {len(forms)} form(s), {len(report.files)} file(s), {report.regenerated} regenerated, "
          f"{report.written} written, {report.seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
