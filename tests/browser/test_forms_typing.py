"""Typed text shows in every viewer: every blank PDF, zh and en, is filled the way a program
fills it (pikepdf: /V, NeedAppearances), rendered by poppler (pdftoppm), PDFium (pypdfium2
with its form layer) and pdf.js (pdfjs-dist in headless Chromium, as it prints), and every
character typed into every text field must be drawn as the same viewer draws that character
as ordinary text (its closest reference shape): common name characters outside Big5 (堃, 喆, 犇,
峯, 菓), rare Big5 ones (淼, 裡, 曌), a spread sample of the whole Big5 set, and ASCII. A
character dropped, drawn as a box or as another glyph fails, naming form, field and viewer.

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


def reference_shapes(rounds: list[dict[str, str]], render, tmp_path: Path) -> dict:
    """{character: the shape `render` draws for it as embedded text} for every character typed."""
    characters = "".join(sorted({c for values in rounds for text in values.values() for c in text}))
    places = reference_pdf(characters, tmp_path / "reference.pdf")
    page = render(tmp_path / "reference.pdf", 0)
    return {c: split_characters(crop_points(page, rect, 0), 1)[0] for c, rect in places.items()}


def lost_characters(filled: Path, fields, values: dict[str, str], shapes: dict, render,
                    ink_only: str = "") -> tuple[list, int]:
    """([(field, character)] not drawn as themselves in the filled file, characters checked);
    a character in `ink_only` needs only ink in its place (a viewer that draws typed Latin with
    another face than the document's)."""
    lost, checked, pages = [], 0, {}
    for field in fields:
        if field.page not in pages:
            pages[field.page] = render(filled, field.page)
        chars = values[field.name]
        drawn = split_characters(crop_points(pages[field.page], field.rect, 0.2), len(chars))
        for char, glyph in zip(chars, drawn, strict=True):
            checked += 1
            if glyph is None if char in ink_only else not recognised(glyph, char, shapes):
                lost.append((field.name, char))
    return lost, checked


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
        # Twice the resolution: pdf.js sizes a full one-line box's text smallest of the three.
        yield request.param, lambda path, page: pdfjs.render(path, page, 2 * DPI)


def test_every_typed_character_gets_ink(built, blanks, viewer, tmp_path):
    viewer, render = viewer
    sample = big5_sample(400)
    failures, checked = [], 0
    for entry in blanks:
        source = built[0] / "out" / entry.path
        fields = text_fields(source)
        assert fields, f"{entry.path}: no text field"
        rounds = fillings(fields, entry.lang, sample)
        shapes = reference_shapes(rounds, render, tmp_path)
        for number, values in enumerate(rounds):
            filled = tmp_path / f"{Path(entry.path).stem}-{number}.pdf"
            fill(source, filled, {name: GAP.join(chars) for name, chars in values.items()})
            # pdf.js draws typed Latin with its own standard face, not the document's: ink suffices.
            lost, count = lost_characters(filled, fields, values, shapes, render,
                                          ASCII if viewer == "pdf.js" else "")
            checked += count
            failures += [f"{entry.path}: field {name}: {char!r} (U+{ord(char):04X}) not drawn by {viewer}"
                         for name, char in lost]
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


def type_in_pdfium(source: Path, target: Path, values: dict[str, str]) -> None:
    """What a person does in Chrome or Edge: click each field, type, leave it; then save."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    fields = text_fields(source)
    document = pdfium.PdfDocument(str(source))
    try:
        document.init_forms()
        for number in sorted({field.page for field in fields}):
            page = document[number]
            raw.FORM_OnAfterLoadPage(page, document.formenv)
            for field in (f for f in fields if f.page == number and f.name in values):
                x, y = (field.rect[0] + field.rect[2]) / 2, (field.rect[1] + field.rect[3]) / 2
                raw.FORM_ForceToKillFocus(document.formenv)
                raw.FORM_OnMouseMove(document.formenv, page, 0, x, y)
                raw.FORM_OnLButtonDown(document.formenv, page, 0, x, y)
                raw.FORM_OnLButtonUp(document.formenv, page, 0, x, y)
                text = ctypes.create_string_buffer((values[field.name] + "\0").encode("utf-16-le"))
                raw.FORM_ReplaceSelection(document.formenv, page, ctypes.cast(text, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FORM_ForceToKillFocus(document.formenv)
            raw.FORM_OnBeforeClosePage(page, document.formenv)
        document.save(str(target))
    finally:
        document.close()


def test_typed_in_pdfium_and_saved_it_shows_in_poppler(built, blanks, tmp_path):
    """Filled in Chrome or Edge, saved, opened in Evince or Okular: the appearance PDFium wrote
    (no NeedAppearances) shows every character, and /V holds exactly what was typed."""
    import pikepdf

    failures, checked = [], 0
    render = VIEWERS["poppler"]
    for entry in blanks:
        source = built[0] / "out" / entry.path
        fields = text_fields(source)
        values = fillings(fields, entry.lang, big5_sample(400))[0]
        saved = tmp_path / f"{Path(entry.path).stem}-typed.pdf"
        type_in_pdfium(source, saved, {name: GAP.join(chars) for name, chars in values.items()})
        with pikepdf.open(saved) as pdf:
            assert not pdf.Root.AcroForm.get("/NeedAppearances", False), entry.path
            stored = {str(f.T): str(f.get("/V", "")) for f in pdf.Root.AcroForm.Fields}
        assert {name: stored[name] for name in values} == {name: GAP.join(c) for name, c in values.items()}, entry.path
        lost, count = lost_characters(saved, fields, values, reference_shapes([values], render, tmp_path), render)
        checked += count
        failures += [f"{entry.path}: field {name}: {char!r} typed in PDFium, not shown by poppler"
                     for name, char in lost]
    assert not failures, f"{len(failures)} of {checked} characters lost, e.g.:\n" + "\n".join(failures[:20])


def wrapped_characters(image, count: int) -> list:
    """The glyphs of text that may wrap: line by line (rows of ink), each line cut at its gaps
    wider than half a line's height; None for all when the count differs."""
    rows = [image.crop((0, y, image.width, y + 1)).getextrema()[0] < 160 for y in range(image.height)]
    lines, start = [], None
    for y, ink in enumerate([*rows, False]):
        if ink and start is None:
            start = y
        elif not ink and start is not None:
            lines.append((start, y))
            start = None
    glyphs = []
    for top, bottom in lines:
        line = image.crop((0, top, image.width, bottom))
        columns = ink_columns(line)
        runs, begin = [], None
        for x, ink in enumerate([*columns, False]):
            if ink and begin is None:
                begin = x
            elif not ink and begin is not None:
                if runs and begin - runs[-1][1] < (bottom - top) / 2:
                    runs[-1] = (runs[-1][0], x)
                else:
                    runs.append((begin, x))
                begin = None
        glyphs += [shape(line.crop((left, 0, right, line.height))) for left, right in runs]
    return glyphs if len(glyphs) == count else [None] * count


@pytest.mark.parametrize("viewer", ["poppler", "pdfium"])
def test_a_long_address_wraps_and_loses_nothing(built, blanks, viewer, tmp_path):
    """Half as much again as an address box holds on one line wraps to a second line in the
    box (it is a several-line field): every character still drawn."""
    render = VIEWERS[viewer]
    failures, checked = [], 0
    for entry in blanks:
        source = built[0] / "out" / entry.path
        addresses = [f for f in text_fields(source) if "address" in f.name]
        if not addresses:
            continue
        field = addresses[0]
        assert field.multiline, f"{entry.path}: {field.name} is not a several-line field"
        chars = (NAME_CHARACTERS * 4)[:capacity(field, entry.lang) * 3 // 2]
        filled = tmp_path / "long.pdf"
        fill(source, filled, {field.name: GAP.join(chars)})
        shapes = reference_shapes([{field.name: chars}], render, tmp_path)
        drawn = wrapped_characters(crop_points(render(filled, field.page), field.rect, 0.2), len(chars))
        for char, glyph in zip(chars, drawn, strict=True):
            checked += 1
            if not recognised(glyph, char, shapes):
                failures.append(f"{entry.path}: field {field.name}: {char!r} cut off or lost by {viewer}")
    assert checked > 100
    assert not failures, "\n".join(failures[:20])
