"""The output contract: pydantic models for every record the tool writes.

This module imports nothing from the rest of the package. JSON Schema comes from
these models (``claims schema``).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Qualifier = Literal[
    "exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range", "vague"
]
SourceType = Literal["publisher", "media", "company", "official", "analyst", "anonymous", "other"]
CurrencyBy = Literal["marker", "convention", "declaration", "equivalent", "context", "other_amounts", "undecided"]
Decided = Literal["subject", "counterparty", "metric", "period", "source"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Amount(_Record):
    """A normalised amount of money; ``value`` is null for ranges, bounds and vague amounts."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = Field(None, description="ISO 4217 code, null when the text cannot decide")
    currency_text: str = Field(description="the currency marker as written: '$', 'CNY', 'yuan'")
    currency_note: str | None = Field(None, description="how the currency was decided, in words")
    currency_by: CurrencyBy = Field("marker", description="how the currency was decided: the marker names one "
                                    "currency; convention; the article's own statement of its currency ('All figures are in "
                                    "Canadian dollars'); a restatement's implied rate; context words; the "
                                    "document's other amounts; undecided")
    qualifier: Qualifier = "exact"
    scale_text: str | None = None
    per: str | None = Field(None, description="unit of a per-unit figure: 'unit', 'share', 'barrel'")


class Entity(_Record):
    name: str
    canonical: str
    label: str | None = None


class Period(_Record):
    text: str
    start: str | None = None
    end: str | None = None


class Hop(_Record):
    source: str
    cue: str | None = None
    type: SourceType = "other"


class Attribution(_Record):
    source: str | None = None
    cue: str | None = None
    source_type: SourceType | None = None
    chain: list[Hop] = Field(default_factory=list)


class Factor(_Record):
    """One term of an explained confidence: which factor, the value it took, the words that
    show it, and what it added (negative: took away)."""

    factor: str = Field(description="the factor's id: base, source_type, unattributed, hedged, currency...")
    value: str | None = Field(None, description="the value it took: the rule, the source type, the hedge labels")
    evidence: str | None = Field(None, description="the words of the text (or the records) behind it")
    effect: float


class Decision(_Record):
    """Why a field has its value: the rule that decided it and the words that led there."""

    rule: str = Field(description="id of the deciding rule, e.g. subject.sale_target, period.inherited")
    evidence: str | None = Field(None, description="the words that led there, as written")
    start: int | None = Field(None, description="character offset of the evidence in the document")
    end: int | None = None


class Change(_Record):
    """A change stated beside a figure: 'a 25% rise', 'up from CNY 1.5 trillion'."""

    direction: Literal["up", "down"] | None = None
    percent: float | None = None
    amount: float | None = None
    from_value: float | None = None


class Claim(_Record):
    """One money mention in one document: the claim record, version 1."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"version": SCHEMA_VERSION})

    id: str
    doc_id: str
    mention: str
    start: int
    end: int
    sentence: str
    kind: Literal["money", "quantity", "percent"] = "money"
    amount: Amount
    equivalent_of: str | None = None
    subject: Entity | None = None
    counterparty: Entity | None = None
    metric: str | None = None
    period: Period | None = None
    attribution: Attribution = Field(default_factory=Attribution)
    hedges: list[str] = Field(default_factory=list)
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    factors: list[Factor] = Field(default_factory=list)
    change: Change | None = None
    rule: str
    published: str | None = Field(None, description="ISO date of the article's publication when known (its "
                                                     "exchange-rate year in reconciliation)")
    decided_by: dict[Decided, Decision] = Field(
        default_factory=dict, description="for subject, counterparty, metric, period and source: the rule that "
                                          "decided the field and the words behind it")


class TextSpan(_Record):
    text: str
    start: int
    end: int


class AttributionRecord(_Record):
    """One attribution found in a text, money or not: who says what, with which cue."""

    doc_id: str
    source: TextSpan | None = None
    cue: TextSpan
    content: TextSpan | None = None
    source_type: SourceType | None = None
    name: str | None = Field(None, description="short name of the source, as used in chains")
    parent: int | None = Field(None, description="index (in this document's attributions) of the attribution citing this one")
    chain: list[Hop] = Field(default_factory=list)


class DocumentInfo(_Record):
    """What is known of one article read: the documents table of a database load."""

    doc_id: str
    path: str
    content_hash: str = Field(description="sha256 of the text as read")
    title: str | None = None
    publisher: str | None = None
    published: str | None = Field(None, description="ISO date of publication when known")
    url: str | None = None
    extractor_version: str


class DocumentError(_Record):
    """A document that could not be read or processed, reported instead of its claims."""

    doc_id: str
    path: str
    error: str
    reason: str


# ------------------------------------------------------------------ reconciliation and diff
Check = Literal[
    "value_conflict", "magnitude_slip", "unit_price", "part_exceeds_whole", "arithmetic", "currency_equivalent",
    "revision", "repetition", "corroboration", "different_period",
]
Verdict = Literal["conflict", "agree"]


class Usd(_Record):
    """An amount's interval converted to US dollars at a dated reference rate."""

    low: float = Field(description="lower end in USD (0 when unbounded below)")
    high: float | None = Field(description="upper end in USD, null when unbounded")
    rate: float = Field(description="units of the currency per USD")
    year: int | None = Field(description="year of the reference rate; null: no year known, the latest rate")
    rate_source: str
    year_by: Literal["published", "periods", "none"] | None = Field(
        None, description="where the year comes from: the article's published date, the periods the article "
                          "reports on, or none known")


class Figure(_Record):
    """One claim as a figure to compare: the amount as stated, its interval (precision and
    qualifier) in its currency and in USD, and who it comes from."""

    claim: str
    doc_id: str
    mention: str
    metric: str | None = None
    period: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    qualifier: Qualifier = "exact"
    interval: tuple[float, float | None] = Field(description="what the figure stands for: [low, high], high null when unbounded")
    usd: Usd | None = None
    source: str | None = Field(None, description="the source the text attributes the figure to")
    origin: str = Field(description="the deepest source of the attribution chain (else the publisher or document)")


class Fact(_Record):
    """The claims about one thing: a subject's metric for a period, with every mention."""

    id: str
    subject: str | None = None
    metric: str | None = None
    period: str | None = None
    figure: Figure = Field(description="the representative figure: the most precise statement")
    mentions: list[Figure]
    documents: list[str]
    origins: list[str] = Field(description="independent origins that state an agreeing figure")
    confidence: float = Field(ge=0.0, le=1.0)
    factors: list[Factor] = Field(default_factory=list)


class Finding(_Record):
    """The outcome of one check over some claims: a conflict or an agreement, and why."""

    check: Check
    verdict: Verdict
    subject: str | None = None
    metric: str | None = None
    period: str | None = None
    claims: list[str]
    values: list[Figure]
    why: str
    relative_difference: float | None = None
    severity: Literal["small", "large"] | None = Field(None, description="for a conflict: small when it is a slip beyond rounding")
    facts: list[str] = Field(default_factory=list)
    correct: Figure | None = Field(None, description="for a magnitude slip or a unit-price check: the likely "
                                                     "correct figure")


class Reconciliation(_Record):
    facts: list[Fact]
    findings: list[Finding]


class DiffPair(_Record):
    """A fact both sources state, aligned by subject, metric and period."""

    subject: str | None = None
    metric: str | None = None
    period: str | None = None
    a: Figure
    b: Figure
    relative_difference: float | None = None
    why: str
    weaker: Literal["a", "b"] | None = Field(None, description="the side whose attribution is weaker")


class Diff(_Record):
    agree: list[DiffPair]
    conflict: list[DiffPair]
    only_in_a: list[Fact]
    only_in_b: list[Fact]
