"""Component examples: every component of theme/templates/components/ rendered alone, in every
language, from the examples declared beside it (`<component>.examples.yaml`), each inside the
site's page frame, into `_components/` — only in a build made with SITE_COMPONENT_EXAMPLES =
True (tests/browser/test_components.py checks every example with axe and the Nu checker). A
real build never writes them. docs/architecture.md, "Where a site-wide page element goes"."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from markupsafe import Markup
from pydantic import Field, RootModel

from problems import Problem, ProblemsFound
from sources.front_matter import load_yaml
from sources.paths import display_path
from sources.schema import Slug, Strict
from sources.validation import validate

FOLDER = "_components"  # in the output, of a build with SITE_COMPONENT_EXAMPLES
SUFFIX = ".examples.yaml"
TEMPLATE = "component_example"
STAGE = "components"


class ExampleSpec(Strict):
    """One example of a component."""

    name: Slug
    title: str = Field(description="what the example shows, in English, e.g. `The office's contact details`")
    render: str = Field(description="Jinja that shows the component: `{{ component.a_macro(lang) }}` (the "
                                    "component file is imported as `component`), or `{% include … %}`")
    page: str = Field("home", description="the page shown as `page`: a page's path (home, forms/move) or a "
                                          "content kind whose first item is used (guide, news, form)")
    head: bool = Field(False, description="`true` for a component that belongs in the page's <head> (links)")
    site: dict[str, bool] = Field(default_factory=dict,
                                  description="what to change in `site` for the example, e.g. `staging: true`")


class ExampleFile(RootModel[list[ExampleSpec]]):
    """A component's examples: a list."""


@dataclasses.dataclass(frozen=True)
class Example:
    component: str  # the component's file name without .html
    spec: ExampleSpec
    has_macros: bool  # a file of macros (imported as `component`), or a piece to include

    def file(self, lang: str) -> str:
        """Its page in the output, e.g. `_components/office--contact-list.en.html`."""
        return f"{FOLDER}/{self.component}--{self.spec.name}.{lang}.html"


def components(folder: Path) -> list[str]:
    """The components: every template in theme/templates/components/."""
    return sorted(path.stem for path in folder.glob("*.html"))


def read_examples(folder: Path, component: str) -> tuple[list[Example], list[Problem]]:
    """One component's examples, or the problems of its examples file."""
    path = folder / f"{component}{SUFFIX}"
    if not path.is_file():
        return [], [Problem(display_path(folder / f"{component}.html"), None, STAGE, "no-examples",
                            "this component has no examples",
                            f"write {path.name} beside it: a list of `name`, `title`, `render`")]
    shown = display_path(path)
    data, lines = load_yaml(shown, path.read_text(encoding="utf-8"), stage=STAGE, what="the file")
    model, problems = validate(ExampleFile, data, shown, lambda location: lines.get(location, 1), stage=STAGE)
    if model is None:
        return [], problems
    macros = "{% macro" in (folder / f"{component}.html").read_text(encoding="utf-8")
    return [Example(component, spec, macros) for spec in model.root], []


def load_examples(folder: Path) -> list[Example]:
    """Every component's examples; a component without examples, or a bad examples file, is a
    Problem (all of them raised together)."""
    examples: list[Example] = []
    problems: list[Problem] = []
    for component in components(folder):
        found, wrong = read_examples(folder, component)
        examples += found
        problems += wrong
    if problems:
        raise ProblemsFound(problems)
    return examples


def shown_page(index, spec: ExampleSpec, lang: str):
    """The item shown as `page`: a page by its path (`forms/move`), else the first item of a kind."""
    folder, _, slug = spec.page.rpartition("/")
    found = index.find("page", folder, slug, lang)
    return found or next(iter(index.items(spec.page, lang)))


def render_example(generator, example: Example, lang: str) -> str:
    """One example page: the component rendered alone, inside the site's page frame."""
    index = generator.context["site_index"]
    context = dict(generator.context, page=shown_page(index, example.spec, lang), lang=lang)
    if example.spec.site:
        context["site"] = dataclasses.replace(context["site"], **example.spec.site)
    source = example.spec.render
    if example.has_macros:  # a component of macros is imported; one that is included, not
        source = f'{{% import "components/{example.component}.html" as component with context %}}{source}'
    shown = generator.env.from_string(source).render(context)
    return generator.get_template(TEMPLATE).render(dict(context, example=example, example_html=Markup(shown)))


def write_examples(generator, output: Path) -> int:
    """Write every example in every language; the number of pages written."""
    folder = Path(generator.settings["THEME"]) / "templates" / "components"
    written = 0
    for example in load_examples(folder):
        for lang in generator.settings["SITE_LANGUAGES"]:
            target = output / example.file(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_example(generator, example, lang), encoding="utf-8")
            written += 1
    return written
