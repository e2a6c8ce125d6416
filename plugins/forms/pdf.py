"""A document as a tagged PDF (PDF/UA-1) made by WeasyPrint from HTML: title and /Lang from the
HTML, a structure tree, one embedded subset face, dates from the definition (never the clock),
and, for the blank form, fillable fields whose accessible name (/TU) is the field's label."""

from __future__ import annotations

import base64
import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .acroform import finish
from .layout import Document
from .schema import HAND_TYPES

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_VARIANT = "pdf/ua-1"
CHAR_EM = {"zh-tw": 1.0, "en": 0.58}  # the width of a written character, in em, per language
# The layouts tried in turn (classes on <body>, form.css): roomy; tighter spacing; tighter and
# sections free to continue on the next page (each row whole, the title kept with its first row);
# the same with less room around the boxes (never under 9 mm a line: the boxes keep their height).
LAYOUTS = ("", "tight", "tight flow", "tight flow compact")
BALANCE = "balance"
MIN_LAST_PAGE = 0.25  # a last page less full than this is worth a tighter layout, if one saves the page


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


def html_of(doc: Document, font: bytes, env: Environment, layout: str = "") -> str:
    """The HTML WeasyPrint turns into the PDF; `layout` is one of LAYOUTS (classes on <body>)."""
    stamp = datetime.datetime.combine(doc.updated, datetime.time(0, 0), datetime.UTC).isoformat()
    return env.get_template("form.html.j2").render(
        doc=doc, stamp=stamp.replace("+00:00", "Z"), font=Markup(base64.b64encode(font).decode("ascii")),
        css=Markup((TEMPLATES / "form.css").read_text(encoding="utf-8")), page_counter=page_counter(doc.page_text),
        hand_types=HAND_TYPES, char_em=CHAR_EM[doc.lang], layout=layout)


def render_pdf(doc: Document, font: bytes, env: Environment, ascii_widths: list[int]) -> RenderedPdf:
    """The document as PDF bytes; the blank form is fillable, the example is not.

    Laid out roomy first; when that leaves a last page less than a quarter full, the tighter
    layouts (LAYOUTS) are tried and the first that needs fewer pages is taken."""
    options = {"pdf_variant": PDF_VARIANT, "pdf_forms": doc.variant == "blank"}
    rendered = best_layout(doc, font, env, options)
    data = finish(rendered.write_pdf(**options), doc, ascii_widths)
    return RenderedPdf(data, len(rendered.pages))


def layouts(doc: Document, font: bytes, env: Environment, options: dict | None = None) -> Iterator:
    """(layout, WeasyPrint document, last page fill) for each layout in LAYOUTS, roomiest first."""
    from weasyprint import HTML  # imported here: 0.6 s, only in the processes that render

    options = options or {"pdf_variant": PDF_VARIANT, "pdf_forms": doc.variant == "blank"}
    for layout in LAYOUTS:
        rendered = HTML(string=html_of(doc, font, env, layout)).render(**options)
        yield layout, rendered, last_page_fill(rendered)


def best_layout(doc: Document, font: bytes, env: Environment, options: dict):
    """The roomiest layout, unless its last page is under MIN_LAST_PAGE full: then the first
    tighter one that needs fewer pages, else the roomy one with its last section moved onto the
    last page (BALANCE) when that fills it enough without adding a page."""
    first = None
    for _layout, rendered, fill in layouts(doc, font, env, options):
        if first is None:
            first = rendered
            if fill >= MIN_LAST_PAGE or len(rendered.pages) == 1:
                return rendered
        elif len(rendered.pages) < len(first.pages):
            return rendered
    from weasyprint import HTML

    balanced = HTML(string=html_of(doc, font, env, BALANCE)).render(**options)
    if len(balanced.pages) == len(first.pages) and last_page_fill(balanced) >= MIN_LAST_PAGE:
        return balanced
    return first


def last_page_fill(rendered) -> float:
    """How much of the last page's content area the document fills, 0 to 1."""
    page = rendered.pages[-1]._page_box
    root = page.children[0]
    return (root.position_y + root.margin_height() - page.content_box_y()) / page.height
