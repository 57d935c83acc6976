"""Schema of rules/confidence.json: the weights of a claim's explained confidence."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .base import RuleFile, Strict, Words
from .loader import load


class ConfidenceLimits(Strict):
    heading_max_chars: int = Field(gt=0, description="a heading is a paragraph's first line at most this long")


class ConfidenceRules(RuleFile):
    base: dict[str, float]
    source_type: dict[str, float]
    unattributed: float
    hedge: float
    hedge_cap: float
    currency_undecided: float
    currency_by_context: float
    headline: float
    editorial_section: float
    editorial_words: Words
    floor: float
    ceiling: float
    limits: ConfidenceLimits


def confidence_rules(directory: str | Path | None = None) -> ConfidenceRules:
    return load("confidence.json", ConfidenceRules, directory)
