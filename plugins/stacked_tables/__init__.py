from .stacked_tables import register  # noqa: F401
