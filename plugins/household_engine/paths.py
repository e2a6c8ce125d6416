"""Where the engine's parts are, for a site's settings file (pelicanconf.py):

    from household_engine import paths
    THEME = str(paths.THEME); PLUGIN_PATHS = [str(paths.PLUGINS)]; CONTENT_MODEL_LAYERS = [str(paths.NATIONAL)]

Installed (the wheel), every part is a folder inside this package. In the engine's own repository
this module is plugins/household_engine/paths.py and the parts are the repository's folders; the
national content is then the repository's content/ (content_model/national.py says which files of
it are national; the build reads only those from a layer).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
INSTALLED = (PACKAGE / "theme").is_dir()
HOME = PACKAGE if INSTALLED else PACKAGE.parents[1]  # the package, or the engine's repository

THEME = HOME / "theme"  # the Jinja templates and static files
PLUGINS = HOME / "plugins"  # the Pelican plugins and the tools (site_build, site_checks, site_publish)
FORMS = HOME / "forms"  # the national form definitions (the forms engine is plugins/forms)
LOCALE = HOME / "i18n"  # the gettext catalogs of the templates and plugins
NATIONAL = PACKAGE / "national" if INSTALLED else HOME / "content"  # the national content layer
STARTER = PACKAGE / "starter" if INSTALLED else HOME / "content"  # what new-site copies (national.STARTER)
# The checks' files (allow-lists, axe rules) a new site starts from (national.STARTER_CI).
CI = PACKAGE / "starter" / "ci" if INSTALLED else HOME / ".ci"
NODE = PACKAGE / "node" if INSTALLED else HOME  # package.json and package-lock.json (Pagefind, axe, vnu)
