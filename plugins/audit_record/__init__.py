from .audit_record import register  # noqa: F401
