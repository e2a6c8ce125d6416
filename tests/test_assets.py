"""Fingerprinted theme URLs (plugins/template_env/assets.py): `?v=` follows the file's bytes."""

from __future__ import annotations

import pytest

from template_env.assets import AssetMissing, fingerprinted


def test_the_fingerprint_changes_with_the_file_and_only_then(tmp_path):
    css = tmp_path / "static/css/site.css"
    css.parent.mkdir(parents=True)
    css.write_text("body { margin: 0 }", encoding="utf-8")
    first = fingerprinted("theme/css/site.css", tmp_path)
    assert first.startswith("theme/css/site.css?v=") and fingerprinted("theme/css/site.css", tmp_path) == first
    css.write_text("body { margin: 1px }", encoding="utf-8")
    assert fingerprinted("theme/css/site.css", tmp_path) != first


def test_a_missing_theme_file_is_an_error_not_a_broken_link(tmp_path):
    with pytest.raises(AssetMissing, match="there is no"):
        fingerprinted("theme/css/sit.css", tmp_path)
    with pytest.raises(AssetMissing, match="only files below theme/"):
        fingerprinted("files/map.png", tmp_path)
