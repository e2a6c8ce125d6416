"""Images: every `<img>` needs alt text. An empty alt (`alt=""`) is allowed only on an image
marked decorative with the class `decorative` (Markdown: `![](x.png){: .decorative}`)."""

from __future__ import annotations

from .issues import Issue

DECORATIVE_CLASS = "decorative"
FIX = ("write what the image shows as its alt text: `![what it shows](file.png)`; "
       "only if it is pure decoration, write `![](file.png){: .decorative}`.")


def check(soup, lang: str) -> list[Issue]:
    """An issue for each image with no alt, or an empty alt without the decorative marker."""
    issues = []
    for image in soup.find_all("img"):
        src = image.get("src", "")
        alt = image.get("alt")
        if alt is None:
            issues.append(Issue(f"image {src!r} has no alt attribute.", FIX, (src,)))
        elif not alt.strip() and DECORATIVE_CLASS not in image.get("class", []):
            issues.append(Issue(f"image {src!r} has empty alt text and is not marked decorative.",
                                FIX, (src,)))
    return issues
