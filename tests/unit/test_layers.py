"""The packages under plugins/ stand in layers, and an import only ever points down: no circle
between packages, no circle of modules inside one, and no lazy import that hides either (an
import inside a function counts like any other). docs/architecture.md draws the same layers."""

from __future__ import annotations

import ast
import shutil
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from support import ROOT

PLUGINS = ROOT / "plugins"
# From the bottom up; a package may import only packages of a lower layer.
LAYERS = (
    ("problems", "household_engine"),                                    # the one-line format; the engine's paths
    ("sources", "site_context", "stacked_tables"),                       # reading sources; shared keys
    ("template_env", "personal_data", "content_lint"),                   # libraries
    ("forms", "office_data", "audit_record", "site_settings", "site_search"),  # data; settings; search
    ("content_model",),                                                  # the content generator
    ("site_outputs",),                                                   # whole-site files
    ("site_build", "site_checks", "site_publish"),                       # tools people run
)
LAYER_OF = {package: number for number, names in enumerate(LAYERS) for package in names}


def module_name(plugins: Path, path: Path) -> str:
    parts = path.relative_to(plugins).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(plugins: Path) -> dict[str, Path]:
    """{dotted module name: file} of every module under plugins/."""
    return {module_name(plugins, path): path for path in sorted(plugins.rglob("*.py"))}


def imports(plugins: Path, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules a file imports, at the top or inside a function (relative imports
    resolved; `from package import module` is the module). A module's own parent packages are
    left out: Python always runs them first, whatever the module imports."""
    name = module_name(plugins, path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                found.add(f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module)
    parents = {".".join(name.split(".")[:n]) for n in range(1, name.count(".") + 1)}
    return {module for module in found if module.split(".")[0] in {m.split(".")[0] for m in known}} - parents - {name}


def wrong_way_imports(plugins: Path) -> list[str]:
    """Every import of a package in the same or a higher layer than the importing one."""
    known = modules(plugins)
    wrong = []
    for module, path in known.items():
        own = module.split(".")[0]
        for imported in sorted(imports(plugins, path, known)):
            other = imported.split(".")[0]
            if other != own and LAYER_OF.get(other, -1) >= LAYER_OF[own]:
                wrong.append(f"{path.relative_to(plugins.parent)} imports {imported} (layer {LAYER_OF[other]}, "
                             f"not below {own}'s layer {LAYER_OF[own]})")
    return wrong


def circle(plugins: Path) -> list[str]:
    """A circle of modules that import each other, or []."""
    known = modules(plugins)
    graph = {module: imports(plugins, path, known) & set(known) for module, path in known.items()}
    assert sum(map(len, graph.values())) > 50, "the import graph is suspiciously small"
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        return list(error.args[1])
    return []


def test_every_package_has_a_layer():
    found = sorted(path.name for path in PLUGINS.iterdir() if (path / "__init__.py").is_file())
    assert len(found) > 10
    assert found == sorted(LAYER_OF), "add the new package to LAYERS here and to docs/architecture.md"


def test_imports_point_down():
    assert wrong_way_imports(PLUGINS) == []


def test_no_circle_of_modules():
    assert circle(PLUGINS) == []


@pytest.fixture
def plant(tmp_path):
    """A copy of plugins/ with one line put at the top of one file."""
    def planted(relative: str, line: str) -> Path:
        copy = tmp_path / "plugins"
        shutil.copytree(PLUGINS, copy, ignore=shutil.ignore_patterns("__pycache__"))
        target = copy / relative
        target.write_text(f"{line}\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
        return copy
    return planted


def test_an_import_pointing_up_is_found_even_inside_a_function(plant):
    plugins = plant("content_lint/tables.py", "def later():\n    from content_model import kinds")
    assert wrong_way_imports(plugins) == [
        "plugins/content_lint/tables.py imports content_model.kinds (layer 4, not below content_lint's layer 2)"]


def test_a_circle_inside_a_package_is_found(plant):
    plugins = plant("content_lint/issues.py", "from . import glossary")
    assert set(circle(plugins)) >= {"content_lint.issues", "content_lint.glossary"}
