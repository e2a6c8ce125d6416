"""`make new KIND=… SLUG=…`: write a new item in every site language (or a new form definition),
with every required field of its schema, ready to fill in.

The kinds are those of `kinds.py` (a kind with a content folder gets one Markdown file per
language, named as its folder's files are), plus `form`: `forms/<slug>/form.yaml`. The fields
come from the kind's pydantic schema, so a new kind or field needs no change here. Each field
has its description as a comment; values to write are left empty, so that until they are
filled in the build names each one, with its file, line and what to write. The slug, the
language and dates (today) are filled in.

    python -m content_model.scaffold KIND SLUG [--settings pelicanconf.py] [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import types
import typing
from pathlib import Path

from pydantic import BaseModel, RootModel

from problems import Problem, ProblemsFound, print_problems
from site_settings import load_settings
from sources.schema import SLUG_PATTERN

from .kinds import KINDS

FORM = "form"  # the form definitions under forms/ (FORMS_DIR), made into the form kind's pages
Known = dict[str, object]  # field name -> value filled in (slug, lang)


class ScaffoldError(ProblemsFound):
    """The new item cannot be written (unknown kind, bad slug, files that exist)."""

    def __init__(self, problem: Problem):
        super().__init__([problem])


def unwrap(annotation):
    """The type inside Annotated[…] and Optional[…] (X | None)."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return unwrap(options[0])
    return annotation


def blank(annotation, known: Known, today: datetime.date, languages: list[str]):
    """The value a new file starts with for one required field of this type."""
    kind = unwrap(annotation)
    if isinstance(kind, type) and issubclass(kind, RootModel):
        return dict.fromkeys(languages, "")  # Localised: one text per language
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return fields_of(kind, known, today, languages)
    if typing.get_origin(kind) is list:
        return [blank(typing.get_args(kind)[0], known, today, languages)]
    if kind is datetime.date:
        return today
    if kind is str:
        return ""
    return None  # numbers, yes/no, one of a list: to be written


def left_empty(field) -> bool:
    """A field a new item leaves empty on purpose (`reviewed`: nothing new counts as reviewed)."""
    extra = field.json_schema_extra
    return isinstance(extra, dict) and extra.get("scaffold") == "empty"


def fields_of(model: type[BaseModel], known: Known, today: datetime.date, languages: list[str]) -> dict:
    """{name: (description, value)} of the model's required fields, those marked
    `json_schema_extra={"scaffold": True}` (optional, yet wanted in a new file) and the known ones."""
    found = {}
    for name, field in model.model_fields.items():
        if name in known:
            found[name] = (field.description, known[name])
        elif left_empty(field) and field.is_required():
            found[name] = (field.description, None)
        elif field.is_required() or (field.json_schema_extra or {}).get("scaffold") is True:
            found[name] = (field.description, blank(field.annotation, {}, today, languages))
    return found


def scalar(value) -> str:
    """' value' as YAML after `key:` ('' for a value still to write)."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return " " + value.isoformat()
    return " " + json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string


def is_skeleton(value) -> bool:
    """A skeleton mapping {name: (description, value)}, as opposed to a Localised {lang: text}."""
    return isinstance(value, dict) and all(isinstance(entry, tuple) for entry in value.values())


def yaml_lines(fields: dict, indent: int = 0) -> list[str]:
    """The YAML of a skeleton, each field's description as a comment above it."""
    pad, lines = " " * indent, []
    for name, (description, value) in fields.items():
        if description:
            lines.append(f"{pad}# {description}")
        if isinstance(value, (dict, list)):
            lines += [f"{pad}{name}:", *nested_lines(value, indent + 2)]
        else:
            lines.append(f"{pad}{name}:{scalar(value)}")
    return lines


def nested_lines(value, indent: int) -> list[str]:
    """The lines of a mapping or list value below its key."""
    if is_skeleton(value):
        return yaml_lines(value, indent)
    if isinstance(value, dict):  # Localised: one text per language
        return [f"{' ' * indent}{lang}:{scalar(text)}" for lang, text in value.items()]
    lines = []
    for item in value:
        body = (nested_lines(item, indent + 2) if isinstance(item, (dict, list))
                else [" " * (indent + 2) + scalar(item).strip()])
        first = next(n for n, line in enumerate(body) if not line.lstrip().startswith("#"))
        body[first] = " " * indent + "- " + body[first].lstrip()
        lines += body
    return lines


def markdown_files(kind, slug: str, content: Path, languages: list[str], today: datetime.date) -> dict[Path, str]:
    """{path: text} of a new item of a kind with a content folder, one file per language."""
    stem = f"{today.isoformat()}-{slug}" if kind.dated else slug
    files = {}
    for lang in languages:
        header = yaml_lines(fields_of(kind.schema, {"slug": slug, "lang": lang}, today, languages))
        files[content / kind.folder / f"{stem}.{lang}.md"] = "---\n" + "\n".join(header) + "\n---\n"
    return files


def form_files(slug: str, forms: Path, languages: list[str], today: datetime.date) -> dict[Path, str]:
    from forms.schema import FormDefinition

    lines = yaml_lines(fields_of(FormDefinition, {}, today, languages))
    return {forms / slug / "form.yaml": f"# {slug}: a new form (docs/forms.md)\n" + "\n".join(lines) + "\n"}


def kind_names() -> list[str]:
    return [kind.name for kind in KINDS if kind.folder] + [FORM]


def new_files(kind_name: str, slug: str, content: Path, forms: Path, languages: list[str],
              today: datetime.date) -> dict[Path, str]:
    """The files a new item is made of; ScaffoldError if it cannot be made."""
    if not re.fullmatch(SLUG_PATTERN, slug or ""):
        raise ScaffoldError(Problem("SLUG", None, "new", "slug", f"{slug!r} is not a slug",
                                    "write lower-case ASCII letters, digits and '-', e.g. SLUG=new-service"))
    if kind_name == FORM:
        files = form_files(slug, forms, languages, today)
    else:
        kind = next((k for k in KINDS if k.name == kind_name and k.folder), None)
        if kind is None:
            raise ScaffoldError(Problem("KIND", None, "new", "kind", f"there is no content kind {kind_name!r}",
                                        f"write one of: {', '.join(kind_names())}"))
        files = markdown_files(kind, slug, content, languages, today)
    existing = [path for path in files if path.exists()]
    if existing:
        raise ScaffoldError(Problem(str(existing[0]), None, "new", "exists", "the file exists already",
                                    "choose another SLUG, or edit that file"))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m content_model.scaffold", description=__doc__.splitlines()[0])
    parser.add_argument("kind", nargs="?", default="")
    parser.add_argument("slug", nargs="?", default="")
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--kinds", action="store_true", help="print the kinds `make new` can write, as a|b|c")
    args = parser.parse_args(argv)
    if args.kinds:
        print("|".join(kind_names()))
        return 0
    try:
        settings = load_settings(args.settings, {})
        files = new_files(args.kind, args.slug, Path(settings["PATH"]), Path(settings["FORMS_DIR"]),
                          list(settings["SITE_LANGUAGES"]), args.today)
    except ProblemsFound as error:
        return print_problems(error.problems, "new") and 2
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"new: wrote {path}")
    print("new: fill in every empty value (the comment above each says what to write), then `make check`;"
          " until then the build names each empty one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
