"""Content kinds, their schemas, and the generator that reads, checks, renders and writes them."""

from .content_model import register  # noqa: F401
