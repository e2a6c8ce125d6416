"""content_model.settings: the settings the content model relies on are checked at start-up,
and each mistake names the setting."""

from __future__ import annotations

import pytest

from content_model.settings import SettingsError, check, languages_of
from support import ROOT

GOOD = {"zh-tw": {"html_lang": "zh-Hant-TW", "prefix": "", "name": "中文"},
        "en": {"html_lang": "en", "prefix": "en", "name": "English"}}


def settings(**changes):
    return {"SITE_LANGUAGES": GOOD, "DEFAULT_LANG": "zh-tw", "PAGE_PATHS": [], "ARTICLE_PATHS": [],
            "PERSONAL_DATA_ALLOWLIST": str(ROOT / ".ci/personal-data-allowlist.toml"), **changes}


def test_the_project_s_settings_pass():
    check(settings())
    assert list(languages_of(settings())) == ["zh-tw", "en"]


@pytest.mark.parametrize("changes, said", [
    ({"SITE_LANGUAGES": {}}, "non-empty dict"),
    ({"SITE_LANGUAGES": None}, "non-empty dict"),
    ({"SITE_LANGUAGES": {"zh-TW": GOOD["zh-tw"], "en": GOOD["en"]}}, "lower-case"),
    ({"SITE_LANGUAGES": {"zh-tw": {"prefix": ""}, "en": GOOD["en"]}}, "html_lang"),
    ({"DEFAULT_LANG": "en"}, "must be DEFAULT_LANG"),
    ({"SITE_LANGUAGES": {"zh-tw": {**GOOD["zh-tw"], "prefix": "zh"}, "en": GOOD["en"]}}, "prefix ''"),
    ({"SITE_LANGUAGES": {"zh-tw": GOOD["zh-tw"], "en": {**GOOD["en"], "prefix": ""}}}, "distinct prefixes"),
    ({"PAGE_PATHS": ["pages"]}, "PAGE_PATHS must be []"),
    ({"ARTICLE_PATHS": ["news"]}, "ARTICLE_PATHS must be []"),
    ({"PERSONAL_DATA_ALLOWLIST": "/nowhere.toml"}, "PERSONAL_DATA_ALLOWLIST"),
])
def test_each_bad_setting_is_an_error_naming_it(changes, said):
    with pytest.raises(SettingsError) as raised:
        check(settings(**changes))
    assert said in str(raised.value)
