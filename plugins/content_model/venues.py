"""Which offices handle each service, and which services are online: read from the guides'
`where` headers (the ONE declaration of venues) into the lists a page shows with
`{{list:any-office}}`, `{{list:given-office}}`, `{{list:ask-office}}` and `{{list:online}}`.

Each list item links to its guide and adds the guide's note for that place, so the contact page
and the FAQ say exactly what the guides say.
"""

from __future__ import annotations

from .items import url_of

# list name -> (the place of `where` it reads, the statuses it lists)
LIST_RULES = {
    "any-office": ("nationwide", ("yes",)),
    "given-office": ("nationwide", ("no",)),
    "ask-office": ("nationwide", ("ask",)),
    "online": ("online", ("yes",)),
}


def guide_order(entries, topics: list[str]) -> list:
    """The guides in the order the guides index shows them: by topic, then by slug."""
    rank = {key: n for n, key in enumerate(topics)}
    return sorted(entries, key=lambda entry: (rank.get(entry.header.topic, len(rank)), entry.slug))


def list_items(guides, place: str, statuses: tuple[str, ...], lang: str, catalog, prefix: str, kind,
               html_lang: str) -> list[str]:
    """Markdown list lines, one per guide whose `where.<place>` has one of the statuses; a guide
    not translated yet is shown in its own language, marked with `lang`."""
    lines = []
    for entry in guides:
        where = getattr(entry.header.where, place)
        if where.status not in statuses:
            continue
        title, note = entry.header.title, where.note
        if entry.lang != lang:
            title = f'<span lang="{html_lang}">{title}</span>'
            note = note and f'<span lang="{html_lang}">{note}</span>'
        link = f"[{title}](/{url_of(kind.save_as(entry.folder, entry.slug, prefix))})"
        text = catalog.gettext("%(label)s: %(value)s") % {"label": link, "value": note} if note else link
        lines.append(f"- {' '.join(text.split())}")
    return lines


def venue_lists(guide_entries, topics: list[str], languages: dict[str, dict], translations: dict,
                kind) -> dict[str, dict[str, str]]:
    """{list name: {lang: Markdown}} from the (resolved) guides of every language. A language
    without a guide's translation lists the original (its page is the placeholder there)."""
    primary = next(iter(languages))
    by_lang = {lang: {entry.slug: entry for entry in guide_entries if entry.lang == lang} for lang in languages}
    originals = guide_order(by_lang[primary].values(), topics)
    made = {}
    for name, (place, statuses) in LIST_RULES.items():
        made[name] = {}
        for lang, spec in languages.items():
            guides = [by_lang[lang].get(entry.slug, entry) for entry in originals]
            lines = list_items(guides, place, statuses, lang, translations[lang], spec["prefix"], kind,
                               languages[primary]["html_lang"])
            made[name][lang] = "\n".join(lines) if lines else translations[lang].gettext("(none)")
    return made
