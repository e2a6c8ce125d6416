from .table_captions import register  # noqa: F401
