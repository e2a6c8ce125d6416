"""The two writing systems of the site's texts, as patterns: a run of Chinese characters, and a
passage of English words (what the language lint and the forms' pages look for)."""

from __future__ import annotations

import re

WORD = r"[A-Za-z][A-Za-z'’.-]*+"
# 4 or more Latin-script words separated by spaces, commas or hyphens.
ENGLISH_RUN = re.compile(rf"(?<![A-Za-z0-9]){WORD}(?:[\s,-]+{WORD}){{3,}}")
HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"  # CJK Unified Ideographs, with Extension A
CHINESE_RUN = re.compile(rf"{HAN}+(?:[\s\u3000-\u303f\uff00-\uffef]*{HAN}+)*")
