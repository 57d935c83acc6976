"""Schema of rules/confidence.json: the weights of a claim's explained confidence."""
from __future__ import annotations

from pathlib import Path

from .base import RuleFile, Words
from .loader import load


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
    editorial_headings: Words
    floor: float
    ceiling: float


def confidence_rules(directory: str | Path | None = None) -> ConfidenceRules:
    return load("confidence.json", ConfidenceRules, directory)
