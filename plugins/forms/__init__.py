"""The forms engine: one definition per form makes a tagged, fillable PDF and an editable ODT,
blank and filled-in example, in each language. A library with no Pelican in it; a Pelican
generator (the "form" content kind) calls it.

Definitions: `forms/<form-id>/form.yaml` (schema in `forms.schema`, described in docs/forms.md).

API
---
`load_definitions(forms_dir, languages, *, allowlist, topics=DEFAULT_TOPICS,
guides=DEFAULT_GUIDES, below=()) -> list[Form]`
    Read and check every definition (those of `forms_dir`, and of the folders `below` it, lowest
    first, that `forms_dir` has no form of the same id for: a site's forms over the engine's);
    raises `problems.ProblemsFound` with every mistake, each naming file and line
    (`forms/x/form.yaml:12: forms [duplicate-id]: … Fix: …`). A `Form` has `id` (the folder
    name), `folder`, `source`, `definition` (a `FormDefinition`), `site` ("" for a form every site
    shares, else whose own form it is: its files are cached apart) and `fields()`.
    Every example value goes through the personal-data guard (`personal_data.scan_text`) with
    `allowlist` (`personal_data.load_allowlist(personal_data.ALLOWLIST_FILE, today)`): an ID
    number with a valid checksum that is not allow-listed is a problem (stage personal-data).
    `topics` and `guides` are the accepted keys (pass those of content/data/topics.yaml and
    the guides once they exist).

`check_supplied(form_folders, languages) -> list[Problem]`
    Check official files in `forms/<id>/files/` (`<lang>-<variant>.<pdf|odt>`): a PDF must be
    tagged (StructTreeRoot, MarkInfo Marked, /Lang, title, embedded fonts), an ODT valid
    (`mimetype` first and stored, content.xml parses), a .doc/.docx needs an .odt beside it.
    `generate` runs it first (and raises ProblemsFound), then copies such files in place of
    the generated ones.

`generate(forms, out_dir, cache_dir, workers=None, languages=("zh-tw", "en")) -> GenerationReport`
    Write `<out_dir>/<id>/<id>-<variant>-<lang>.<pdf|odt>` for every form, language and variant.
    Forms whose cache key (definition, supplied files, templates, this package's code, the
    translations of its words, library versions, the installed face) changed are generated in
    `workers` processes (default: one per core); a file is written into `out_dir` only when its
    bytes differ. The report lists every file (`FileEntry`: form_id, lang, variant, format,
    path relative to out_dir, bytes, pages (None for an ODT: LibreOffice paginates it differently
    from the PDF, and other programs will too), sha256, updated, supplied) and counts `regenerated`
    (files generated) and `written` (files written into out_dir).
    The build does it in two steps, so that nothing is written into the output before Pelican's
    output phase: `make_files(forms, cache_dir, …) -> MadeFiles` (every file in the cache, and
    what the pages need to know of them), then `publish(made, out_dir) -> GenerationReport`.

`pdf_facts(path_or_bytes) -> PdfFacts` and `tagging_mistakes(facts)` read a PDF's tags with pikepdf.

Errors that are not content mistakes: `fonts.FontMissing` (install fonts-noto-cjk) and
`texts.UntranslatedError` (translate the forms' messages): generation fails, never silently.

Command line (the tool layer): `make forms`, i.e. `python -m site_build forms --out output/forms --cache .cache/forms`.
"""

from .definitions import DEFAULT_GUIDES, DEFAULT_TOPICS, Form, load_definitions  # noqa: F401
from .generate import FileEntry, GenerationReport, MadeFiles, generate, make_files, publish  # noqa: F401
from .pdfcheck import PdfFacts, pdf_facts, tagging_mistakes  # noqa: F401
from .schema import FIELD_TYPES, FormDefinition  # noqa: F401
from .supplied import check_supplied  # noqa: F401
