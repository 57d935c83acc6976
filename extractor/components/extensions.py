"""The ``Doc._`` extensions the components write, declared in one place: plain data only
(so that ``n_process`` and DocBin carry them), typed here with the component that writes
each key. ``records.claims_of`` refuses a money record with a key not declared here, so a
misspelt key is an error rather than a field that vanishes.
"""
from __future__ import annotations

from typing import TypedDict

from spacy.tokens import Doc
from typing_extensions import NotRequired

from ..models import CurrencyBy, Decided, Qualifier, SourceType


class SpanRef(TypedDict):
    text: str
    start: int
    end: int


class EntityRef(TypedDict):
    """A name as the subject or counterparty of a figure."""

    name: str
    canonical: str
    label: str | None


class EntityMention(TypedDict):
    """One name found in the text (claims_entities)."""

    text: str
    canonical: str
    label: str
    start: int
    end: int


class PeriodRef(TypedDict):
    text: str
    start: str | None
    end: str | None


class HopRef(TypedDict):
    source: str
    cue: str | None
    type: SourceType


class AttributionRef(TypedDict):
    """A figure's attribution (claims_attribution)."""

    source: str | None
    cue: str | None
    source_type: SourceType | None
    chain: list[HopRef]


class ChangeRef(TypedDict):
    direction: str | None
    percent: float | None
    amount: float | None
    from_value: float | None


class FactorRef(TypedDict):
    factor: str
    value: str | None
    evidence: str | None
    effect: float


class DecisionRef(TypedDict):
    """Why a field has its value: the rule and the words behind it."""

    rule: str
    evidence: str | None
    start: int | None
    end: int | None


class MoneyRecord(TypedDict):
    """One amount of ``doc._.money``; the comment before each group names its writer."""

    # claims_amounts
    start: int
    end: int
    mention: str
    value: float | None
    low: float | None
    high: float | None
    currency: str | None  # claims_currency decides the ambiguous ones
    currency_text: str
    currency_candidates: list[str]
    currency_note: str | None  # claims_currency too
    currency_by: CurrencyBy  # claims_currency too
    qualifier: Qualifier
    scale_text: str | None
    per: str | None
    rule: str
    equivalent_of: int | None  # claims_equivalents: index of the record restated
    # claims_periods
    period: NotRequired[PeriodRef | None]
    # claims_attribution
    attribution: NotRequired[AttributionRef]
    # claims_subjects
    subject: NotRequired[EntityRef | None]
    counterparty: NotRequired[EntityRef | None]
    # claims_metrics
    metric: NotRequired[str | None]
    # claims_changes
    change: NotRequired[ChangeRef | None]
    # claims_hedges
    hedges: NotRequired[list[str]]
    # claims_confidence
    factors: NotRequired[list[FactorRef]]
    confidence: NotRequired[float]
    # claims_subjects, claims_metrics, claims_periods, claims_attribution: one entry each
    decided_by: NotRequired[dict[Decided, DecisionRef]]


class AmountRefusal(TypedDict):
    """A number in money form that claims_amounts refused as an amount, and why
    ('a 321-digit number: more than 24 digits')."""

    text: str
    start: int
    end: int
    reason: str


class AttributionMention(TypedDict):
    """One attribution of the text, money or not (claims_attribution)."""

    source: SpanRef | None
    cue: SpanRef
    content: SpanRef | None
    source_type: SourceType | None
    name: str | None
    parent: int | None
    chain: list[HopRef]


MONEY_KEYS = frozenset(MoneyRecord.__annotations__)

EXTENSIONS: dict[str, object] = {
    "money": None,  # list[MoneyRecord], in text order (claims_amounts, then every later stage)
    "published": None,  # ISO date of the article when known (set by the caller before the pipeline runs)
    "publisher": None,  # {name, text, start, end} of the byline when there is one (claims_attribution)
    "entities": None,  # list[EntityMention] (claims_entities)
    "main_entity": None,  # canonical name of the entity the article is about (claims_subjects)
    "attributions": None,  # list[AttributionMention] (claims_attribution)
    "amount_refusals": None,  # list[AmountRefusal] (claims_amounts)
}


def register() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def decision(rule: str, evidence: SpanRef | None = None) -> DecisionRef:
    """A DecisionRef from a rule id and, when there is one, the span of words behind it."""
    if evidence is None:
        return {"rule": rule, "evidence": None, "start": None, "end": None}
    return {"rule": rule, "evidence": evidence["text"], "start": evidence["start"], "end": evidence["end"]}


register()
