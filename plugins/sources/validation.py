"""Check parsed data against a schema (a pydantic model) and report each mistake as a Problem
with the file, the line of the key, and a fix taken from the field's description."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from problems import Problem

from .dates import date_hint
from .front_matter import Location

DOCS = "docs/content-guide.md"


def dotted(location: Location) -> str:
    """`documents[2].name` for ('documents', 2, 'name')."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def fields_of(current: object, part) -> dict | None:
    """The fields of a model; of the model inside a RootModel (a data file's list or mapping)
    when `part` is not a field of its own."""
    fields = getattr(current, "model_fields", None)
    if fields and part not in fields and "root" in fields:
        fields = getattr(_model_inside(fields["root"].annotation), "model_fields", None)
    return fields


def field_at(model: type[BaseModel], location: Location) -> FieldInfo | None:
    """The pydantic field a location points at (list indexes skipped), or None."""
    info = None
    current: object = model
    for part in location:
        if isinstance(part, int):
            continue
        fields = fields_of(current, part)
        if not fields or part not in fields:
            return info if part not in ("", None) else None
        info = fields[part]
        current = _model_inside(info.annotation)
    return info


def _model_inside(annotation) -> object:
    """The model class inside `Model`, `list[Model]`, `Model | None` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _model_inside(argument)
        if found is not None:
            return found
    return None


def accepted_keys(model: type[BaseModel], location: Location) -> list[str]:
    """The keys a mapping at `location` accepts (the parent of an unknown key)."""
    current: object = model
    for part in location:
        if isinstance(part, int):
            continue
        fields = fields_of(current, part) or {}
        if part not in fields:
            break
        current = _model_inside(fields[part].annotation)
    return sorted(fields_of(current, None) or {})


def problem_of(error: dict, model: type[BaseModel], path: str, line_of: Callable[[Location], int],
               stage: str) -> Problem:
    """One pydantic error as a Problem: unknown key, missing key or wrong value."""
    location = tuple(error["loc"])
    name = dotted(location) or "header"
    info = field_at(model, location)
    hint = (info.description or "") if info else ""
    if error["type"] == "extra_forbidden":
        keys = ", ".join(accepted_keys(model, location[:-1]))
        return Problem(path, line_of(location), stage, "unknown-key", f"unknown key `{name}`",
                       f"remove it, or correct its spelling; the keys accepted here are: {keys}.")
    if error["type"] == "missing":
        fix = f"add `{location[-1]}: …`" + (f" ({hint})" if hint else "") + f"; see {DOCS}."
        return Problem(path, line_of(location[:-1]), stage, "missing-key", f"the key `{name}` is missing", fix)
    value = error.get("input")
    shown = f" (it is {value!r})" if isinstance(value, (str, int, float)) and len(str(value)) < 80 else ""
    fix = f"write {hint}" if hint else f"correct the value; see {DOCS}"
    return Problem(path, line_of(location), stage, "invalid-value", f"`{name}`: {error_words(error)}{shown}", fix)


def error_words(error: dict) -> str:
    """What a pydantic error says, in words: a value that does not have the form wanted never
    quotes the regular expression it was checked with (the fix says the form, from the field's
    description), and a date in another form says what it probably means (sources.dates)."""
    if error["type"] == "string_pattern_mismatch":
        return "the value is not written in the form wanted here"
    message = error["msg"][0].lower() + error["msg"][1:]
    hint = date_hint(error.get("input")) if error["type"].startswith(("date", "datetime")) else ""
    return f"{message}; {hint}" if hint else message


def validate(model: type[BaseModel], data: object, path: str, line_of: Callable[[Location], int],
             stage: str = "header", context: dict | None = None) -> tuple[BaseModel | None, list[Problem]]:
    """(the validated model, []) or (None, every problem found)."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as error:
        problems = [problem_of(e, model, path, line_of, stage) for e in error.errors(include_url=False)]
        return None, problems
