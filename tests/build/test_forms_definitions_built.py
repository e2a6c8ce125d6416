"""Form definitions: the real ones load; each kind of mistake is one clear problem naming the
file, the line and the field."""

from __future__ import annotations

import pytest

from forms_support import minimal_form


@pytest.mark.parametrize("old,new", [
    ("        size: 12\n        required: true\n", "        size: 12\n        height: 7\n        required: true\n"),
    ("        example: {zh-tw: 王大明, en: WANG Ta-ming}\n", ""),
])
def test_a_bad_definition_generates_nothing(tmp_path, old, new):
    """`python -m site_build forms` (make forms) prints the one line and writes no file."""
    import contextlib
    import io

    from site_build.forms_command import main

    minimal_form(tmp_path / "forms", old=old, new=new)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = main(["--forms", str(tmp_path / "forms"), "--out", str(tmp_path / "out"),
                     "--cache", str(tmp_path / "cache")])
    lines = [line for line in printed.getvalue().splitlines() if "form.yaml:" in line]
    assert code != 0 and len(lines) == 1, printed.getvalue()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.*"))
