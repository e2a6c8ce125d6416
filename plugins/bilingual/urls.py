"""Where each content item is written: the same relative path under each language's prefix."""

from __future__ import annotations

# Slugs written at a fixed file instead of <folder>/<slug>/index.html.
SPECIAL_FILES = {"home": "index.html", "404": "404.html"}


def save_as(kind: str, folder: str, slug: str, prefix: str) -> str:
    """The output file, e.g. `en/guides/birth/index.html` or `news/x/index.html`."""
    parts = [prefix] if prefix else []
    if kind == "news":
        parts += ["news", slug, "index.html"]
    elif slug in SPECIAL_FILES and not folder:
        parts.append(SPECIAL_FILES[slug])
    else:
        parts += [p for p in folder.split("/") if p] + [slug, "index.html"]
    return "/".join(parts)


def url_of(saved_as: str) -> str:
    """The URL of a saved file relative to the site root, as Pelican's `url` (no leading '/');
    directory indexes end in '/', and the home page is ''."""
    if saved_as.endswith("index.html"):
        return saved_as[: -len("index.html")]
    return saved_as


def kind_and_folder(relative_source: str, roots: dict[str, list[str]]) -> tuple[str, str]:
    """('page' or 'news', folder below that root) for a path relative to the content folder."""
    for kind, folders in roots.items():
        for root in folders:
            prefix = root.rstrip("/") + "/"
            if relative_source.startswith(prefix):
                rest = relative_source[len(prefix):]
                return kind, rest.rpartition("/")[0]
    raise ValueError(f"{relative_source} is not below any of {roots}")
