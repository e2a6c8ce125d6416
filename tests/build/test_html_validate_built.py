"""HTML validation with the Nu HTML Checker (plugins/site_checks/vnu.py).

vnu takes a few seconds per run, so the faulty pages share one synthetic site, checked once.
"""

from __future__ import annotations

from site_checks.vnu import (
    validate,
)
from support import ROOT

JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_real_site_is_valid(real_site):
    findings = validate(real_site.output, JAR)
    assert findings == [], "\n".join(map(str, findings))


# --- the cache and the shards ---------------------------------------------------------------


