"""``claims_confidence``: one explained score per claim, Presidio-style.

The base comes from the rule that found the amount; source type, anonymity, hedges, an
undecided currency, a headline and an editorial section adjust it. Every adjustment is a
factor ``{factor, effect}`` in ``rec["factors"]`` and ``rec["confidence"]`` is their sum,
clamped, so the number can always be explained and reproduced. Weights:
``rules/confidence.json``.
"""
from __future__ import annotations

import re

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import load
from ..textmatch import alternation
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of


class ConfidenceRules(BaseModel):
    base: dict[str, float]
    source_type: dict[str, float]
    unattributed: float
    hedge: float
    hedge_cap: float
    currency_undecided: float
    currency_by_context: float
    headline: float
    editorial_section: float
    editorial_headings: list[str]
    floor: float
    ceiling: float


def confidence_rules() -> ConfidenceRules:
    return load("confidence.json", ConfidenceRules)


def score(factors: list[dict]) -> float:
    """The confidence that a list of factors gives: their sum, clamped."""
    r = confidence_rules()
    return round(min(r.ceiling, max(r.floor, sum(f["effect"] for f in factors))), 3)


class ConfidenceScorer:
    def __init__(self) -> None:
        self.rules = confidence_rules()
        self.editorial = re.compile(
            rf"^\W*(?:{alternation(self.rules.editorial_headings)})\W*$", re.I)

    def __call__(self, doc: Doc) -> Doc:
        text = layout_of(doc).text
        paragraphs = layout.paragraphs(text)
        headline_end = paragraphs[0][1] if paragraphs else 0
        for rec in doc._.money or []:
            factors = self.factors(rec, in_headline=rec["start"] < headline_end,
                                   editorial=self._in_editorial_section(text, paragraphs, rec["start"]))
            rec["factors"] = factors
            rec["confidence"] = score(factors)
        return doc

    def factors(self, rec: dict, in_headline: bool, editorial: bool) -> list[dict]:
        r = self.rules
        rule = max((k for k in r.base if rec["rule"] == k or rec["rule"].startswith(k + ".")), key=len, default="money")
        factors = [{"factor": f"base: rule {rule}", "effect": r.base.get(rule, r.base["money"])}]
        attribution = rec.get("attribution") or {}
        kind = attribution.get("source_type")
        if attribution.get("source") and kind in r.source_type:
            factors.append({"factor": f"source type: {kind} ({attribution['source']})", "effect": r.source_type[kind]})
        elif not attribution.get("source") and r.unattributed:
            factors.append({"factor": "no cited source", "effect": r.unattributed})
        hedges = rec.get("hedges") or []
        if hedges:
            factors.append({"factor": "hedged: " + ", ".join(hedges),
                            "effect": max(r.hedge_cap, r.hedge * len(hedges))})
        if rec.get("currency") is None:
            factors.append({"factor": "currency undecided", "effect": r.currency_undecided})
        elif rec.get("currency_note") and "context" in rec["currency_note"]:
            factors.append({"factor": "currency read from context", "effect": r.currency_by_context})
        if in_headline:
            factors.append({"factor": "in the headline", "effect": r.headline})
        if editorial:
            factors.append({"factor": "in an editorial section", "effect": r.editorial_section})
        return [{"factor": f["factor"], "effect": round(f["effect"], 3)} for f in factors]

    def _in_editorial_section(self, text: str, paragraphs: list[tuple[int, int]], offset: int) -> bool:
        """Is the figure under a heading such as 'Editorial analysis' or 'Scoring Rationale'?"""
        for start, end in reversed([p for p in paragraphs if p[0] <= offset]):
            first_line = text[start:end].split("\n", 1)[0]
            if len(first_line) < 60 and not first_line.rstrip().endswith("."):
                return bool(self.editorial.match(first_line))
        return False


@Language.factory("claims_confidence")
def make_confidence(nlp: Language, name: str) -> ConfidenceScorer:
    return ConfidenceScorer()
