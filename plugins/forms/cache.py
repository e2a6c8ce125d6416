"""Cache keys: a form is generated again only when its definition, its supplied files, the
templates, the generator's own code, the translations of its words, the pinned libraries or the
installed face change."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from .definitions import Form
from .fonts import FaceFile
from .supplied import FOLDER

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("weasyprint", "pydyf", "odfpy", "fonttools", "pikepdf")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def code_key(face: FaceFile, text_tables: dict[str, dict[str, str]]) -> str:
    """The hash of everything every form depends on: code, templates, libraries, face, words."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".css")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = {name: metadata.version(name) for name in LIBRARIES}
    digest.update(json.dumps([versions, face.identity(), text_tables], sort_keys=True).encode())
    return digest.hexdigest()


def store_of(form: Form, cache_dir: Path, languages: list[str], common: str) -> Path:
    """Where one form's files are kept: `<cache>/<id>/<key>` for a form every site shares, and
    `<cache>/<id>@<site>/<key>` for a site's own form (its override of a national one, or a form
    only it has), so that a city's sites sharing one cache never prune each other's forms."""
    slot = f"{form.id}@{form.site}" if form.site else form.id
    return Path(cache_dir) / slot / form_key(form, languages, common)


def form_key(form: Form, languages: list[str], common: str) -> str:
    """The hash of one form's generation: the common key, its definition and its supplied files."""
    digest = hashlib.sha256(common.encode())
    digest.update(json.dumps([form.id, languages, form.definition.model_dump(mode="json")],
                             sort_keys=True, ensure_ascii=False).encode())
    for path in sorted((form.folder / FOLDER).glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
