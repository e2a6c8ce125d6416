"""The household registration office website engine: its version and where its parts are
(`household_engine.paths`). Installed from the wheel, the parts are inside this package; in the
engine's own repository they are the repository's folders. docs/engine.md tells how a site uses it."""

__version__ = "0.9.0"
