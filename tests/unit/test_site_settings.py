"""Settings checked once at start-up (plugins/site_settings): shapes, files, typos, the origin."""

from __future__ import annotations

import pytest

from site_settings import SiteSettings, SiteSettingsError
from site_settings.declared import origin_problem, site_path_problem
from site_settings.site_settings import site_settings
from support import ROOT


@pytest.mark.parametrize("origin, problem", [
    ("https://x/", "'https://x/' has something after the host name (a path, '/', '?' or '#')"),
    ("https://x/longjing", "'https://x/longjing' has something after the host name"),
    ("https://x?a", "'https://x?a' has something after the host name"),
    ("https://user@x", "'https://user@x' has something after the host name"),
    ("www.x.gov.tw", "'www.x.gov.tw' has no http:// or https:// and host name"),
    ("ftp://x", "'ftp://x' has no http:// or https:// and host name"),
    ("https://", "'https://' has no http:// or https:// and host name"),
    ("https://x:port", "'https://x:port' is not a URL"),
    (42, "it is 42, not text"),
])
def test_a_malformed_origin_is_refused_with_its_reason(origin, problem):
    assert origin_problem(origin).startswith(problem)


@pytest.mark.parametrize("origin", ["https://www.example.gov.tw", "http://127.0.0.1:8000"])
def test_a_well_formed_origin_passes(origin):
    assert origin_problem(origin) is None


@pytest.mark.parametrize("path, problem", [
    ("https://x.gov.tw/longjing", "'https://x.gov.tw/longjing' is not a path: the scheme and host go in SITE_ORIGIN"),
    ("//x", "'//x' is not a path: the scheme and host go in SITE_ORIGIN"),
    (None, "None is not a path"),
    ("longjing", "'longjing' is not '' or a path like '/longjing' (a leading '/', no trailing '/')"),
    ("/longjing/", "'/longjing/' is not '' or a path like '/longjing'"),
    ("/a b", "'/a b' is not '' or a path like '/longjing'"),
])
def test_a_malformed_sub_path_is_refused_with_its_reason(path, problem):
    assert site_path_problem(path).startswith(problem)


@pytest.mark.parametrize("path", ["", "/longjing", "/a/b-c"])
def test_a_sub_path_passes(path):
    assert site_path_problem(path) is None


def project_settings(**changes) -> dict:
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    settings.update(changes)
    return settings


def test_every_problem_is_reported_at_once_and_a_typo_is_named():
    with pytest.raises(SiteSettingsError) as caught:
        site_settings(project_settings(SITE_ORIGIN="https://x/", AUDIT_RECORD_FIEL="r.json",
                                       OFFICE_DATA_FILE=str(ROOT / "content/ofice.toml")))
    names = [problem.rule for problem in caught.value.problems]
    assert sorted(names) == ["AUDIT_RECORD_FIEL", "OFFICE_DATA_FILE", "SITE_ORIGIN"]
    [typo] = [p for p in caught.value.problems if p.rule == "AUDIT_RECORD_FIEL"]
    assert "did you mean AUDIT_RECORD_FILE?" in typo.message
    [origin] = [p for p in caught.value.problems if p.rule == "SITE_ORIGIN"]
    assert (origin.path, origin.stage) == ("pelicanconf.py", "settings") and origin.line is not None


GOOD_LANGUAGES = {"zh-tw": {"html_lang": "zh-Hant-TW", "prefix": "", "name": "中文"},
                  "en": {"html_lang": "en", "prefix": "en", "name": "English"}}


@pytest.mark.parametrize("changes, said", [
    ({"SITE_LANGUAGES": {}}, "non-empty dict"),
    ({"SITE_LANGUAGES": None}, "non-empty dict"),
    ({"SITE_LANGUAGES": {"zh-TW": GOOD_LANGUAGES["zh-tw"], "en": GOOD_LANGUAGES["en"]}}, "lower-case"),
    ({"SITE_LANGUAGES": {"zh-tw": {"prefix": ""}, "en": GOOD_LANGUAGES["en"]}}, "html_lang"),
    ({"DEFAULT_LANG": "en"}, "is not DEFAULT_LANG 'en'"),
    ({"SITE_LANGUAGES": {"zh-tw": {**GOOD_LANGUAGES["zh-tw"], "prefix": "zh"}, "en": GOOD_LANGUAGES["en"]}},
     "prefix ''"),
    ({"SITE_LANGUAGES": {"zh-tw": GOOD_LANGUAGES["zh-tw"], "en": {**GOOD_LANGUAGES["en"], "prefix": ""}}},
     "distinct prefixes"),
    ({"PAGE_PATHS": ["pages"]}, "not []"),
    ({"ARTICLE_PATHS": ["news"]}, "not []"),
    ({"PERSONAL_DATA_ALLOWLIST": "/nowhere.toml"}, "no file '/nowhere.toml'"),
    ({"CONTENT_LINT_CHECKS": ["images", "spelling"]}, "unknown check(s) ['spelling']"),
    ({"CONTENT_MODEL_LAYERS": ["/nowhere/national"]}, "no folder '/nowhere/national'"),
    ({"CONTENT_MODEL_LAYERS": "national"}, "is not a list of folders"),
    ({"FORMS_LAYERS": ["/nowhere/forms"]}, "no folder '/nowhere/forms'"),
])
def test_each_bad_setting_is_one_problem_naming_it(changes, said):
    with pytest.raises(SiteSettingsError) as caught:
        site_settings(project_settings(**changes))
    [problem] = caught.value.problems
    assert problem.rule == next(iter(changes)) and said in problem.message, problem


def test_the_project_s_languages_pass():
    assert site_settings(project_settings(SITE_LANGUAGES=GOOD_LANGUAGES)).path == ""


def test_a_record_file_that_does_not_exist_is_an_error_not_no_audit():
    with pytest.raises(SiteSettingsError, match="AUDIT_RECORD_FILE"):
        site_settings(project_settings(AUDIT_RECORD_FILE="reports/release/acessibility-audit.json"))


def test_defaults_are_filled_in_from_one_table():
    settings = project_settings()
    for name in ("SITE_STAGING", "SITE_ORIGIN_UNVERIFIED"):
        settings.pop(name, None)
    found = site_settings(settings)
    assert settings["SITE_STAGING"] is False and found.staging is False


def test_a_local_build_s_origin_is_clearly_local_and_the_published_one_is_not():
    local = site_settings(project_settings())
    assert local.is_local and local.origin.endswith(".invalid")
    public = SiteSettings("https://www.hlongjing.taichung.gov.tw", "", False, "")
    assert not public.is_local
    assert SiteSettings("https://example.gov.tw", "/longjing", False, "").is_placeholder


@pytest.mark.parametrize("origin", ["http://[::1]:8000", "http://127.0.0.1:8000", "http://LOCALHOST:8000"])
def test_a_loopback_origin_is_local_in_any_spelling(origin):
    assert SiteSettings(origin, "", False, "").is_local


def test_the_settings_command_prints_the_checked_values():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "site_settings", "show", "base_url", "--settings", "publishconf.py"],
                            cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "plugins")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("https://")


@pytest.mark.parametrize("command", [["site_settings", "show"], ["site_publish", "go-live"]])
def test_a_settings_file_that_does_not_run_is_one_line_for_every_tool(command, tmp_path):
    import subprocess
    import sys

    settings = tmp_path / "brokenconf.py"
    settings.write_text('SITEURL = ""\nSITE_ORIGIN = undefined_name\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", *command, "--settings", str(settings)], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "plugins")})
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr, result.stderr
    line = "brokenconf.py:2: settings [NameError]: name 'undefined_name' is not defined. Fix: "  # relative to the cwd
    assert line in result.stdout, result.stdout
