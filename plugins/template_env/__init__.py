from .template_env import register  # noqa: F401
