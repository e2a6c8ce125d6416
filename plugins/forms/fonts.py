"""The one face every generated document uses, Noto Sans CJK TC Regular (Debian `fonts-noto-cjk`),
cut down to the characters a document needs before WeasyPrint sees it.

Why cut it first: WeasyPrint embeds a font used by form fields whole (about 16 MB for this
face) and maps its glyphs back to text from the font's own cmap, where 一 and the Kangxi radical
⼀ share a glyph, so text extraction finds the radical. A font that holds only the document's
characters (plus printable ASCII, for what people type into fields) is small, and maps each
glyph to the one character it was cut for.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from problems import Problem, ProblemsFound

FAMILY = "Noto Sans CJK TC"
ASCII = frozenset(chr(code) for code in range(0x20, 0x7F))
INSTALL_FIX = "install the Debian package fonts-noto-cjk (`make test` and `make build` do it)"


class FontMissing(ProblemsFound):
    """The face the forms need is not installed: generation cannot run, so it fails."""

    def __init__(self, message: str):
        super().__init__([Problem("fonts-noto-cjk", None, "forms", "font-missing", message, INSTALL_FIX)])


@dataclass(frozen=True)
class FaceFile:
    """Where the face is: a font file and the index of the face inside a collection (.ttc)."""

    path: Path
    index: int

    def identity(self) -> str:
        """What the cache key needs to know about the installed face."""
        return f"{self.path}:{self.index}:{self.path.stat().st_size}"


def find_face(family: str = FAMILY) -> FaceFile:
    """The installed file of the face, found by fontconfig; FontMissing when it is not installed."""
    try:
        result = subprocess.run(["fc-match", "-f", "%{file}\t%{index}\t%{family}", f"{family}:style=Regular"],
                                capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        raise FontMissing(f"cannot ask fontconfig for {family!r} ({error})") from None
    path, index, families = [*result.stdout.split("\t"), "", "", ""][:3]
    if family not in families.split(","):
        raise FontMissing(f"the font {family!r} is not installed (fontconfig offers {families!r})")
    return FaceFile(Path(path), int(index or 0))


def subset_face(face: FaceFile, characters: set[str]) -> bytes:
    """The face with only `characters` and printable ASCII, as an OpenType (CFF) font file."""
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(char) for char in set(characters) | ASCII})
    buffer = io.BytesIO()
    # recalcTimestamp=False: keep the face's own head.modified, not the clock (reproducible files).
    with TTFont(face.path, fontNumber=face.index, lazy=True, recalcTimestamp=False) as font:
        subsetter.subset(font)
        font.save(buffer)
    return buffer.getvalue()


def ascii_widths(face: FaceFile) -> list[int]:
    """The advance widths of printable ASCII (U+0020–U+007E) in the face, in 1/1000 em."""
    with TTFont(face.path, fontNumber=face.index, lazy=True) as font:
        cmap, metrics, scale = font.getBestCmap(), font["hmtx"].metrics, 1000 / font["head"].unitsPerEm
        return [round(metrics[cmap[code]][0] * scale) for code in range(0x20, 0x7F)]
