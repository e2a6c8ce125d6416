"""Article (or point) numbers of a law as words in the page's language: 'Article 6 and
Article 48-2', '第6條和第48條之2' (the list joined the way the language joins lists, by Babel)."""

from __future__ import annotations

import gettext

from babel import Locale
from babel.lists import format_list
from markupsafe import Markup, escape

from .links import external_cue


def article_name(number: str, catalog: gettext.NullTranslations, unit: str = "article") -> str:
    """'Article 48' / '第48條'; 'Article 48-2' / '第48條之2'; 'Point 8' / '第8點'."""
    main, _, sub = number.partition("-")
    if unit == "point":
        return catalog.gettext("Point %(number)s") % {"number": number}
    if sub:
        return catalog.gettext("Article %(number)s-%(sub)s") % {"number": main, "sub": sub}
    return catalog.gettext("Article %(number)s") % {"number": main}


def article_list(numbers: list[str], catalog: gettext.NullTranslations, html_lang: str,
                 unit: str = "article") -> str:
    names = [article_name(n, catalog, unit) for n in numbers]
    return format_list(names, locale=Locale.parse(html_lang, sep="-"))


def article_links(numbers: list[str], law, lang: str, catalog: gettext.NullTranslations, html_lang: str,
                  attributes: str = "") -> Markup:
    """The articles as words, each linked to `law.article_url(number)` where it has one; each link's
    title names the law too ('戶籍法第14條'), as two laws' 'Article 14' go to different pages; its
    text ends with the external-link cue (the database is another site)."""
    names = []
    for number in numbers:
        name = article_name(number, catalog, law.numbered_by)
        url = law.article_url(number)
        title = catalog.gettext("%(law)s %(article)s") % {"law": law.name[lang], "article": name}
        names.append(Markup('<a href="{url}" title="{title}"{attributes}>{name}{cue}</a>').format(
            url=url, title=title, attributes=Markup(attributes), name=name, cue=external_cue(catalog))
            if url else escape(name))
    return Markup(format_list([str(name) for name in names], locale=Locale.parse(html_lang, sep="-")))
