"""Images: every `<img>` needs alt text (an empty alt only with the class `decorative`:
`![](/files/x.png){: .decorative}`) that says what the image shows: not its file name
(`counter.png`, `IMG_0412`) and not a word that only says it is an image (image, photo, 圖片,
照片 …, with or without a number: 圖1, photo 2). It lives on this site in content/files/ (the
site makes no third-party requests), exists, and fits the budget: at most 300 KB and 2,000 px
wide."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

from .issues import Issue, LintContext, Occurrences, files_path
from .tree import classes, elements

DECORATIVE_CLASS = "decorative"
MAX_BYTES = 300 * 1024
MAX_WIDTH = 2000
ALT_FIX = ("write what the image shows as its alt text: `![what it shows](/files/photo.jpg)`; "
           "only if it is pure decoration, write `![](/files/photo.jpg){: .decorative}`.")
# Words that only say "this is an image" (compared after case, spaces, digits and punctuation are
# dropped, so "Photo 2", "圖1" and "image." are these words too).
EMPTY_WORDS = frozenset({
    "image", "images", "img", "photo", "photos", "photograph", "picture", "pictures", "pic", "graphic",
    "figure", "fig", "icon", "screenshot", "untitled",
    "圖", "圖片", "圖像", "圖示", "照片", "相片", "影像", "圖檔", "截圖", "示意圖", "附圖",
})
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff")
# What is dropped before comparing: spaces, digits (also Chinese ones), punctuation and "no."/"#".
NOISE = re.compile(r"[\s\d_\-.,:;#()（）【】\[\]、，。：；！？!?]+|[一二三四五六七八九十]+$|^no(?=\d)", re.I)
# A camera's or phone's file name: IMG_0412, DSC01234, PXL_20261126_081500.
CAMERA_NAME = re.compile(r"(?:img|dsc|dscn|dcim|pxl|mvimg)[_-]?\d[\d_ -]*")
PLACE_FIX = "save the image in content/files/ and link it as `/files/<name>`, e.g. `![地圖](/files/map.png)`."
RESIZE_FIX = (f"resize it to at most {MAX_WIDTH} px wide and save it under {MAX_BYTES // 1024} KB "
              "(photos as JPEG at quality 80, drawings as PNG), e.g. "
              "`convert in.png -resize 1600x -quality 80 out.jpg`, or an image editor's 'Export for web'.")


def budget_problem(path) -> str | None:
    """What is too big about an image file, if anything."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"is {size // 1024} KB (the budget is {MAX_BYTES // 1024} KB)"
    try:
        with Image.open(path) as image:
            width = image.size[0]
    except (UnidentifiedImageError, OSError):
        return None if path.suffix.lower() == ".svg" else "cannot be read as an image"
    return f"is {width} px wide (at most {MAX_WIDTH} px)" if width > MAX_WIDTH else None


def file_names(src: str) -> tuple[str, str]:
    """The image's file name, lower-case, with and without its suffix: ('counter.png', 'counter')."""
    path = PurePosixPath(unquote(urlsplit(src).path))
    return path.name.lower(), path.stem.lower()


def says_nothing(alt: str, src: str) -> str | None:
    """Why an alt text says nothing of what the image shows ('is … file name', 'only says …'), or None."""
    text = " ".join(alt.split()).lower()
    if text.endswith(IMAGE_SUFFIXES) or text in file_names(src) or CAMERA_NAME.fullmatch(text):
        return "is the image's file name"
    if NOISE.sub("", text) in EMPTY_WORDS:
        return "only says that it is an image"
    return None


def file_issue(src: str, context: LintContext, occurrence: int) -> Issue | None:
    path = files_path(context, src)
    if path is None:
        return Issue("image-place", f"image {src!r} is not stored on this site", PLACE_FIX, (src,), occurrence)
    if not path.is_file():
        return Issue("image-missing", f"image {src!r} does not exist: there is no {path}",
                     "put the file in content/files/ or correct its name (letters, digits, '-' and '.').",
                     (src.rpartition("/")[2],), occurrence)
    problem = budget_problem(path)
    if problem:
        return Issue("image-budget", f"image {src!r} {problem}", RESIZE_FIX, (src.rpartition("/")[2],), occurrence)
    return None


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each image without proper alt text, not on this site, missing or too big."""
    issues, occurrences = [], Occurrences()
    for image in elements(root, "img"):
        src, alt = image.get("src", ""), image.get("alt")
        occurrence = occurrences.next(src)
        needles = (src.rpartition("/")[2] or src,)
        if alt is None:
            issues.append(Issue("image-alt", f"image {src!r} has no alt attribute", ALT_FIX, needles, occurrence))
        elif not alt.strip() and DECORATIVE_CLASS not in classes(image):
            issues.append(Issue("image-alt", f"image {src!r} has empty alt text and is not marked decorative",
                                ALT_FIX, needles, occurrence))
        elif (why := says_nothing(alt, src)) is not None:
            issues.append(Issue("image-alt", f"the alt text {alt.strip()!r} of image {src!r} {why}",
                                ALT_FIX, needles, occurrence))
        found = file_issue(src, context, occurrence)
        if found:
            issues.append(found)
    return issues
