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


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Amount(_Record):
    """A normalised amount of money; ``value`` is null for ranges, bounds and vague amounts."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = Field(None, description="ISO 4217 code, null when the text cannot decide")
    currency_text: str = Field(description="the currency marker as written: '$', 'CNY', 'yuan'")
    currency_note: str | None = Field(None, description="how the currency was decided")
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
    factor: str
    effect: float


class Change(_Record):
    """A change stated beside a figure: 'a 25% rise', 'up from CNY 1.5 trillion'."""

    direction: Literal["up", "down"] | None = None
    percent: float | None = None
    amount: float | None = None
    from_value: float | None = None


class Claim(_Record):
    """One money mention in one document: the claim record, version 1."""

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
    chain: list[Hop] = Field(default_factory=list)


class DocumentError(_Record):
    """A document that could not be read or processed, reported instead of its claims."""

    doc_id: str
    path: str
    error: str
    reason: str
