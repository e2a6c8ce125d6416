"""Build and preview the site: `python -m site_build build|serve` (what `make build`/`make serve` run).

Pelican runs inside this runner, which prints every content mistake as one line
(`path[:line]: stage [rule]: message. Fix: …`), never a traceback, and never touches the
previous output when a build fails.
"""
