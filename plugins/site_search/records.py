"""The search manifest: Pagefind custom records for the form downloads, and what each
language's index must hold. Built from the SiteIndex, with the words of each page's language."""

from __future__ import annotations

import gettext

from template_env.sizes import human_size


def index_language(html_lang: str) -> str:
    """The name of a language's Pagefind index: the page's `<html lang>`, lower-cased."""
    return html_lang.lower()


def file_title(form, file, catalog: gettext.NullTranslations) -> str:
    """What the download link says, in the page's words: title, blank form, format, pages, size
    (the same catalog entries as theme/templates/components/forms.html)."""
    variant = catalog.gettext("blank form") if file.variant == "blank" else catalog.gettext("filled-in example")
    size = human_size(file.bytes, catalog)
    if file.pages:
        info = catalog.ngettext(" (%(format)s, %(num)d page, %(size)s)", " (%(format)s, %(num)d pages, %(size)s)",
                                file.pages) % {"format": file.format.upper(), "num": file.pages, "size": size}
    else:
        info = catalog.gettext(" (%(format)s, %(size)s)") % {"format": file.format.upper(), "size": size}
    return catalog.gettext("%(title)s, %(variant)s") % {"title": form.title, "variant": variant} + info


def form_words(form) -> list[str]:
    """A form's title, purpose, section titles and field labels: what people search a form by."""
    words = [form.title, form.purpose]
    for section in form.sections:
        words += [section["title"], *(field["label"] for field in section["fields"])]
    return words


def download_records(index, translations: dict) -> list[dict]:
    """One custom record per form and language: its first download (the blank form, PDF first),
    so that searching a form's name or a field's label finds the file itself."""
    records = []
    for lang in index.languages:
        catalog = translations[lang]
        for form in index.items("form", lang):
            if not index.is_searched(form) or not form.downloads:
                continue
            file = form.downloads[0]
            records.append({
                "url": f"/forms/{file.path}",
                "language": index_language(index.html_lang(lang)),
                "content": "\n".join(form_words(form)),
                "meta": {"title": file_title(form, file, catalog), "section": catalog.gettext(form.kind.label)},
            })
    return records


def search_manifest(index, translations: dict) -> dict:
    """The custom records, and per index language the pages and records it must hold."""
    records = download_records(index, translations)
    expected = {}
    for lang in index.languages:
        name = index_language(index.html_lang(lang))
        pages = sum(1 for item in index.all_items() if item.lang == lang and index.is_searched(item))
        expected[name] = {"pages": pages, "records": sum(1 for r in records if r["language"] == name)}
    return {"records": records, "languages": expected}
