"""Fill a blank form PDF the way a program does (pikepdf: /V and NeedAppearances, so the viewer
draws each field from its /DA font) and render its pages in each viewer, to compare what was
drawn with the shapes the same viewer draws for the same characters as ordinary text."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat

DPI = 150
SCALE = DPI / 72
SHAPE = 16  # a glyph is compared as a SHAPE × SHAPE grey image
INK = 160  # a pixel darker than this is ink


@dataclass(frozen=True)
class TextField:
    name: str
    page: int
    rect: tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points (y up)
    max_length: int | None
    multiline: bool
    tu: str
    flags: int


def text_fields(path: Path) -> list[TextField]:
    """Every text field of a PDF with the page its widget is on."""
    found = []
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        for field in pdf.Root.AcroForm.Fields:
            if field.get("/FT") != pikepdf.Name.Tx:
                continue
            x0, y0, x1, y1 = (float(v) for v in field.Rect)
            flags = int(field.get("/Ff", 0))
            found.append(TextField(str(field.T), pages[field.P.objgen], (min(x0, x1), min(y0, y1), max(x0, x1),
                                   max(y0, y1)), int(field.MaxLen) if "/MaxLen" in field else None,
                                   bool(flags & (1 << 12)), str(field.get("/TU", "")), flags))
    return found


def fill(source: Path, target: Path, values: dict[str, str]) -> None:
    """Set each named text field's /V and ask viewers to draw the fields (NeedAppearances)."""
    with pikepdf.open(source) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            if str(field.get("/T")) in values:
                field.V = pikepdf.String(values[str(field.T)])
        pdf.Root.AcroForm.NeedAppearances = True
        pdf.save(target)


def poppler_page(path: Path, page: int) -> Image.Image:
    assert shutil.which("pdftoppm"), "pdftoppm is missing: `make test` installs poppler-utils"
    result = subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(page + 1), "-l", str(page + 1), str(path)],
                            capture_output=True, check=True)
    return Image.open(io.BytesIO(result.stdout)).convert("L")


def pdfium_page(path: Path, page: int) -> Image.Image:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        document.init_forms()
        return document[page].render(scale=SCALE, may_draw_forms=True, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


VIEWERS = {"poppler": poppler_page, "pdfium": pdfium_page}


def crop_points(image: Image.Image, rect: tuple[float, float, float, float], inset: float) -> Image.Image:
    """The part of a page image inside a PDF rectangle (points, y up), `inset` points inside it;
    the image's pixels per point are in `image.info["scale"]` (default: DPI)."""
    x0, y0, x1, y1 = rect
    scale = image.info.get("scale", SCALE)
    height = image.height / scale
    box = (x0 + inset, height - y1 + inset, x1 - inset, height - y0 - inset)
    return without_lines(image.crop(tuple(round(v * scale) for v in box)))


def without_lines(image: Image.Image) -> Image.Image:
    """The image with straight dark lines (the box's own border, table rules) made white."""
    image = image.copy()
    dark = image.point(lambda v: 1 if v < INK else 0)
    width, height = image.size
    pixels = dark.load()
    rows = [y for y in range(height) if sum(pixels[x, y] for x in range(width)) > 0.7 * width]
    columns = [x for x in range(width) if sum(pixels[x, y] for y in range(height)) > 0.7 * height]
    for y in rows:
        image.paste(255, (0, y, width, y + 1))
    for x in columns:
        image.paste(255, (x, 0, x + 1, height))
    return image


def ink_columns(image: Image.Image) -> list[bool]:
    dark = image.point(lambda v: 255 if v < INK else 0)
    width, height = dark.size
    columns = []
    for x in range(width):
        column = dark.crop((x, 0, x + 1, height))
        columns.append(column.getbbox() is not None)
    return columns


def shape(slot: Image.Image) -> Image.Image | None:
    """The ink of an image, cropped to a square around it and scaled to SHAPE × SHAPE."""
    dark = ImageChops.invert(slot)
    box = dark.point(lambda v: 255 if v > 255 - INK else 0).getbbox()
    if box is None:
        return None
    # A square around the ink, so that a flat glyph (-) stays flat.
    x0, y0, x1, y1 = box
    side = max(x1 - x0, y1 - y0)
    square = Image.new("L", (side, side), 0)
    square.paste(dark.crop(box), ((side - (x1 - x0)) // 2, (side - (y1 - y0)) // 2))
    # Blurred a little: viewers place a stroke a pixel apart, which must not decide the match.
    small = square.resize((SHAPE, SHAPE), Image.Resampling.BOX).filter(ImageFilter.GaussianBlur(0.7))
    return ImageOps.autocontrast(small)


def similarity(a: Image.Image | None, b: Image.Image | None) -> float:
    """Normalised correlation of two glyph shapes (1 = the same), 0 when either is missing."""
    if a is None or b is None:
        return 0.0
    xs, ys = list(a.get_flattened_data()), list(b.get_flattened_data())
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / (var_x * var_y) ** 0.5 if var_x and var_y else 0.0


def distance(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference of two glyph shapes (each stretched to full contrast: 0 = same)."""
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


def recognised(glyph: Image.Image | None, expected: str, shapes: dict[str, Image.Image | None]) -> bool:
    """Whether a drawn glyph is `expected`: it resembles that character's reference shape
    (correlation at least FLOOR) and no other reference shape is clearly closer (MARGIN)."""
    reference = shapes.get(expected)
    if glyph is None or reference is None or similarity(glyph, reference) < FLOOR:
        return False
    own = distance(glyph, reference)
    return all(own <= distance(glyph, other) + MARGIN for char, other in shapes.items()
               if char != expected and other is not None)


FLOOR = 0.35  # correlation with its own reference; a box or an empty slot is far under it
MARGIN = 4.0  # grey levels: two references that close are look-alikes, either counts
