from .content_lint import register  # noqa: F401
