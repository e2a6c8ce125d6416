"""Every plugin's settings: declared once (name, owner, default, shape), checked once at start-up.

`python -m site_settings show --settings publishconf.py` prints the checked values that the
gate and the deploy read (origin, sub-path, public address, staging)."""

from .site_settings import (  # noqa: F401
    SettingsFileError,
    SiteSettings,
    SiteSettingsError,
    load,
    load_settings,
    register,
)
