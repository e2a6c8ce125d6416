"""Fingerprinted theme URLs (plugins/template_env/assets.py): `?v=` follows the file's bytes."""

from __future__ import annotations

import pytest

from template_env.assets import AssetMissing, ThemeAssets


def test_the_fingerprint_changes_with_the_file_and_only_then(tmp_path):
    css = tmp_path / "static/css/site.css"
    css.parent.mkdir(parents=True)
    css.write_text("body { margin: 0 }", encoding="utf-8")
    first = ThemeAssets(tmp_path).url("theme/css/site.css")
    assert first.startswith("theme/css/site.css?v=") and ThemeAssets(tmp_path).url("theme/css/site.css") == first
    css.write_text("body { margin: 1px }", encoding="utf-8")
    assert ThemeAssets(tmp_path).url("theme/css/site.css") != first


def test_a_missing_theme_file_is_an_error_not_a_broken_link(tmp_path):
    with pytest.raises(AssetMissing, match="there is no"):
        ThemeAssets(tmp_path).url("theme/css/sit.css")
    with pytest.raises(AssetMissing, match="only files below theme/"):
        ThemeAssets(tmp_path).url("files/map.png")
