"""The CI files `new-site` writes for one office's repository: valid against their published
schemas, running the whole gate (`.ci/run`, which is `make test`) on every push and publishing
only from the main branch, after the gate."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from site_build.new_site import Office, new_site
from support import ROOT

FILES = {".github/workflows/site.yml": "vendor.github-workflows", ".gitlab-ci.yml": "vendor.gitlab-ci"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office") / "daya"
    new_site(folder, Office("臺中市大雅區戶政事務所", "Daya District Household Registration Office"))
    return folder


def schema_check(path, schema) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / ".venv/bin/check-jsonschema"), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True)


@pytest.mark.parametrize(("name", "schema"), FILES.items())
def test_each_ci_file_is_valid_against_its_schema(site, name, schema):
    done = schema_check(site / name, schema)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_broken_ci_file_is_caught(site, tmp_path):
    broken = tmp_path / "site.yml"
    broken.write_text((site / ".github/workflows/site.yml").read_text(encoding="utf-8")
                      .replace("    runs-on: ubuntu-24.04\n", "", 1), encoding="utf-8")
    assert schema_check(broken, FILES[".github/workflows/site.yml"]).returncode == 1


def test_github_runs_the_gate_on_every_push_and_publishes_only_from_main_after_it(site):
    workflow = yaml.safe_load((site / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["site"]["steps"]
    runs = [step.get("run", "") for step in steps]
    gate = runs.index(".ci/run")
    publish = next(n for n, run in enumerate(runs) if run.startswith("make publish"))
    assert gate < publish and "push" in workflow[True]  # PyYAML reads the key `on` as True
    assert "refs/heads/main" in steps[publish]["if"] and "pull_request" in steps[publish]["if"]
    assert (site / ".ci/run").read_text(encoding="utf-8").rstrip().endswith("make test")


def test_gitlab_tests_every_push_and_publishes_only_from_the_default_branch(site):
    config = yaml.safe_load((site / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert config["stages"] == ["test", "publish"]
    assert config["test"]["script"] == [".ci/run"] and "rules" not in config["test"]
    assert config["publish"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert config["publish"]["script"][-1].startswith("make publish")
