"""Settings for the published site: pelicanconf.py plus deploy keys only."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# UNVERIFIED: the office's public host name is not confirmed; change it here only.
SITE_ORIGIN = "https://www.hlongjing.taichung.gov.tw"
