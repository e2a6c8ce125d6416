"""A setting given on a command line as `KEY=JSON` (the tools' `--set`, as Pelican's own `-e`)."""

from __future__ import annotations

import argparse
import json


def setting(text: str) -> tuple[str, object]:
    """`KEY=JSON` → (KEY, value); anything else is argparse's one-line error."""
    key, _, value = text.partition("=")
    try:
        return key.strip(), json.loads(value)
    except json.JSONDecodeError:
        raise argparse.ArgumentTypeError(f"{text!r}: write KEY=JSON, e.g. 'SITEURL=\"https://x.gov.tw\"'") from None


def as_arguments(settings: dict) -> list[str]:
    """The `--set KEY=JSON` arguments that give another tool these settings."""
    return [arg for key, value in settings.items() for arg in ("--set", f"{key}={json.dumps(value)}")]
