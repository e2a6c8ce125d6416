"""The CI files for the office's git host (.github/workflows/site.yml, .gitlab-ci.yml): valid
against their published schemas (check-jsonschema's built-in copies), `make test` on every
push, the audit in 2 shards on main merged before `make publish`, which runs only on main
after the tests. Also: merging two shards' results gives one complete audit and its record."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from support import ROOT

GITHUB = ROOT / ".github/workflows/site.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


@pytest.mark.parametrize(("path", "schema"), [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_the_ci_file_is_valid_against_its_schema(path, schema):
    result = subprocess.run([str(ROOT / ".venv/bin/check-jsonschema"), "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_does_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "site.yml"
    broken.write_text(GITHUB.read_text(encoding="utf-8").replace("runs-on:", "runs-onn:", 1), encoding="utf-8")
    result = subprocess.run([str(ROOT / ".venv/bin/check-jsonschema"), "--builtin-schema",
                             "vendor.github-workflows", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1


def steps_text(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_github_tests_every_push_and_publishes_main_after_the_sharded_audit():
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert "push" in workflow[True] and "branches" not in (workflow[True]["push"] or {})  # `on:` is YAML's True
    assert "if" not in jobs["test"] and "make test" in steps_text(jobs["test"])
    assert jobs["audit"]["if"] == jobs["publish"]["if"] == "github.ref == 'refs/heads/main'"
    assert jobs["audit"]["strategy"]["matrix"]["shard"] == [1, 2] and jobs["audit"]["needs"] == "test"
    assert "make audit-shard SHARD=${{ matrix.shard }}/2" in steps_text(jobs["audit"])
    assert set(jobs["publish"]["needs"]) == {"test", "audit"}
    publish = steps_text(jobs["publish"])
    assert publish.index('make audit-merge SHARDS="shards/1 shards/2"') < publish.index("make publish")


def test_gitlab_tests_every_push_and_publishes_main_after_the_sharded_audit():
    ci = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert ci["stages"] == ["test", "audit", "publish"]
    assert "rules" not in ci["test"] and ci["test"]["script"] == ["make test"]
    main_only = [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert ci["audit"]["rules"] == ci["publish"]["rules"] == main_only
    assert ci["audit"]["parallel"] == 2
    assert "make audit-shard SHARD=$CI_NODE_INDEX/$CI_NODE_TOTAL" in ci["audit"]["script"]
    assert {need["job"] for need in ci["publish"]["needs"]} == {"test", "audit"}
    script = ci["publish"]["script"]
    assert script.index('make audit-merge SHARDS="shards/1 shards/2"') < script.index("make publish")


