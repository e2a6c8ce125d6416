"""Amounts of money, numbers of days and fines as words in a page's language, through its gettext
catalog: 'NT$1,200' / '新臺幣1,200元', '30 days' / '30日', 'NT$300 to NT$900' / '新臺幣300元以上900元以下'.
The fact placeholders (content_model/facts.py) and the templates (filter `money`) both use it."""

from __future__ import annotations

import gettext


class Formatter:
    """Values as words in one language, through the gettext catalog of that language."""

    def __init__(self, catalog: gettext.NullTranslations):
        self.catalog = catalog

    def money(self, amount: int) -> str:
        if amount == 0:
            return self.catalog.gettext("free")
        return self.catalog.gettext("NT$%(amount)s") % {"amount": f"{amount:,}"}

    def fee(self, amount: int, unit: str | None) -> str:
        if amount == 0 or not unit:
            return self.money(amount)
        return self.catalog.gettext("%(amount)s %(unit)s") % {"amount": self.money(amount), "unit": unit}

    def days(self, days: int, working: bool = False) -> str:
        if working:
            return self.catalog.ngettext("%(num)d working day", "%(num)d working days", days) % {"num": days}
        return self.catalog.ngettext("%(num)d day", "%(num)d days", days) % {"num": days}

    def fine(self, low: int, high: int) -> str:
        if low == high:
            return self.money(low)
        return self.catalog.gettext("NT$%(low)s to NT$%(high)s") % {"low": f"{low:,}", "high": f"{high:,}"}
