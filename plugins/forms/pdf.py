"""A document as a tagged PDF (PDF/UA-1) made by WeasyPrint from HTML: title and /Lang from the
HTML, a structure tree, one embedded subset face, dates from the definition (never the clock),
and, for the blank form, fillable fields whose accessible name (/TU) is the field's label."""

from __future__ import annotations

import base64
import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .layout import Document
from .schema import HAND_TYPES

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_VARIANT = "pdf/ua-1"
CHAR_EM = {"zh-tw": 1.0, "en": 0.58}  # the width of a written character, in em, per language


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def css_string(text: str) -> Markup:
    """A text as the inside of a CSS string in a <style> element (raw text: no HTML escaping there).

    JSON's escaping is valid CSS for quotes and backslashes; `<` is escaped so nothing can close
    the element."""
    return Markup(json.dumps(text, ensure_ascii=False)[1:-1].replace("<", "\\3C "))


def page_counter(template: str) -> Markup:
    """"Page {page} of {pages}" as CSS `content`: strings and counter(page), counter(pages)."""
    parts, rest = [], template
    while "{" in rest:
        before, _, rest = rest.partition("{")
        name, _, rest = rest.partition("}")
        parts += [f'"{css_string(before)}"', f"counter({name})"]
    parts.append(f'"{css_string(rest)}"')
    return Markup(" ".join(part for part in parts if part != '""'))


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = css_string
    return env


def html_of(doc: Document, font: bytes, env: Environment) -> str:
    """The HTML WeasyPrint turns into the PDF."""
    stamp = datetime.datetime.combine(doc.updated, datetime.time(0, 0), datetime.UTC).isoformat()
    return env.get_template("form.html.j2").render(
        doc=doc, stamp=stamp.replace("+00:00", "Z"), font=Markup(base64.b64encode(font).decode("ascii")),
        css=Markup((TEMPLATES / "form.css").read_text(encoding="utf-8")), page_counter=page_counter(doc.page_text),
        hand_types=HAND_TYPES, char_em=CHAR_EM[doc.lang])


def render_pdf(doc: Document, font: bytes, env: Environment) -> RenderedPdf:
    """The document as PDF bytes; the blank form is fillable, the example is not."""
    from weasyprint import HTML  # imported here: 0.6 s, only in the processes that render

    options = {"pdf_variant": PDF_VARIANT, "pdf_forms": doc.variant == "blank"}
    rendered = HTML(string=html_of(doc, font, env)).render(**options)
    data = rendered.write_pdf(**options)
    return RenderedPdf(data, len(rendered.pages))
