"""``claims_currency``: decide ambiguous markers (¥ is CNY or JPY, 'rupees' is INR or LKR)
and record how in ``currency_note``.

Evidence, strongest first: a restatement in another currency whose implied rate fits one
candidate's reference rate; context cues (rules/currencies.json) in the sentence, then the
paragraph, then the document; the document's other amounts. Without evidence the currency
stays null and the note says so.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..fx import implied_rate_fits
from ..layout import Layout
from ..numbers import point
from ..ruleset import currency_rules
from ..textmatch import alternation
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of


class CurrencyResolver:
    def __init__(self) -> None:
        self.cues = {
            code: re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)")
            for code, words in currency_rules().context.cues.items()
        }

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        year = int(doc._.published[:4]) if doc._.published else None
        view = layout_of(doc)
        for i, rec in enumerate(money):
            if rec["currency"] is not None:
                continue
            code, note, by = *self._by_equivalent(i, money, year), "equivalent"
            if code is None:
                code, note, by = *self._by_context(view, rec), "context"
            if code is None:
                code, note, by = *self._by_other_amounts(rec, money), "other_amounts"
            rec["currency"] = code
            rec["currency_by"] = by if code is not None else "undecided"
            rec["currency_note"] = note or (
                f"ambiguous: '{rec['currency_text']}' may be " + " or ".join(rec["currency_candidates"])
                + "; the text does not say which")
        return doc

    def _by_equivalent(self, i: int, money: list[dict], year: int | None) -> tuple[str | None, str | None]:
        rec = money[i]
        partners = [m for j, m in enumerate(money) if m["equivalent_of"] == i or j == rec["equivalent_of"]]
        for other in partners:
            mine, usd = point(rec["value"], rec["low"], rec["high"]), point(other["value"], other["low"], other["high"])
            if mine is None or usd is None or other["currency"] != "USD":
                continue
            fitting = []
            for code in rec["currency_candidates"]:
                fits, implied, ref = implied_rate_fits(mine, code, usd, year)
                if fits and ref is not None:
                    fitting.append((code, implied, ref))
            if len(fitting) == 1:
                code, implied, ref = fitting[0]
                return code, (f"the restatement as {other['mention']} implies {implied:.2f} {code}/USD, "
                              f"which fits the {ref.year} reference rate {ref.per_usd:.2f}")
        return None, None

    def _by_context(self, view: Layout, rec: dict) -> tuple[str | None, str | None]:
        scopes = [("sentence", *view.sentence(rec["start"]))]
        para = view.paragraph(rec["start"])
        if para:
            scopes.append(("paragraph", *para))
        scopes.append(("document", 0, len(view.text)))
        for scope, start, end in scopes:
            counts = Counter({
                code: len(self.cues[code].findall(view.text, start, end))
                for code in rec["currency_candidates"] if code in self.cues
            })
            ranked = counts.most_common(2)
            if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                return ranked[0][0], f"'{rec['currency_text']}' read as {ranked[0][0]} from {ranked[0][1]} context cue(s) in the {scope}"
        return None, None

    def _by_other_amounts(self, rec: dict, money: list[dict]) -> tuple[str | None, str | None]:
        seen = Counter(m["currency"] for m in money if m["currency"] in rec["currency_candidates"])
        ranked = seen.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], f"'{rec['currency_text']}' read as {ranked[0][0]}, the currency of the document's other amounts"
        return None, None


@Language.factory("claims_currency")
def make_currency(nlp: Language, name: str) -> CurrencyResolver:
    return CurrencyResolver()
