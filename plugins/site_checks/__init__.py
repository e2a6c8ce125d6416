"""Checks over a built site (links, HTML validity, axe audit). Run: python -m site_checks --help."""
