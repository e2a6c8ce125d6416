"""Content kinds, their schemas, and the generator that reads, checks, renders and writes them.

`register` imports the generator only when Pelican registers the plugin, so that the content
lint can use this package's declarations (formats, caption prefixes) without a circular import.
"""


def register():
    from .content_model import register as register_plugin

    register_plugin()
