"""Exchange-rate quotes (rules/subjects.json ``exchange_quote``): a figure that prices one
currency in another ('about 35.1 baht to the dollar', 'the dollar fell to $1.3280 against the
euro') is about its own currency, named as CLDR names it in English (rules/currency_names.json:
'Thai baht', 'US dollar')."""
from __future__ import annotations

import re

from ...ruleset.currencies import CurrencyNames
from ...ruleset.subjects import SubjectRules
from ...textmatch import alternation
from ..extensions import EntityMention


class ExchangeQuotes:
    def __init__(self, rules: SubjectRules, names: CurrencyNames) -> None:
        q = rules.exchange_quote
        weights = {w.lower() for w in q.weights}
        money = [c for c in q.currencies if c.lower() not in weights]
        definite = [link for link in q.links if link.split()[-1].lower() in ("the", "one")]
        self.quote = re.compile(rf"\s+(?i:(?:{alternation(q.links)})\s+(?:{alternation(money)})"  # match(figure end)
                                rf"|(?:{alternation(definite)})\s+(?:{alternation(q.weights)}))\b")
        self.names = {code: _singular(c.names) for code, c in names.currencies.items() if c.names}

    def currency(self, text: str, rec: dict) -> EntityMention | None:
        """The currency a quote at ``rec`` prices, as a mention of the figure's own words."""
        name = self.names.get(rec.get("currency") or "")
        if name is None or self.quote.match(text, rec["end"]) is None:
            return None
        return {"text": rec["mention"], "canonical": name, "label": "CURRENCY", "start": rec["start"], "end": rec["end"]}


def _singular(names: list[str]) -> str:
    """The English name in running text: the shortest with a lower-case last word ('Thai baht',
    'US dollar'), else the first."""
    running = [n for n in names if n.split()[-1].islower()]
    return min(running, key=len) if running else names[0]
