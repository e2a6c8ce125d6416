from .site_outputs import register  # noqa: F401
