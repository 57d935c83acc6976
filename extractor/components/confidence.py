"""``claims_confidence``: one explained score per claim, Presidio-style.

The base comes from the rule that found the amount; source type, anonymity, hedges, an
undecided currency, a headline and an editorial section adjust it. Every adjustment is a
factor ``{factor, effect}`` in ``rec["factors"]`` and ``rec["confidence"]`` is their sum,
clamped, so the number can always be explained and reproduced. Weights:
``rules/confidence.json``.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import ConfidenceRules, confidence_rules
from ..textmatch import phrases
from .extensions import FactorRef, MoneyRecord
from .view import layout_of


def _factor(factor: str, effect: float, value: str | None = None, evidence: str | None = None) -> FactorRef:
    return {"factor": factor, "value": value, "evidence": evidence, "effect": round(effect, 3)}


def score(factors: list[FactorRef], rules: ConfidenceRules | None = None) -> float:
    """The confidence that a list of factors gives: their sum, clamped."""
    r = rules or confidence_rules()
    return round(min(r.ceiling, max(r.floor, sum(f["effect"] for f in factors))), 3)


class ConfidenceScorer:
    def __init__(self, rules_dir: str | None = None) -> None:
        self.rules = confidence_rules(rules_dir)
        self.editorial = phrases(self.rules.editorial_words)
        self._bases: dict[str, tuple[str, float]] = {}

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        text, paragraphs = view.text, view.paragraphs
        starts = [start for start, _ in paragraphs]
        headline_end = paragraphs[0][1] if paragraphs else 0
        sections: list[bool] | None = None
        for rec in doc._.money or []:
            if sections is None:
                sections = self._editorial_sections(text, paragraphs)
            last = bisect_right(starts, rec["start"]) - 1
            factors = self.factors(rec, in_headline=rec["start"] < headline_end, editorial=last >= 0 and sections[last])
            rec["factors"] = factors
            rec["confidence"] = score(factors, self.rules)
        return doc

    def factors(self, rec: MoneyRecord, in_headline: bool, editorial: bool) -> list[FactorRef]:
        r = self.rules
        rule, base = self._base(rec["rule"])
        factors = [_factor("base", base, rule, rec["rule"])]
        attribution = rec.get("attribution") or {}
        kind = attribution.get("source_type")
        if attribution.get("source") and kind in r.source_type:
            factors.append(_factor("source_type", r.source_type[kind], kind, attribution["source"]))
        elif not attribution.get("source") and r.unattributed:
            factors.append(_factor("unattributed", r.unattributed))
        hedges = rec.get("hedges") or []
        if hedges:
            factors.append(_factor("hedged", max(r.hedge_cap, r.hedge * len(hedges)), ", ".join(hedges)))
        if rec["currency_by"] == "undecided":
            factors.append(_factor("currency_undecided", r.currency_undecided, rec["currency_text"], rec["currency_note"]))
        elif rec["currency_by"] == "context":
            factors.append(_factor("currency_from_context", r.currency_by_context, rec["currency"], rec["currency_note"]))
        if in_headline:
            factors.append(_factor("headline", r.headline))
        if editorial:
            factors.append(_factor("editorial_section", r.editorial_section))
        return factors

    def _base(self, rule_id: str) -> tuple[str, float]:
        """The base weight of the rule that found an amount: that of the longest rule of
        ``base`` it is or falls under ('money.symbol' for 'money.symbol.x'); kept per rule id."""
        found = self._bases.get(rule_id)
        if found is None:
            r = self.rules
            rule = max((k for k in r.base if rule_id == k or rule_id.startswith(k + ".")), key=len, default="money")
            found = self._bases[rule_id] = (rule, r.base.get(rule, r.base["money"]))
        return found

    def _editorial_sections(self, text: str, paragraphs: list[tuple[int, int]]) -> list[bool]:
        """Per paragraph, is it under a heading (by its shape: a paragraph's short first line
        without closing punctuation; the nearest at or before it) that holds a word of
        commentary ('Analysis', 'Our view', 'Why it matters')? In one pass."""
        sections, editorial = [], False
        for start, end in paragraphs:
            line_end = text.find("\n", start, end)
            first_line = text[start:end if line_end < 0 else line_end].rstrip()
            if len(first_line) <= self.rules.limits.heading_max_chars and not first_line.endswith((".", "!", "?", ":")):
                editorial = bool(self.editorial.search(first_line))
            sections.append(editorial)
        return sections


@Language.factory("claims_confidence", assigns=["doc._.money"], requires=["doc._.money"], default_config={"rules": None})
def make_confidence(nlp: Language, name: str, rules: str | None) -> ConfidenceScorer:
    return ConfidenceScorer(rules)
