"""The component examples' declarations (plugins/site_outputs/component_examples.py): a
component without examples, and a mistake in an examples file, are one line each."""

from __future__ import annotations

import pytest

from problems import ProblemsFound
from site_outputs.component_examples import load_examples
from support import ROOT


def lines(folder) -> list[str]:
    with pytest.raises(ProblemsFound) as raised:
        load_examples(folder)
    return [str(problem) for problem in raised.value.problems]


def test_the_theme_declares_examples_for_every_component():
    examples = load_examples(ROOT / "theme" / "templates" / "components")
    components = {path.stem for path in (ROOT / "theme" / "templates" / "components").glob("*.html")}
    assert {example.component for example in examples} == components


def test_a_component_without_examples_is_one_line(tmp_path):
    (tmp_path / "banner.html").write_text("<p>hi</p>", encoding="utf-8")
    (tmp_path / "list.html").write_text("{% macro items() %}<ul></ul>{% endmacro %}", encoding="utf-8")
    (tmp_path / "list.examples.yaml").write_text('- name: one\n  title: a list\n  render: "{{ component.items() }}"\n',
                                                 encoding="utf-8")
    found = lines(tmp_path)
    assert len(found) == 1
    assert ("banner.html: components [no-examples]: this component has no examples. "
            "Fix: write banner.examples.yaml") in found[0]


def test_a_misspelt_key_is_one_line_at_its_line(tmp_path):
    (tmp_path / "list.html").write_text("{% macro items() %}<ul></ul>{% endmacro %}", encoding="utf-8")
    (tmp_path / "list.examples.yaml").write_text(
        '- name: one\n  title: a list\n  render: "{{ component.items() }}"\n  pgae: guide\n', encoding="utf-8")
    found = lines(tmp_path)
    assert len(found) == 1 and "list.examples.yaml:4: components" in found[0] and "pgae" in found[0], found
