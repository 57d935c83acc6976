"""Exchange-rate quotes (rules/subjects.json ``exchange_quote``): a figure that prices one
currency in another ('about 35.1 baht to the dollar', 'the dollar fell to $1.3280 against the
euro') is about its own currency, an equation ('$1 = 1,384.5 won') about its pair (the unit's
currency first), named as CLDR names it in English (rules/currency_names.json:
'Thai baht', 'US dollar')."""
from __future__ import annotations

import re

from ...ruleset.currencies import CurrencyNames
from ...ruleset.subjects import SubjectRules
from ...textmatch import alternation
from ..extensions import EntityMention


EQUATION = re.compile(r"\s*=\s*")  # fullmatch(unit end, quote start): '$1 = 1,384.5 won'


class ExchangeQuotes:
    def __init__(self, rules: SubjectRules, names: CurrencyNames) -> None:
        q = rules.exchange_quote
        weights = {w.lower() for w in q.weights}
        money = [c for c in q.currencies if c.lower() not in weights]
        definite = [link for link in q.links if link.split()[-1].lower() in ("the", "one")]
        self.quote = re.compile(rf"\s+(?i:(?:{alternation(q.links)})\s+(?:{alternation(money)})"  # match(figure end)
                                rf"|(?:{alternation(definite)})\s+(?:{alternation(q.weights)}))\b")
        self.names = {code: _singular(c.names) for code, c in names.currencies.items() if c.names}

    def currency(self, text: str, rec: dict, before: dict | None = None, after: dict | None = None) -> EntityMention | None:
        """The currency a quote at ``rec`` prices, as a mention of the figure's own words: its own
        before a link ('35.1 baht to the dollar'), or the pair an equation prices ('($1 = 1,384.5
        won)': 'US dollar/South Korean won', for both figures; ``before``, ``after``: the figures
        next to ``rec``)."""
        if before is not None and _unit(before) and EQUATION.fullmatch(text, before["end"], rec["start"]):
            pair = [before, rec]  # '1,384.5 won' of '$1 = 1,384.5 won'
        elif after is not None and _unit(rec) and EQUATION.fullmatch(text, rec["end"], after["start"]):
            pair = [rec, after]
        elif self.quote.match(text, rec["end"]) is not None:
            pair = [rec]
        else:
            return None
        names = [self.names.get(r.get("currency") or "") for r in pair]
        if None in names:
            return None
        return {"text": rec["mention"], "canonical": "/".join(names), "label": "CURRENCY",  # type: ignore[arg-type]
                "start": rec["start"], "end": rec["end"]}


def _unit(rec: dict) -> bool:
    """Is the figure one unit of its currency ('$1')?"""
    return rec.get("value") == 1 and rec.get("currency") is not None


def _singular(names: list[str]) -> str:
    """The English name in running text: the shortest with a lower-case last word ('Thai baht',
    'US dollar'), else the first."""
    running = [n for n in names if n.split()[-1].islower()]
    return min(running, key=len) if running else names[0]
