"""Office details: the office's address, phone, fax, e-mail and opening hours live in ONE place,
content/office.toml, and the templates show them (the contact page, the footer, a disclosure's
office details). A copy typed into a page goes stale the day the office changes its number, so
a value of office.toml typed by hand in content is reported:

- its phone or fax number in any common spelling: 04-2635-0000, (04)2635 0000, 0426350000,
  +886-4-2635-0000, +886 (0)4 2635 0000 …, with or without an extension (sources.phones);
- its street address in another spelling: 台 for 臺, other digits, without the city
  (sources.addresses), in Chinese or English;
- its e-mail address, also as a `mailto:` link;
- its opening hours: the whole value as written, or a range of weekdays with the office's own
  times in another spelling (星期一至星期五 8:00–17:00 = 週一至週五上午8時至下午5時);
- its directions, copied whole.

Other numbers stay quiet: another agency's (the city hall's 04-2228-9111, 1999, 1996), a date, a
fee. A value the office has not confirmed is compared as it stands in office.toml (a placeholder
without digits matches no number).
"""

from __future__ import annotations

from .issues import Issue, LintContext, Occurrences, shorten
from .office_shapes import FIELDS, found_in
from .tree import links, text_of, texts_in

FIX = {"zh": "delete it and link to the contact page, which shows it from content/office.toml: "
             "`[聯絡本所](/contact/)`.",
       "en": "delete it and link to the contact page, which shows it from content/office.toml: "
             "`[contact the office](/en/contact/)`."}


def issue(name: str, written: str, context: LintContext, occurrences: Occurrences) -> Issue:
    return Issue("office-details", f"the office's {FIELDS[name]} is typed by hand: {shorten(written)!r}",
                 FIX["en" if context.english else "zh"], (written,), occurrences.next(written))


def text_issues(text: str, context: LintContext, occurrences: Occurrences) -> list[Issue]:
    """The office details typed in one piece of text."""
    office = context.office
    if not office:
        return []
    return [issue(name, written, context, occurrences) for name, written in found_in(text, office)]


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each office detail typed in the text, or in a `tel:` or `mailto:` link."""
    if not context.office:
        return []
    occurrences = Occurrences()
    issues = [issue for text in texts_in(root, "") for issue in text_issues(text, context, occurrences)]
    for link in links(root):
        href = link.get("href", "")
        scheme, _, value = href.partition(":")
        if scheme.lower() in ("tel", "mailto") and not found_in(text_of(link), context.office):
            issues += [issue(name, href, context, occurrences) for name, _ in found_in(value, context.office)]
    return issues
