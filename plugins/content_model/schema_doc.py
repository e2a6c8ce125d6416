"""The header keys of every content kind as Markdown tables, made from the schemas themselves,
so that docs/content-guide.md can never drift from what the build accepts.

    PYTHONPATH=plugins python -m content_model.schema_doc --write docs/content-guide.md
"""

from __future__ import annotations

import argparse
import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from .kinds import KINDS

START, END = "<!-- header keys: start (made by content_model.schema_doc) -->", "<!-- header keys: end -->"


def type_name(annotation) -> str:
    """A short, readable type: text, number, date, yes/no, list of …, one of …."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin in (list, tuple):
        return f"list of {type_name(args[0])}"
    if args and type(None) in args:
        return " or ".join(type_name(a) for a in args if a is not type(None))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"`{annotation.__name__}`: " + ", ".join(f"`{n}`" for n in annotation.model_fields)
    names = {"str": "text", "int": "whole number", "date": "date (YYYY-MM-DD)", "bool": "`true`/`false`"}
    return names.get(getattr(annotation, "__name__", ""), getattr(annotation, "__name__", str(annotation)))


def table(model: type[BaseModel]) -> list[str]:
    rows = ["| key | required | type | what to write |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        required = "yes" if field.is_required() else "no"
        description = (field.description or "").replace("|", "\\|")
        rows.append(f"| `{name}` | {required} | {type_name(field.annotation).replace('|', '/')} | {description} |")
    return rows


def keys_section() -> str:
    lines = [START]
    for kind in KINDS:
        if kind.folder is None:
            continue
        lines += ["", f"### {kind.name} (`content/{kind.folder}/`)", "", *table(kind.schema)]
    return "\n".join([*lines, "", END])


def updated(document: str) -> str:
    before, _, rest = document.partition(START)
    _, _, after = rest.partition(END)
    return before + keys_section() + after


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="rewrite the keys section of this Markdown file")
    args = parser.parse_args(argv)
    if args.write:
        args.write.write_text(updated(args.write.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(keys_section())
    return 0


if __name__ == "__main__":
    sys.exit(main())
