"""The axe-core audit: every page in headless Chromium, cached, sharded, allow-listed."""
