"""The city's CI examples (deploy/city/): valid against their published schemas, one job per
office (GitHub Actions matrix made from sites/, GitLab parallel:matrix), each office tested with
its own `make test` and published on its own, with no office's failure cancelling the others."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from support import ROOT

GITHUB = ROOT / "deploy/city/github-actions.yml"
GITLAB = ROOT / "deploy/city/gitlab-ci.yml"


def schema_check(path, schema) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / ".venv/bin/check-jsonschema"), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True)


@pytest.mark.parametrize(("path", "schema"), [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_the_city_ci_file_is_valid_against_its_schema(path, schema):
    result = schema_check(path, schema)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_matrix_is_caught(tmp_path):
    broken = tmp_path / "gitlab-ci.yml"
    text = GITLAB.read_text(encoding="utf-8")
    broken.write_text(text.replace("      - OFFICE: [daya, wuqi, shalu]", "      OFFICE: daya", 1), encoding="utf-8")
    assert schema_check(broken, "vendor.gitlab-ci").returncode == 1


def test_github_runs_one_job_per_office_each_published_on_its_own():
    jobs = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))["jobs"]
    office = jobs["office"]
    assert office["strategy"]["fail-fast"] is False
    assert office["strategy"]["matrix"]["office"] == "${{ fromJSON(needs.offices.outputs.list) }}"
    assert "sites/*/pelicanconf.py" in jobs["offices"]["steps"][1]["run"]
    runs = [step.get("run", "") for step in office["steps"]]
    assert "make -C sites/${{ matrix.office }} test" in runs
    publish = next(step for step in office["steps"] if "publish" in step.get("run", ""))
    assert publish["if"] == "github.ref == 'refs/heads/main'"
    assert "matrix.office" in office["environment"] and "matrix.office" in office["concurrency"]["group"]


def test_gitlab_runs_one_job_per_office_each_published_on_its_own():
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    matrix = config["office"]["parallel"]["matrix"]
    assert len(matrix) == 1 and len(matrix[0]["OFFICE"]) >= 2
    job = config["office"]
    script = "\n".join(job["script"])
    assert 'make -C "sites/$OFFICE" test' in script and 'make -C "sites/$OFFICE" publish' in script
    assert script.index("test") < script.index("publish") and "CI_DEFAULT_BRANCH" in script
    assert job["environment"]["name"] == "$OFFICE" and job["resource_group"] == "office-$OFFICE"
