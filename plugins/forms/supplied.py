"""Official files an office publishes as they are, in `forms/<form-id>/files/`, named
`<lang>-<variant>.<pdf|odt>` (e.g. `zh-tw-blank.pdf`): each replaces the generated file of that
language, variant and format. A PDF must be tagged, an ODT valid, and a Word file has an ODF
file beside it (Executive Yuan rule: editable downloads in ODF)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from problems import Problem
from sources.paths import display_path

from .layout import VARIANTS
from .pdfcheck import UnreadablePdf, pdf_facts, tagging_mistakes

STAGE = "forms"
FOLDER = "files"
FORMATS = ("pdf", "odt")
WORD = (".doc", ".docx")
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
NAME = re.compile(r"^(?P<lang>[a-z]+(?:-[a-z]+)?)-(?P<variant>[a-z]+)\.(?P<format>[a-z]+)$")
TAG_FIX = ("export it again as a tagged PDF with a title and the document language (in LibreOffice: "
           "File → Export as PDF → General: tick 'Universal Accessibility (PDF/UA)'; set File → "
           "Properties → Title), or delete it so that the build generates the form")


def supplied_files(folder: Path) -> dict[tuple[str, str, str], Path]:
    """{(lang, variant, format): path} of the well-named PDF and ODT files of one form."""
    found = {}
    for path in sorted((folder / FOLDER).glob("*")):
        match = NAME.match(path.name)
        if match and match["format"] in FORMATS:
            found[(match["lang"], match["variant"], match["format"])] = path
    return found


def check_supplied(form_folders: list[Path], languages: list[str]) -> list[Problem]:
    """Every mistake in the supplied files of these form folders, one Problem each."""
    problems = []
    for folder in form_folders:
        for path in sorted((folder / FOLDER).glob("*")):
            problems += check_file(path, languages)
    return problems


def check_file(path: Path, languages: list[str]) -> list[Problem]:
    shown = display_path(path)
    if path.suffix.lower() in WORD:
        if path.with_suffix(".odt").exists():
            return []
        return [Problem(shown, None, STAGE, "word-without-odf", "a Word file has no ODF file beside it",
                        f"save it as ODF text in LibreOffice or Word (File → Save As → ODF Text, "
                        f"{path.with_suffix('.odt').name}), or delete it")]
    match = NAME.match(path.name)
    if not match or match["format"] not in FORMATS or match["variant"] not in VARIANTS \
            or match["lang"] not in languages:
        return [Problem(shown, None, STAGE, "supplied-name", f"`{path.name}` is not a supplied form file name",
                        f"name it <lang>-<variant>.<pdf|odt> with lang one of {', '.join(languages)} and "
                        f"variant one of {', '.join(VARIANTS)}, e.g. zh-tw-blank.pdf")]
    if match["format"] == "pdf":
        return [Problem(shown, None, STAGE, "untagged-pdf", message, TAG_FIX) for message in pdf_mistakes(path)]
    return [Problem(shown, None, STAGE, "invalid-odt", message,
                    "save it again from LibreOffice as ODF Text (.odt), or delete it so that the build "
                    "generates the form") for message in odt_mistakes(path)]


def pdf_mistakes(path: Path) -> list[str]:
    try:
        return tagging_mistakes(pdf_facts(path))
    except UnreadablePdf as error:
        return [f"it cannot be read as a PDF ({error})"]


def odt_mistakes(path: Path) -> list[str]:
    """What makes the file an invalid ODT: `mimetype` not first, compressed or wrong; content.xml broken."""
    try:
        with zipfile.ZipFile(path) as odt:
            entries = odt.infolist()
            first = entries[0] if entries else None
            if first is None or first.filename != "mimetype":
                return ["the first entry of the zip is not `mimetype`"]
            if first.compress_type != zipfile.ZIP_STORED:
                return ["the `mimetype` entry is compressed (it must be stored)"]
            if odt.read("mimetype").strip() != ODT_MIMETYPE:
                return ["it is not an ODF text document (mimetype)"]
            ElementTree.fromstring(odt.read("content.xml"))
    except (zipfile.BadZipFile, OSError) as error:
        return [f"it cannot be read as a zip file ({error})"]
    except KeyError:
        return ["it has no content.xml"]
    except ElementTree.ParseError as error:
        return [f"its content.xml is not well-formed XML ({error})"]
    return []
