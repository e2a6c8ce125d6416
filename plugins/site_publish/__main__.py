"""python -m site_publish go-live|deploy|rollback|status (what `make publish` and `make rollback` run).

Exit status: 0 done, 1 refused (a problem line says why), 2 the target failed (nothing changed)."""

from __future__ import annotations

import argparse
import datetime
import os
import shlex
import sys
from pathlib import Path

from content_model.reviews_due import due_reviews
from problems import ProblemsFound, print_problems
from site_settings.site_settings import read

from .deploy import KEEP, check_deployable, deploy, git_commit, release_name, rollback, status
from .golive import go_live_problems
from .target import Target, TargetError

ROOT = Path(__file__).resolve().parents[2]
SERVER_CONFIG = ROOT / "deploy" / "nginx.conf"  # what the server sends with every page (docs/publishing.md)


def settings_of(settings_file: Path, staging: bool):
    overrides = {"SITE_STAGING": True} if staging else {}
    return read(settings_file, overrides)


def list_reviews(settings) -> None:
    """Every review that is due (never done, or more than a year old): listed, not refused."""
    due = due_reviews(Path(settings["PATH"]), list(settings["SITE_LANGUAGES"]), datetime.date.today(),
                      settings.get("CONTENT_MODEL_LAYERS", []))
    for problem in due:
        print(f"warning: {problem}")
    print(f"go-live: {len(due)} review(s) due: the facts listed above were never checked, or not for a year "
          "(the staff review page /review/ lists every date)" if due else "go-live: every review is current")


def go_live(args) -> int:
    site, settings = settings_of(args.settings, args.staging)
    problems = go_live_problems(site, args.settings, Path(settings["OFFICE_DATA_FILE"]),
                                list(settings["SITE_LANGUAGES"]), SERVER_CONFIG)
    list_reviews(settings)
    if args.staging:
        for problem in problems:
            print(f"staging: {problem}")
        print(f"go-live: {len(problems)} item(s) not confirmed; a staging build says so on every page")
        return 0
    return print_problems(problems, "go-live")


def target_of(args) -> Target:
    return Target.parse(args.target or os.environ.get("DEPLOY_TARGET", ""), os.environ.get("DEPLOY_SSH", "ssh"))


def run_deploy(args) -> int:
    site, _ = settings_of(args.settings, args.staging)
    check_deployable(args.site, site, args.settings)
    target = target_of(args)
    # Named by the commit of the repository being published (make runs in it), not the engine's.
    name = release_name(git_commit(Path.cwd()), datetime.datetime.now(datetime.UTC))
    name = deploy(args.site, target, name, args.keep, shlex.split(os.environ.get("RSYNC_FLAGS", "")))
    print(f"deploy: {target}/releases/{name} is live ({target}/current); {site.base_url}/")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m site_publish", description=__doc__.splitlines()[0])
    commands = main.add_subparsers(dest="command", required=True)
    for name in ("go-live", "deploy", "rollback", "status"):
        command = commands.add_parser(name)
        if name in ("go-live", "deploy"):
            command.add_argument("--settings", type=Path, default=Path("publishconf.py"))
            command.add_argument("--staging", action="store_true", help="a staging publish (banner on every page)")
        if name != "go-live":
            command.add_argument("--target", default="", help="a folder or user@host:/folder (default: $DEPLOY_TARGET)")
    commands.choices["deploy"].add_argument("--site", type=Path, default=Path("output"))
    commands.choices["deploy"].add_argument("--keep", type=int, default=KEEP)
    return main


def run(args) -> int:
    if args.command == "go-live":
        return go_live(args)
    if args.command == "deploy":
        return run_deploy(args)
    target = target_of(args)
    if args.command == "rollback":
        print(f"rollback: {target}/current is now releases/{rollback(target)}")
    else:
        print(status(target), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run(args)
    except TargetError as error:  # the target failed: exit 2
        print_problems(error.problems, args.command)
        return 2
    except ProblemsFound as error:  # refused: exit 1
        return print_problems(error.problems, args.command)


if __name__ == "__main__":
    sys.exit(main())
