"""Read every `forms/<form-id>/form.yaml`, check it against the schema and the rules a schema
cannot say (unique ids, examples that fit their field), and report each mistake as a Problem
with the file and line."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from personal_data import AllowList, scan_text
from problems import Problem, ProblemsFound
from sources.based_on import key_problem
from sources.digest import content_key
from sources.front_matter import Location, SourceError, decode, load_yaml
from sources.paths import display_path
from sources.schema import SLUG_PATTERN
from sources.validation import problem_of

from .schema import HAND_TYPES, MIN_LINE_MM, FormDefinition, FormField

STAGE = "forms"
DEFINITION = "form.yaml"
# The keys of content/data/topics.yaml and the guide slugs, until the lead passes the real lists.
DEFAULT_TOPICS = ("births-deaths", "marriage-family", "residence", "id-documents",
                  "transcripts-certificates", "names-status", "general")
DEFAULT_GUIDES = ("birth", "death", "marriage", "divorce", "moving", "id-card", "transcript", "seal",
                  "adoption", "guardianship", "name-change", "indigenous-status", "initial-registration",
                  "household-split", "delegation")
# (text, lang) -> (the text with its facts in, [issues with .rule, .message, .fix]): the content
# model's placeholder resolver (content_model/facts.py); None leaves the texts as written.
Resolve = Callable[[str, str], tuple[str, list]]
EXAMPLE_PATTERNS = {
    "id-number": (r"^[A-Z][0-9]{9}$", "a letter and nine digits, e.g. A123456789"),
    "phone": (r"^[0-9+()\- ]{6,20}$", "digits with optional spaces, '-', '(', ')' or '+', e.g. 04-2635-0000"),
}


@dataclass(frozen=True)
class Form:
    """One form definition as read: its id (the folder name), where it is, and its content."""

    id: str
    folder: Path
    source: str  # the definition's path as shown in messages
    definition: FormDefinition
    lines: dict[Location, int] = field(repr=False, compare=False)
    # Whose form it is: "" for a form every site shares (the engine's, or a site's with no layer
    # beneath it), else the identity of the site's own forms folder (its own form, or its
    # override of a national one). The forms cache keeps a site's own forms apart (cache.py).
    site: str = ""

    def line_of(self, location: Location) -> int:
        location = tuple(location)
        while location and location not in self.lines:
            location = location[:-1]
        return self.lines.get(location, 1)

    def fields(self) -> Iterator[tuple[tuple, FormField]]:
        """(location, field) for every field, in order."""
        for s, section in enumerate(self.definition.sections):
            for f, form_field in enumerate(section.fields):
                yield ("sections", s, "fields", f), form_field


def form_folders(forms_dir: Path, below: Iterable[Path] = ()) -> list[Path]:
    """Every folder that holds a definition, sorted by form id: those of `forms_dir` and of the
    folders `below` it (lowest first) that no higher folder has a form of the same id in."""
    found = {}
    for folder in (*layers_below(forms_dir, below), Path(forms_dir)):
        found.update({path.parent.name: path.parent for path in folder.glob(f"*/{DEFINITION}")})
    return [found[name] for name in sorted(found)]


def layers_below(forms_dir: Path, below: Iterable[Path]) -> tuple[Path, ...]:
    """The folders beneath a site's own, without the site's own (read once, as the site's)."""
    own = Path(forms_dir).resolve()
    return tuple(Path(folder) for folder in below if Path(folder).resolve() != own)


def site_identity(forms_dir: Path) -> str:
    """A short name of a site's own forms folder, the same in every build of that site."""
    return content_key(Path(forms_dir).resolve().as_posix())[:12]


def load_definitions(forms_dir: Path, languages: Iterable[str], *, allowlist: AllowList,
                     topics: Iterable[str] = DEFAULT_TOPICS, guides: Iterable[str] = DEFAULT_GUIDES,
                     resolve: Resolve | None = None, below: Iterable[Path] = ()) -> list[Form]:
    """Every form under `forms_dir` and the folders `below` it (lowest first; a form of
    `forms_dir` replaces one of the same id beneath), sorted by id; raises ProblemsFound with
    every mistake found.

    Every example value is checked by the personal-data guard against `allowlist`
    (`personal_data.load_allowlist(ALLOWLIST_FILE, today)`); every text's fact placeholders are
    replaced by `resolve` (so the page, the PDF and the ODT say the same)."""
    forms, problems = [], []
    below = layers_below(forms_dir, below)
    own = Path(forms_dir).resolve()
    site = site_identity(forms_dir) if below else ""
    for folder in form_folders(forms_dir, below):
        form, found = load_form(folder, list(languages), resolve)
        problems += found
        if form is not None:
            if site and folder.parent.resolve() == own:
                form = replace(form, site=site)
            problems += check_form(form, set(topics), set(guides), allowlist)
            forms.append(form)
    if problems:
        raise ProblemsFound(problems)
    return forms


def resolved_texts(data, lines: dict, shown: str, languages: list[str], resolve: Resolve | None
                   ) -> tuple[object, list[Problem]]:
    """The definition's data with the facts in every text of a language (`{zh-tw: …, en: …}`)."""
    if resolve is None:
        return data, []
    problems = []

    def walk(value, location):
        if isinstance(value, dict):
            return {key: (resolve_one(inner, (*location, key), key) if isinstance(inner, str) and key in languages
                          else walk(inner, (*location, key))) for key, inner in value.items()}
        if isinstance(value, list):
            return [walk(inner, (*location, number)) for number, inner in enumerate(value)]
        return value

    def resolve_one(text: str, location: tuple, lang: str) -> str:
        value, issues = resolve(text, lang)
        line = lines.get(location, 1)
        problems.extend(Problem(shown, line, "facts", issue.rule, issue.message, issue.fix) for issue in issues)
        return value

    return walk(data, ()), problems


def load_form(folder: Path, languages: list[str], resolve: Resolve | None = None) -> tuple[Form | None, list[Problem]]:
    """(the form, []) or (None, its problems) for one folder."""
    path = folder / DEFINITION
    shown = display_path(path)
    if not re.match(SLUG_PATTERN, folder.name):
        return None, [Problem(shown, None, STAGE, "form-id", f"the folder name `{folder.name}` is not a form id",
                              "rename the folder with lower-case ASCII letters, digits and '-', e.g. "
                              "forms/marriage-agreement")]
    try:
        text = decode(shown, path.read_bytes(), STAGE)
        if (mistake := key_problem(shown, text, STAGE)) is not None:
            return None, [mistake]
        data, lines = load_yaml(shown, text, stage=STAGE)
    except SourceError as error:
        return None, [error.problem]
    lines.setdefault((), 1)
    data, fact_problems = resolved_texts(data, lines, shown, languages, resolve)
    form = Form(folder.name, folder, shown, None, lines)  # type: ignore[arg-type]
    try:
        definition = FormDefinition.model_validate(data, context={"languages": languages})
    except ValidationError as error:
        return None, fact_problems + [_schema_problem(e, form, data) for e in error.errors(include_url=False)]
    if fact_problems:
        return None, fact_problems
    return Form(folder.name, folder, shown, definition, lines), []


def _schema_problem(error: dict, form: Form, data: object) -> Problem:
    problem = problem_of(error, FormDefinition, form.source, form.line_of, STAGE)
    name = _field_id_at(data, tuple(error["loc"]))
    if name is None:
        return problem
    return Problem(problem.path, problem.line, problem.stage, problem.rule,
                   f"field `{name}`: {problem.message}", problem.fix)


def _field_id_at(data: object, location: tuple) -> str | None:
    """The `id` of the field a location is inside, when there is one."""
    if len(location) < 4 or location[0] != "sections" or location[2] != "fields":
        return None
    try:
        field_data = data["sections"][location[1]]["fields"][location[3]]
    except (KeyError, IndexError, TypeError):
        return None
    return field_data.get("id") if isinstance(field_data, dict) else None


def check_form(form: Form, topics: set[str], guides: set[str], allowlist: AllowList) -> list[Problem]:
    """The rules beyond the schema, each a Problem at the line of the value."""
    definition = form.definition
    problems = []
    if definition.topic not in topics:
        problems.append(_problem(form, ("topic",), "unknown-topic", f"unknown topic `{definition.topic}`",
                                 f"write one of: {', '.join(sorted(topics))}"))
    for index, slug in enumerate(definition.guides):
        if slug not in guides:
            problems.append(_problem(form, ("guides", index), "unknown-guide", f"unknown guide `{slug}`",
                                     f"write one of: {', '.join(sorted(guides))}"))
    problems += _duplicate_ids(form)
    for location, form_field in form.fields():
        problems += [_problem(form, (*location, key), rule, f"field `{form_field.id}`: {message}", fix)
                     for key, rule, message, fix in example_mistakes(form_field)]
        problems += _personal_data(form, location, form_field, allowlist)
    return problems


def _duplicate_ids(form: Form) -> list[Problem]:
    problems, seen_fields, seen_sections = [], {}, {}
    for s, section in enumerate(form.definition.sections):
        if section.id in seen_sections:
            problems.append(_problem(form, ("sections", s, "id"), "duplicate-id",
                                     f"the section id `{section.id}` is used twice (first on line "
                                     f"{seen_sections[section.id]})", "give each section its own id"))
        seen_sections.setdefault(section.id, form.line_of(("sections", s, "id")))
    for location, form_field in form.fields():
        line = form.line_of((*location, "id"))
        if form_field.id in seen_fields:
            problems.append(_problem(form, (*location, "id"), "duplicate-id",
                                     f"the field id `{form_field.id}` is used twice (first on line "
                                     f"{seen_fields[form_field.id]})",
                                     "give each field its own id, unique in the whole form"))
        seen_fields.setdefault(form_field.id, line)
    return problems


def example_mistakes(form_field: FormField) -> list[tuple[str, str, str, str]]:
    """[(key, rule, message, fix)] for an example or choice list that does not fit the field's type."""
    kind, values = form_field.type, example_texts(form_field)
    mistakes = []
    if (kind == "choice") != bool(form_field.choices):
        mistakes.append(("choices", "choices", "a choice field needs `choices`, and only a choice field has them",
                         "list the options under `choices` for a choice field, or remove `choices`"))
    elif kind == "choice" and len(form_field.choices) < 2:
        mistakes.append(("choices", "choices", "a choice needs at least two options",
                         "list two or more options under `choices`, or make it a `checkbox`"))
    if form_field.required and form_field.example is None:
        mistakes.append(("id", "example-missing", "a required field has no example value",
                         "add `example:` with a clearly fictitious value (the filled-in example shows it)"))
    if kind not in HAND_TYPES and form_field.box_height() / form_field.lines < MIN_LINE_MM:
        mistakes.append(("height", "box-height", f"the box would print {form_field.box_height():g} mm high for "
                         f"{form_field.lines} line(s), too low to write in by hand",
                         f"give at least {MIN_LINE_MM} mm per line (`height: {MIN_LINE_MM * form_field.lines}`), "
                         "or remove `height`"))
    for value in values:
        if kind == "checkbox" and value not in ("yes", "no"):
            mistakes.append(("example", "example", f"a checkbox example is `{value}`", "write `yes` or `no`"))
        if kind == "choice" and value not in {choice.key for choice in form_field.choices}:
            mistakes.append(("example", "example", f"the example `{value}` is not one of the choices",
                             "write the `key` of one of the choices"))
        if kind == "date" and not _is_date(value):
            mistakes.append(("example", "example", f"the example date `{value}` is not YYYY-MM-DD",
                             "write the date as YYYY-MM-DD, e.g. 2026-01-15"))
        if kind in EXAMPLE_PATTERNS and not re.match(EXAMPLE_PATTERNS[kind][0], value):
            mistakes.append(("example", "example", f"the example `{value}` is not a valid {kind}",
                             f"write {EXAMPLE_PATTERNS[kind][1]}"))
    return sorted(set(mistakes))


def example_texts(form_field: FormField) -> list[str]:
    """The example value's texts: one, or one per language."""
    example = form_field.example
    if example is None:
        return []
    return sorted(set(example.root.values())) if hasattr(example, "root") else [example]


def _is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}$", value))


def _personal_data(form: Form, location: tuple, form_field: FormField, allowlist: AllowList) -> list[Problem]:
    """The guard's problems in the field's example values, each naming the field."""
    line = form.line_of((*location, "example"))
    found = [problem for text in example_texts(form_field) for problem in scan_text(form.source, text, allowlist)]
    return [Problem(p.path, line, p.stage, p.rule, f"field `{form_field.id}`: example: {p.message}", p.fix)
            for p in found]


def _problem(form: Form, location: tuple, rule: str, message: str, fix: str) -> Problem:
    return Problem(form.source, form.line_of(location), STAGE, rule, message, fix)
