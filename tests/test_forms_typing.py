"""Typed text shows in every viewer: every blank PDF, zh and en, is filled the way a program
fills it (pikepdf: /V, NeedAppearances), rendered by poppler (pdftoppm), PDFium (pypdfium2
with its form layer) and pdf.js (pdfjs-dist in headless Chromium, as it prints), and every
character typed into every text field must be drawn as the same viewer draws that character as ordinary text: common name characters outside Big5
(堃, 喆, 犇, 峯, 菓), rare Big5 ones (淼, 裡, 曌), a spread sample of the whole Big5 set, and
ASCII. A character dropped, drawn as a box or as another glyph fails, naming form, field and
viewer.

For a user typing in a viewer the viewer draws the field itself from the same /DA font, as it
does here for NeedAppearances."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from forms_pdfjs import pdfjs_viewer
from forms_viewers import DPI, VIEWERS, crop_points, fill, ink_columns, recognised, shape, text_fields

from forms.fonts import find_face, subset_face

NAME_CHARACTERS = "陳美玲堃喆犇淼峯菓裡曌"
ASCII = "AK97"  # shapes every face draws alike (a g has one storey or two; a hyphen is too thin to compare)
GAP = "　　"  # two ideographic spaces between the characters: each one stands alone in the drawing
ROUNDS = 3  # fillings per file: every field gets every name character across them


def big5_sample(count: int) -> str:
    """`count` characters spread evenly over the whole Big5 set (both levels)."""
    found = []
    for lead in [*range(0xA4, 0xC7), *range(0xC9, 0xFA)]:
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            try:
                found.append(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                continue
    step = len(found) // count
    return "".join(found[index * step] for index in range(count))


def capacity(field, lang: str) -> int:
    """How many characters (each followed by GAP) fit in the box, at most its MaxLen."""
    ems = (field.rect[2] - field.rect[0] - 6) / 11
    fitting = int((ems + len(GAP)) // (1 + len(GAP)))
    if field.max_length:
        fitting = min(fitting, (field.max_length + len(GAP)) // (1 + len(GAP)))
    return max(1, fitting)


def fillings(fields, lang: str, sample: str) -> list[dict[str, str]]:
    """ROUNDS dicts {field: characters}: each field gets the name characters in turn (and over the
    rounds all of them when it holds four or more), ASCII, and its own slice of the Big5 sample."""
    rounds, spare = [], iter(sample * 4)
    cycle = NAME_CHARACTERS + ASCII
    for number in range(ROUNDS):
        values = {}
        for index, field in enumerate(fields):
            size = capacity(field, lang)
            start = (number * size + index) % len(cycle)
            own = (cycle * 3)[start:start + max(1, size - 1)]
            chars = own + (next(spare) if size > 1 else "")
            values[field.name] = chars
        rounds.append(values)
    return rounds


def reference_pdf(characters: str, path: Path) -> dict[str, tuple]:
    """A page with every character as embedded text at 11 pt, each in its own box; {char: rect}."""
    from weasyprint import HTML

    font = base64.b64encode(subset_face(find_face(), set(characters))).decode("ascii")
    per_line, line = 20, 24
    rows = (len(characters) + per_line - 1) // per_line
    height = 40 + line * rows
    cells = "".join(f'<span style="position:absolute;left:{20 + 28 * (i % per_line)}pt;'
                    f'top:{20 + line * (i // per_line)}pt">{c}</span>' for i, c in enumerate(characters))
    HTML(string=f'<html><style>@font-face{{font-family:R;src:url(data:font/otf;base64,{font})}}'
                f'@page{{size:620pt {height}pt;margin:0}}body{{font-family:R;font-size:11pt;margin:0}}</style>'
                f"<body>{cells}</body></html>").write_pdf(path)
    return {c: (20 + 28 * (i % per_line) - 6, height - (20 + line * (i // per_line)) - 18,
                20 + 28 * (i % per_line) + 20, height - (20 + line * (i // per_line)) + 6)
            for i, c in enumerate(characters)}


def split_characters(image, count: int):
    """The drawn field cut into `count` glyphs at the `count - 1` widest gaps between ink."""
    columns = ink_columns(image)
    runs, start = [], None
    for x, ink in enumerate([*columns, False]):
        if ink and start is None:
            start = x
        elif not ink and start is not None:
            runs.append((start, x))
            start = None
    if len(runs) < count:
        return [None] * count
    gaps = sorted(range(1, len(runs)), key=lambda i: runs[i][0] - runs[i - 1][1], reverse=True)[:count - 1]
    cuts = [0, *sorted(gaps), len(runs)]
    return [shape(image.crop((runs[cuts[i]][0], 0, runs[cuts[i + 1] - 1][1], image.height)))
            for i in range(count)]


@pytest.fixture(scope="module")
def blanks(built):
    return [entry for entry in built[1].files if entry.format == "pdf" and entry.variant == "blank"]


@pytest.fixture(scope="module", params=["poppler", "pdfium", pytest.param("pdf.js", marks=pytest.mark.browser)])
def viewer(request):
    """(name, render(path, page) -> image) of each viewer; pdf.js runs in headless Chromium."""
    if request.param != "pdf.js":
        yield request.param, VIEWERS[request.param]
        return
    with pdfjs_viewer() as pdfjs:
        yield request.param, lambda path, page: pdfjs.render(path, page, DPI)


def test_every_typed_character_gets_ink(built, blanks, viewer, tmp_path):
    viewer, render = viewer
    sample = big5_sample(400)
    failures, checked = [], 0
    for entry in blanks:
        source = built[0] / "out" / entry.path
        fields = text_fields(source)
        assert fields, f"{entry.path}: no text field"
        rounds = fillings(fields, entry.lang, sample)
        characters = "".join(sorted({c for values in rounds for text in values.values() for c in text}))
        reference = tmp_path / f"{Path(entry.path).stem}-reference.pdf"
        places = reference_pdf(characters, reference)
        reference_page = render(reference, 0)
        shapes = {c: split_characters(crop_points(reference_page, rect, 0), 1)[0] for c, rect in places.items()}
        for number, values in enumerate(rounds):
            filled = tmp_path / f"{Path(entry.path).stem}-{number}.pdf"
            fill(source, filled, {name: GAP.join(chars) for name, chars in values.items()})
            pages = {}
            for field in fields:
                if field.page not in pages:
                    pages[field.page] = render(filled, field.page)
                chars = values[field.name]
                drawn = split_characters(crop_points(pages[field.page], field.rect, 0.2), len(chars))
                for char, glyph in zip(chars, drawn, strict=True):
                    checked += 1
                    if not recognised(glyph, char, shapes):
                        failures.append(f"{entry.path}: field {field.name}: {char!r} (U+{ord(char):04X}) not drawn "
                                        f"by {viewer}")
    assert not failures, f"{len(failures)} of {checked} characters lost, e.g.:\n" + "\n".join(failures[:20])
    assert checked > 2000


def test_the_check_catches_a_field_font_that_loses_characters(built, blanks, tmp_path):
    """The same check on a copy whose field font uses a Unicode CMap (which poppler gets wrong,
    drawing other glyphs): it must fail there, or it proves nothing."""
    import pikepdf

    entry = next(e for e in blanks if e.lang == "zh-tw")
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(built[0] / "out" / entry.path) as pdf:
        for font in pdf.Root.AcroForm.DR.Font.values():
            if font.get("/Encoding") == pikepdf.Name("/Identity-H") and "/FontFile" not in str(font.keys()):
                font.Encoding = pikepdf.Name("/UniCNS-UCS2-H")
        pdf.save(broken)
    field = text_fields(broken)[0]
    chars = NAME_CHARACTERS[:capacity(field, "zh-tw")]
    filled = tmp_path / "broken-filled.pdf"
    fill(broken, filled, {field.name: GAP.join(chars)})
    reference = tmp_path / "reference.pdf"
    places = reference_pdf(chars, reference)
    render = VIEWERS["poppler"]
    page = render(reference, 0)
    drawn = split_characters(crop_points(render(filled, field.page), field.rect, 0.7), len(chars))
    shapes = {c: split_characters(crop_points(page, places[c], 0), 1)[0] for c in chars}
    found = [recognised(glyph, c, shapes) for c, glyph in zip(chars, drawn, strict=True)]
    assert not any(found), found


def test_every_text_field_uses_the_cjk_field_font(built, blanks):
    """The field font is the standard, non-embedded Adobe-CNS1 face, never the document's subset."""
    import pikepdf

    for entry in blanks:
        with pikepdf.open(built[0] / "out" / entry.path) as pdf:
            form = pdf.Root.AcroForm
            for field in form.Fields:
                if field.get("/FT") == pikepdf.Name.Tx:
                    font_key = str(field.DA).split()[0]
                    font = form.DR.Font[font_key]
                    info = font.DescendantFonts[0].CIDSystemInfo
                    assert (str(info.Registry), str(info.Ordering)) == ("Adobe", "CNS1"), (entry.path, field.T)
                    assert "/FontFile" not in repr(font.DescendantFonts[0].FontDescriptor), entry.path
