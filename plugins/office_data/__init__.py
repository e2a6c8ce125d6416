from .office_data import register  # noqa: F401
