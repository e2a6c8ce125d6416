"""Data tables that stack into label–value pairs on narrow screens (a library)."""

from .stacked_tables import label_tables  # noqa: F401
